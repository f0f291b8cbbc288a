import { kernelsFor } from '../engine.ts';
import type { KernelRunOptions } from '../clock-ensemble/run.ts';
import { heartbeatInputs, type HeartbeatParams, type HeartbeatRaw } from './params.ts';
import { heartbeatReference } from './reference.ts';

/**
 * QoS estimates of one heartbeat run in Chen–Toueg–Aguilera's metrics (IEEE Trans. Computers
 * 51(5), 2002, §2.3), with standard errors from the spread between the independent streams.
 */
export interface HeartbeatSummary {
  /** Mistakes per second of observation: 1/E(T_MR). */
  readonly mistakeRatePerS: number;
  readonly mistakeRateStdErrPerS: number;
  /** E(T_MR), the mean mistake recurrence time, seconds. */
  readonly mistakeRecurrenceS: number;
  /** E(T_M), the mean mistake duration, seconds (NaN when no mistake happened). */
  readonly mistakeDurationS: number;
  readonly mistakeDurationStdErrS: number;
  /** P_A, the query accuracy probability: the fraction of time the correct sender is trusted. */
  readonly availability: number;
  readonly availabilityStdErr: number;
  /** Mistakes counted over all streams. */
  readonly mistakes: number;
  /** streams × periods. */
  readonly laneSteps: number;
}

/** Reduces the per-stream accumulators in stream order (same on every engine). */
export function summarizeHeartbeat(params: HeartbeatParams, raw: HeartbeatRaw): HeartbeatSummary {
  const n = params.streams;
  const streamTimeS = params.periods * params.etaS;
  let mistakes = 0;
  let suspect = 0;
  for (let i = 0; i < n; i++) {
    mistakes += raw.mistakes[i];
    suspect += raw.suspectS[i];
  }
  const meanMistakes = mistakes / n;
  const meanSuspect = suspect / n;
  // Between-stream variances and covariance, for the standard errors (ratio estimator by the
  // delta method for E(T_M) = Σ suspect / Σ mistakes).
  let varM = 0;
  let varS = 0;
  let cov = 0;
  for (let i = 0; i < n; i++) {
    const dm = raw.mistakes[i] - meanMistakes;
    const ds = raw.suspectS[i] - meanSuspect;
    varM += dm * dm;
    varS += ds * ds;
    cov += dm * ds;
  }
  varM /= n - 1;
  varS /= n - 1;
  cov /= n - 1;
  const duration = suspect / mistakes;
  const durationVar = (varS - 2 * duration * cov + duration * duration * varM) / (n * meanMistakes * meanMistakes);
  return {
    mistakeRatePerS: meanMistakes / streamTimeS,
    mistakeRateStdErrPerS: Math.sqrt(varM / n) / streamTimeS,
    mistakeRecurrenceS: streamTimeS / meanMistakes,
    mistakeDurationS: mistakes > 0 ? duration : NaN,
    mistakeDurationStdErrS: mistakes > 0 ? Math.sqrt(Math.max(durationVar, 0)) : NaN,
    availability: 1 - meanSuspect / streamTimeS,
    availabilityStdErr: Math.sqrt(varS / n) / streamTimeS,
    mistakes,
    laneSteps: n * params.periods,
  };
}

export function heartbeatRaw(params: HeartbeatParams, options: KernelRunOptions): HeartbeatRaw {
  const inputs = heartbeatInputs(params, options.seed, options.task ?? 0);
  const kernels = kernelsFor(options.engine ?? 'auto');
  return kernels === undefined ? heartbeatReference(inputs) : kernels.heartbeat(inputs);
}

/** Runs the heartbeat-QoS kernel: NFD-S over exponential delays and Bernoulli losses. */
export function runHeartbeat(params: HeartbeatParams, options: KernelRunOptions): HeartbeatSummary {
  return summarizeHeartbeat(params, heartbeatRaw(params, options));
}

import { RandomStream } from '../../core/random/index.ts';
import type { HeartbeatTrace } from '../trace/heartbeat-trace.ts';
import { quantileSorted, RunningStats, type MeanWithCi } from './confidence.ts';
import { makeDetector, type DetectorConfig } from './detector-factory.ts';
import { CrashRecorder, QosAccumulator } from './qos-accumulator.ts';
import { runDeadlineDetector } from './run-deadline.ts';
import type { TransitionSink } from './transition-sink.ts';

/** Runs the configured detector over `trace` until `endUs` (crash at `crashAtUs`, if any). */
export function runDetector(config: DetectorConfig, trace: HeartbeatTrace, sink: TransitionSink, endUs: number, crashAtUs = Infinity): void {
  const d = makeDetector(config);
  if (d.kind === 'deadline') runDeadlineDetector(d.detector, trace, sink, endUs, crashAtUs);
  else d.detector.run(trace, sink, endUs, crashAtUs);
}

/** Accuracy of a detector on a sender that never crashes (Chen et al. 2002, §2.3). */
export interface AccuracyResult {
  readonly mistakes: number;
  readonly mistakeRecurrenceS: MeanWithCi;
  readonly mistakeDurationS: MeanWithCi;
  readonly queryAccuracy: MeanWithCi;
}

const toS = (m: MeanWithCi): MeanWithCi => ({ mean: m.mean / 1e6, ciLow: m.ciLow / 1e6, ciHigh: m.ciHigh / 1e6, n: m.n });

/** Measures T_MR, T_M and P_A over the trace, skipping the first `warmupUs` (windows filling). */
export function measureAccuracy(config: DetectorConfig, trace: HeartbeatTrace, warmupUs: number): AccuracyResult {
  const endUs = trace.arrivalUs.length * trace.etaUs;
  const acc = new QosAccumulator(warmupUs, endUs);
  runDetector(config, trace, acc, endUs);
  acc.finish();
  return {
    mistakes: acc.mistakes,
    mistakeRecurrenceS: toS(acc.recurrence.withCi()),
    mistakeDurationS: toS(acc.duration.withCi()),
    queryAccuracy: acc.queryAccuracy(),
  };
}

export interface DetectionResult {
  readonly meanS: number;
  readonly ciLowS: number;
  readonly ciHighS: number;
  readonly p99S: number;
  readonly maxS: number;
  readonly trials: number;
  /** Crashes the detector never settled on (it kept trusting to the end). */
  readonly undetected: number;
}

/**
 * Detection time T_D over `trials` crashes. Trial j runs a fresh detector over heartbeats
 * [s_j, s_j + warmup) of the trace, where s_j = j·stride, and crashes the sender at a uniformly
 * random instant of the next period; the window statistics are warm as in a long run.
 */
export function measureDetection(
  config: DetectorConfig, trace: HeartbeatTrace, trials: number, warmupBeats: number, seed: number, streamId: number,
): DetectionResult {
  const rng = new RandomStream(seed, streamId);
  const n = trace.arrivalUs.length;
  const span = warmupBeats + Math.ceil(n > 0 ? 100 : 0);
  const stride = Math.max(1, Math.floor((n - span) / Math.max(1, trials)));
  const times: number[] = [];
  const stats = new RunningStats();
  let undetected = 0;
  const { etaUs } = trace;
  for (let j = 0; j < trials; j++) {
    const start = Math.min(j * stride, Math.max(0, n - span));
    const slice = new Float64Array(Math.min(span, n - start));
    const offsetUs = start * etaUs;
    for (let k = 0; k < slice.length; k++) {
      const a = trace.arrivalUs[start + k];
      slice[k] = a < 0 ? a : a - offsetUs;
    }
    const crashAtUs = Math.floor((warmupBeats + rng.uniform()) * etaUs);
    const recorder = new CrashRecorder(crashAtUs);
    runDetector({ ...config, seed: config.seed + j }, { etaUs, arrivalUs: slice }, recorder, Infinity, crashAtUs);
    const td = recorder.detectionTimeUs();
    if (td === Infinity) { undetected++; continue; }
    times.push(td / 1e6);
    stats.add(td / 1e6);
  }
  times.sort((a, b) => a - b);
  const ci = stats.withCi();
  return {
    meanS: stats.mean, ciLowS: ci.ciLow, ciHighS: ci.ciHigh,
    p99S: quantileSorted(times, 0.99), maxS: times.length ? times[times.length - 1] : NaN,
    trials, undetected,
  };
}

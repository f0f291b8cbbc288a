import { RandomStream } from '../../core/random/index.ts';
import { detectMessages } from '../messages.ts';
import { drawDelayS, type DelayDistribution } from './delay-distribution.ts';

/** Simulated time in these traces is an integer count of microseconds (`…Us`). */
export const US_PER_S = 1_000_000;
/** Marks a heartbeat that never arrives. */
export const LOST = -1;

/** Random stream ids of a trace, one per independent source (ARCHITECTURE.md, Randomness). */
export const TRACE_STREAMS = { loss: 0, delay: 1 } as const;

/**
 * A heartbeat trace: the sender p sends heartbeat i at σ_i = i·η (i = 0 … count−1); it arrives at
 * q at `arrivalUs[i]` or is lost (`LOST`). This is the system model of Chen, Toueg and Aguilera
 * (2002), §2: messages are lost independently with probability p_L, and the delays of the others
 * are independent draws from one distribution. Every detector of the comparison reads the same
 * trace, so their differences are theirs, not the network's.
 */
export interface HeartbeatTrace {
  readonly etaUs: number;
  readonly arrivalUs: Float64Array;
}

export interface TraceOptions {
  /** Heartbeats to send. */
  readonly count: number;
  /** Interval between heartbeats η in seconds. */
  readonly etaS: number;
  /** Probability p_L that a heartbeat is lost, in [0, 1]. */
  readonly lossProbability: number;
  readonly delay: DelayDistribution;
  readonly seed: number;
  /** First stream id used (two are used: loss, delay); default 0. */
  readonly streamBase?: number;
  /**
   * Optional extra delay in seconds for heartbeat i (delay bursts, a slow "gray" sender);
   * added to the drawn delay.
   */
  readonly extraDelayS?: (i: number) => number;
}

function check(what: string, value: number, ok: boolean, expected: string): void {
  if (!ok) throw new RangeError(detectMessages.badParameter(what, value, expected));
}

/** Draws a trace. Same options → the same trace, bit for bit. */
export function generateTrace(options: TraceOptions): HeartbeatTrace {
  const { count, etaS, lossProbability, delay, seed, extraDelayS } = options;
  check('count', count, Number.isSafeInteger(count) && count >= 0, 'an integer >= 0');
  check('etaS', etaS, etaS > 0 && Number.isFinite(etaS), 'a number of seconds > 0');
  check('lossProbability', lossProbability, lossProbability >= 0 && lossProbability <= 1, 'a probability in [0, 1]');
  const base = options.streamBase ?? 0;
  const lossRng = new RandomStream(seed, base + TRACE_STREAMS.loss);
  const delayRng = new RandomStream(seed, base + TRACE_STREAMS.delay);
  const etaUs = Math.round(etaS * US_PER_S);
  const arrivalUs = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    // One loss draw and one delay draw per heartbeat, lost or not, so the delays of the
    // heartbeats that do arrive do not depend on p_L (common random numbers across a sweep).
    const lost = lossRng.uniform() < lossProbability;
    let delayS = drawDelayS(delayRng, delay);
    if (extraDelayS !== undefined) delayS += extraDelayS(i);
    arrivalUs[i] = lost ? LOST : i * etaUs + Math.round(delayS * US_PER_S);
  }
  return { etaUs, arrivalUs };
}

import { InputError } from '../../core/errors.ts';
import { checkInteger, checkLanes, checkNonNegative, checkPositive, seedKey } from '../check.ts';
import { kernelMessages } from '../messages.ts';

/**
 * One configuration of the heartbeat-QoS kernel: Chen, Toueg & Aguilera's NFD-S detector ("On the
 * quality of service of failure detectors", IEEE Trans. Computers 51(5), 2002, §4) over a link
 * with independent exponential delays and Bernoulli losses. Algorithm: src/kernel/README.md.
 */
export interface HeartbeatParams {
  /** Independent heartbeat streams simulated side by side (SIMD lanes): a positive multiple of 4. */
  readonly streams: number;
  /** Freshness periods observed per stream. */
  readonly periods: number;
  /** Heartbeat interval η, seconds. */
  readonly etaS: number;
  /** Freshness shift δ (the detector's timeout past each send time), seconds. */
  readonly deltaS: number;
  /** Mean of the exponential message delay, seconds. */
  readonly meanDelayS: number;
  /** Probability p_L that a heartbeat is lost. */
  readonly lossProbability: number;
}

/** The check case of the issue: η = 1 s, δ = 1 s, p_L = 0.01, mean delay 20 ms. */
export const HEARTBEAT_DEFAULTS: HeartbeatParams = {
  streams: 64, periods: 10_000, etaS: 1, deltaS: 1, meanDelayS: 0.02, lossProbability: 0.01,
};

/** Most heartbeats the detector may look at per period (⌊δ/η⌋ + 2): bounds the ring buffer. */
export const MAX_WINDOW = 64;

export interface HeartbeatInputs extends HeartbeatParams {
  readonly key0: number;
  readonly key1: number;
  readonly task: number;
  /** Heartbeats looked at per period: ⌊δ/η⌋ + 2, all k with kη < δ + η (see README). */
  readonly window: number;
  /** A heartbeat is lost when its first word is below this: round(p_L·2^32). */
  readonly lossThreshold: number;
}

export function heartbeatInputs(params: HeartbeatParams, seed: number, task: number): HeartbeatInputs {
  const [key0, key1] = seedKey(seed);
  checkInteger('task', task, 0, 0xffffffff);
  checkLanes('streams', params.streams, 1 << 20);
  checkInteger('periods', params.periods, 1, 2 ** 31 - 2 * MAX_WINDOW);
  checkPositive('etaS', params.etaS);
  checkNonNegative('deltaS', params.deltaS);
  checkPositive('meanDelayS', params.meanDelayS);
  const p = params.lossProbability;
  if (typeof p !== 'number' || !(p >= 0 && p < 1)) throw new InputError(kernelMessages.notProbability('lossProbability', p));
  const window = Math.floor(params.deltaS / params.etaS) + 2;
  if (window > MAX_WINDOW) throw new InputError(kernelMessages.windowTooLarge(window, MAX_WINDOW));
  return { ...params, key0, key1, task, window, lossThreshold: Math.round(p * 4294967296) };
}

/** Per-stream accumulators, compared bit for bit across implementations. */
export interface HeartbeatRaw {
  /** Σ over periods of the time the detector suspected the (correct) sender, seconds. */
  readonly suspectS: Float64Array;
  /** Number of mistakes (trust → suspect transitions) per stream. */
  readonly mistakes: Float64Array;
}

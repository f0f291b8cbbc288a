import { exp } from '../../core/math/exp.ts';
import { log } from '../../core/math/log.ts';
import type { HeartbeatDetector } from './detector.ts';
import { HeartbeatHistory } from './heartbeat-history.ts';

/**
 * Akka's phi accrual detector, as akka-remote computes it (akka/akka@9892c5e,
 * akka-remote/src/main/scala/akka/remote/PhiAccrualFailureDetector.scala):
 * - φ = −log10(1 − F(y)), y = (Δt − (μ + acceptable pause)) / max(σ, min σ), with F the
 *   *logistic approximation* of the normal CDF, F(y) ≈ 1/(1 + e^(−y(1.5976 + 0.070566y²)))
 *   (lines 198-205; "β Mathematics Handbook", error 0.00014 at ±3.16);
 * - the acceptable heartbeat pause is added to the mean (line 186) and σ is floored at
 *   min-std-deviation (line 209);
 * - the first heartbeat installs a guessed history of two intervals, estimate ∓ estimate/4
 *   (lines 102-107), so a node that sends one heartbeat and dies is still suspected;
 * - an interval enters the history only if the node was available when it arrived (line 146),
 *   so a long pause does not inflate the statistics.
 * Defaults (akka-cluster reference.conf lines 181-218): threshold 8, max-sample-size 1000,
 * min-std-deviation 100 ms, acceptable-heartbeat-pause 3 s, heartbeat-interval 1 s.
 *
 * Timing assumption: inter-arrival times are roughly normal, and a silence of
 * μ + pause + y*(threshold)·σ means a crash.
 */
export interface AkkaPhiOptions {
  readonly threshold: number;
  readonly maxSampleSize: number;
  readonly minStdDeviationUs: number;
  readonly acceptableHeartbeatPauseUs: number;
  readonly firstHeartbeatEstimateUs: number;
}

/** akka-cluster/src/main/resources/reference.conf, lines 181-218, in microseconds. */
export const AKKA_DEFAULTS: AkkaPhiOptions = {
  threshold: 8,
  maxSampleSize: 1000,
  minStdDeviationUs: 100_000,
  acceptableHeartbeatPauseUs: 3_000_000,
  firstHeartbeatEstimateUs: 1_000_000,
};

/** Coefficients of the logistic approximation (PhiAccrualFailureDetector.scala line 201). */
const LOGISTIC_A = 1.5976;
const LOGISTIC_B = 0.070566;

function log10(x: number): number {
  return log(x) / Math.LN10;
}

/** Akka's φ for a silence `timeDiff`, given the mean and standard deviation (any one unit). */
export function akkaPhi(timeDiff: number, mean: number, stdDeviation: number): number {
  const y = (timeDiff - mean) / stdDeviation;
  const e = exp(-y * (LOGISTIC_A + LOGISTIC_B * y * y));
  return timeDiff > mean ? -log10(e / (1 + e)) : -log10(1 - 1 / (1 + e));
}

/**
 * The y at which Akka's φ reaches `threshold`: 1 − F(y) = 10^−θ, i.e.
 * y(a + b y²) = ln(10^θ − 1), a cubic with one real root (its derivative a + 3by² > 0),
 * by Cardano's formula.
 */
export function akkaThresholdY(threshold: number): number {
  const c = log(10 ** threshold - 1);
  const p = LOGISTIC_A / LOGISTIC_B;
  const q = -c / LOGISTIC_B;
  const root = Math.sqrt((q * q) / 4 + (p * p * p) / 27);
  return Math.cbrt(-q / 2 + root) + Math.cbrt(-q / 2 - root);
}

export class AkkaPhiDetector implements HeartbeatDetector {
  readonly name = 'phi-akka';
  readonly options: AkkaPhiOptions;
  private readonly history: HeartbeatHistory;
  private lastUs = NaN;
  private readonly thresholdY: number;
  /** suspectFromUs(), recomputed after each heartbeat. */
  private deadlineUs = Infinity;

  constructor(options: Partial<AkkaPhiOptions> = {}) {
    const o = { ...AKKA_DEFAULTS, ...options };
    // The same requirements as the Akka constructor (lines 94-98).
    if (!(o.threshold > 0)) throw new RangeError(`phi-akka: threshold must be > 0, got ${o.threshold}`);
    if (!(o.minStdDeviationUs > 0)) throw new RangeError(`phi-akka: min-std-deviation must be > 0, got ${o.minStdDeviationUs}`);
    if (!(o.acceptableHeartbeatPauseUs >= 0)) throw new RangeError(`phi-akka: acceptable-heartbeat-pause must be >= 0, got ${o.acceptableHeartbeatPauseUs}`);
    if (!(o.firstHeartbeatEstimateUs > 0)) throw new RangeError(`phi-akka: heartbeat-interval must be > 0, got ${o.firstHeartbeatEstimateUs}`);
    this.options = o;
    this.history = new HeartbeatHistory(o.maxSampleSize);
    this.thresholdY = akkaThresholdY(o.threshold);
  }

  private bootstrap(): void {
    this.history.clear();
    const mean = this.options.firstHeartbeatEstimateUs;
    const std = Math.floor(mean / 4); // Long division in Akka
    this.history.add(mean - std);
    this.history.add(mean + std);
  }

  heartbeat(_seq: number, arrivalUs: number): void {
    if (Number.isNaN(this.lastUs)) {
      this.bootstrap();
    } else if (this.availableFast(arrivalUs)) {
      this.history.add(arrivalUs - this.lastUs);
    }
    this.lastUs = arrivalUs;
    const std = Math.max(this.history.stdDeviation, this.options.minStdDeviationUs);
    this.deadlineUs = this.lastUs + this.history.mean + this.options.acceptableHeartbeatPauseUs + this.thresholdY * std;
  }

  /**
   * isAvailable, exactly: φ < threshold. φ is monotone in the silence, so away from the
   * deadline the comparison with it decides; within a microsecond-scale band around it, φ is
   * computed as Akka does.
   */
  private availableFast(nowUs: number): boolean {
    const band = 1 + 1e-9 * Math.abs(this.deadlineUs);
    if (nowUs < this.deadlineUs - band) return true;
    if (nowUs > this.deadlineUs + band) return false;
    return this.isAvailable(nowUs);
  }

  /** φ at `nowUs`; 0 before the first heartbeat (an unmanaged connection counts as healthy). */
  phi(nowUs: number): number {
    if (Number.isNaN(this.lastUs)) return 0;
    const std = Math.max(this.history.stdDeviation, this.options.minStdDeviationUs);
    return akkaPhi(nowUs - this.lastUs, this.history.mean + this.options.acceptableHeartbeatPauseUs, std);
  }

  isAvailable(nowUs: number): boolean {
    return this.phi(nowUs) < this.options.threshold;
  }

  /** Whether any heartbeat has arrived (Akka's isMonitoring). */
  get isMonitoring(): boolean { return !Number.isNaN(this.lastUs); }

  suspectFromUs(): number {
    return this.deadlineUs;
  }
}

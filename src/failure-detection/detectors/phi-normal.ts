import erfc from '@stdlib/math-base-special-erfc';
import erfcinv from '@stdlib/math-base-special-erfcinv';
import type { HeartbeatDetector } from './detector.ts';
import { HeartbeatHistory } from './heartbeat-history.ts';

/**
 * The φ accrual failure detector as first formulated by Hayashibara, Défago, Yared and Katayama
 * (SRDS 2004, §3): inter-arrival times are normal with the mean μ and variance σ² of a sliding
 * window, and φ(t) = −log10 P_later(t − t_last) with P_later the *exact* normal tail
 * ½·erfc((Δt − μ)/(σ√2)). Unlike Akka it uses no acceptable pause, no σ floor and no logistic
 * approximation, which matters in the far tail: at z = 7 the exact φ is 11.89 where Akka's is
 * 15.37 (data/reference/failure-detection/akka-phi-test-vectors.json).
 *
 * erfc and erfcinv come from @stdlib (W. J. Cody's rational approximations; ~1 ulp) rather than
 * being written here.
 *
 * The first heartbeat installs the same guessed two-interval history as Akka's (estimate ∓ 1/4),
 * since the paper leaves the start-up open.
 */
export interface NormalPhiOptions {
  readonly threshold: number;
  readonly windowSize: number;
  readonly firstHeartbeatEstimateUs: number;
}

/** φ for a silence Δt with the exact normal tail. */
export function normalPhi(timeDiff: number, mean: number, stdDeviation: number): number {
  const tail = 0.5 * erfc((timeDiff - mean) / (stdDeviation * Math.SQRT2));
  return -Math.log10(tail);
}

/** z*(θ) with P(Z > z*) = 10^−θ, Z standard normal. */
export function normalThresholdZ(threshold: number): number {
  return Math.SQRT2 * erfcinv(2 * 10 ** -threshold);
}

export class NormalPhiDetector implements HeartbeatDetector {
  readonly name = 'phi';
  private readonly history: HeartbeatHistory;
  private lastUs = NaN;
  private readonly thresholdZ: number;
  private deadlineUs = Infinity;

  constructor(readonly options: NormalPhiOptions) {
    if (!(options.threshold > 0)) throw new RangeError(`phi: threshold must be > 0, got ${options.threshold}`);
    if (!(options.firstHeartbeatEstimateUs > 0)) throw new RangeError(`phi: first heartbeat estimate must be > 0`);
    this.history = new HeartbeatHistory(options.windowSize);
    this.thresholdZ = normalThresholdZ(options.threshold);
  }

  heartbeat(_seq: number, arrivalUs: number): void {
    if (Number.isNaN(this.lastUs)) {
      const mean = this.options.firstHeartbeatEstimateUs;
      this.history.add(mean - mean / 4);
      this.history.add(mean + mean / 4);
    } else {
      this.history.add(arrivalUs - this.lastUs);
    }
    this.lastUs = arrivalUs;
    this.deadlineUs = this.lastUs + this.history.mean + this.thresholdZ * this.history.stdDeviation;
  }

  phi(nowUs: number): number {
    if (Number.isNaN(this.lastUs)) return 0;
    return normalPhi(nowUs - this.lastUs, this.history.mean, this.history.stdDeviation);
  }

  suspectFromUs(): number {
    return this.deadlineUs;
  }
}

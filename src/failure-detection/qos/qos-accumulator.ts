import { RunningStats, Z95, type MeanWithCi } from './confidence.ts';
import type { TransitionSink } from './transition-sink.ts';

/**
 * The accuracy metrics of Chen, Toueg and Aguilera (2002, §2.3) for a sender that never
 * crashes, measured on the detector's output over [startUs, endUs):
 * - T_MR, mistake recurrence time: from one S-transition to the next;
 * - T_M, mistake duration: from an S-transition to the following T-transition;
 * - P_A, query accuracy probability: the fraction of time the detector trusts.
 * P_A's interval comes from batch means over `batches` equal slices of the run (Law & Kelton,
 * Simulation Modeling and Analysis, §9.5.3), since mistakes cluster in time.
 */
export class QosAccumulator implements TransitionSink {
  readonly recurrence = new RunningStats();
  readonly duration = new RunningStats();
  private lastSuspectUs = NaN;
  private suspectSinceUs = NaN;
  private readonly suspectUsPerBatch: Float64Array;
  private readonly batchUs: number;

  constructor(readonly startUs: number, readonly endUs: number, readonly batches = 20) {
    this.suspectUsPerBatch = new Float64Array(batches);
    this.batchUs = (endUs - startUs) / batches;
  }

  private addSuspectTime(fromUs: number, toUs: number): void {
    let a = Math.max(fromUs, this.startUs);
    const b = Math.min(toUs, this.endUs);
    while (a < b) {
      const k = Math.min(this.batches - 1, Math.floor((a - this.startUs) / this.batchUs));
      const batchEnd = k === this.batches - 1 ? this.endUs : this.startUs + (k + 1) * this.batchUs;
      const end = Math.min(b, batchEnd);
      this.suspectUsPerBatch[k] += end - a;
      a = end;
    }
  }

  suspect(atUs: number): void {
    this.suspectSinceUs = atUs;
    if (atUs < this.startUs || atUs >= this.endUs) return;
    if (!Number.isNaN(this.lastSuspectUs)) this.recurrence.add(atUs - this.lastSuspectUs);
    this.lastSuspectUs = atUs;
  }

  trust(atUs: number): void {
    const since = this.suspectSinceUs;
    this.suspectSinceUs = NaN;
    if (Number.isNaN(since)) return;
    this.addSuspectTime(since, atUs);
    if (since >= this.startUs && since < this.endUs && atUs <= this.endUs) this.duration.add(atUs - since);
  }

  /** Closes a suspicion still open at the end of the run. */
  finish(): void {
    if (!Number.isNaN(this.suspectSinceUs)) this.addSuspectTime(this.suspectSinceUs, this.endUs);
    this.suspectSinceUs = NaN;
  }

  /** Number of mistakes (S-transitions) inside the window. */
  get mistakes(): number { return Number.isNaN(this.lastSuspectUs) ? 0 : this.recurrence.n + 1; }

  queryAccuracy(): MeanWithCi {
    const per = Array.from(this.suspectUsPerBatch, (s, k) => {
      const len = k === this.batches - 1 ? this.endUs - (this.startUs + k * this.batchUs) : this.batchUs;
      return 1 - s / len;
    });
    const stats = new RunningStats();
    for (const p of per) stats.add(p);
    const total = this.suspectUsPerBatch.reduce((a, b) => a + b, 0);
    const mean = 1 - total / (this.endUs - this.startUs);
    const half = Z95 * Math.sqrt(stats.variance / this.batches);
    return { mean, ciLow: mean - half, ciHigh: mean + half, n: this.batches };
  }
}

/**
 * Records the detection time T_D of one crash (Chen et al. 2002, §2.3): from the crash to the
 * final S-transition, after which the detector suspects for good; 0 if it already suspected at
 * the crash and never trusted again.
 */
export class CrashRecorder implements TransitionSink {
  private lastSuspectUs = NaN;
  private suspecting = false;
  constructor(readonly crashAtUs: number) {}
  suspect(atUs: number): void { this.lastSuspectUs = atUs; this.suspecting = true; }
  trust(): void { this.suspecting = false; }
  /** T_D in µs, or Infinity if the detector never settled on suspicion. */
  detectionTimeUs(): number {
    if (!this.suspecting) return Infinity;
    return Math.max(0, this.lastSuspectUs - this.crashAtUs);
  }
}

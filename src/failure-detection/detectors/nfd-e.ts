import type { HeartbeatDetector } from './detector.ts';

/**
 * NFD-E: NFD with *estimated* arrival times, for unsynchronised clocks (Chen, Toueg and
 * Aguilera 2002, §6, eq. (6.3)). q estimates the expected arrival time of m_{ℓ+1} from the last
 * n heartbeats it received, m_{s_1} … m_{s_n} arriving at A'_1 … A'_n (on q's own clock):
 *
 *   EA_{ℓ+1} = (1/n) Σ (A'_i − η·s_i) + (ℓ+1)·η,
 *
 * and uses the freshness point τ_{ℓ+1} = EA_{ℓ+1} + α. Only the differences A'_i − η·s_i enter,
 * so a constant offset between the clocks cancels: the timing assumption is a known η and a
 * stationary delay, not synchronised clocks. Heartbeats older than the highest seen are ignored,
 * as in the paper.
 */
export class NfdEDetector implements HeartbeatDetector {
  readonly name = 'nfd-e';
  private readonly window: Float64Array;
  private filled = 0;
  private next = 0;
  private sum = 0;
  private highestSeq = -1;
  constructor(private readonly etaUs: number, private readonly alphaUs: number, windowSize = 1000) {
    if (!(etaUs > 0 && alphaUs >= 0 && Number.isSafeInteger(windowSize) && windowSize >= 1)) {
      throw new RangeError(`NFD-E: expected eta > 0, alpha >= 0 and window >= 1, got ${etaUs}, ${alphaUs}, ${windowSize}`);
    }
    this.window = new Float64Array(windowSize);
  }
  heartbeat(seq: number, arrivalUs: number): void {
    if (seq <= this.highestSeq) return;
    this.highestSeq = seq;
    const normalisedUs = arrivalUs - this.etaUs * seq;
    if (this.filled === this.window.length) this.sum -= this.window[this.next];
    else this.filled++;
    this.window[this.next] = normalisedUs;
    this.sum += normalisedUs;
    this.next = this.next + 1 === this.window.length ? 0 : this.next + 1;
  }
  /** EA_{ℓ+1}: the expected arrival of the next heartbeat (µs). Before any, σ_0 plus nothing. */
  expectedArrivalUs(): number {
    const meanOffset = this.filled === 0 ? 0 : this.sum / this.filled;
    return meanOffset + (this.highestSeq + 1) * this.etaUs;
  }
  suspectFromUs(): number {
    return this.expectedArrivalUs() + this.alphaUs;
  }
}

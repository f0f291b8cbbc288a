/**
 * The last `maxSampleSize` inter-arrival intervals with their running sum and sum of squares:
 * Akka's `HeartbeatHistory` (akka-remote/src/main/scala/akka/remote/PhiAccrualFailureDetector.scala,
 * akka/akka@9892c5e, lines 222-289), kept in a ring instead of an immutable vector. Mean and
 * variance are the population ones (divide by n), as Akka computes them.
 */
export class HeartbeatHistory {
  private readonly intervals: Float64Array;
  private count = 0;
  private next = 0;
  private sum = 0;
  private sumOfSquares = 0;

  constructor(readonly maxSampleSize: number) {
    if (!(Number.isSafeInteger(maxSampleSize) && maxSampleSize >= 1)) {
      throw new RangeError(`heartbeat history: maxSampleSize expected an integer >= 1, got ${maxSampleSize}`);
    }
    this.intervals = new Float64Array(maxSampleSize);
  }

  get size(): number { return this.count; }

  /** Appends an interval, dropping the oldest when full. */
  add(interval: number): void {
    if (this.count === this.intervals.length) {
      const oldest = this.intervals[this.next];
      this.sum -= oldest;
      this.sumOfSquares -= oldest * oldest;
    } else {
      this.count++;
    }
    this.intervals[this.next] = interval;
    this.sum += interval;
    this.sumOfSquares += interval * interval;
    this.next = this.next + 1 === this.intervals.length ? 0 : this.next + 1;
  }

  /** Empties the history (Akka replaces it with the bootstrap history on the first heartbeat). */
  clear(): void {
    this.count = 0;
    this.next = 0;
    this.sum = 0;
    this.sumOfSquares = 0;
  }

  get mean(): number { return this.sum / this.count; }
  get variance(): number {
    const mean = this.sum / this.count;
    return this.sumOfSquares / this.count - mean * mean;
  }
  /** Population standard deviation; a variance that rounding made slightly negative counts as 0. */
  get stdDeviation(): number { return Math.sqrt(Math.max(0, this.variance)); }

  /** The intervals, oldest first. */
  toArray(): number[] {
    const out: number[] = [];
    const start = this.count === this.intervals.length ? this.next : 0;
    for (let k = 0; k < this.count; k++) out.push(this.intervals[(start + k) % this.intervals.length]);
    return out;
  }
}

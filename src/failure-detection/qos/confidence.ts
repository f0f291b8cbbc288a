/** z of a two-sided 95 % normal interval. */
export const Z95 = 1.959963984540054;

/** A mean with its two-sided 95 % confidence interval. */
export interface MeanWithCi {
  readonly mean: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly n: number;
}

/** Running count, mean and sum of squared deviations (Welford 1962): stable for 10^7 samples. */
export class RunningStats {
  n = 0;
  private m = 0;
  private s = 0;
  max = -Infinity;
  add(x: number): void {
    this.n++;
    const d = x - this.m;
    this.m += d / this.n;
    this.s += d * (x - this.m);
    if (x > this.max) this.max = x;
  }
  get mean(): number { return this.n === 0 ? NaN : this.m; }
  get variance(): number { return this.n < 2 ? NaN : this.s / (this.n - 1); }
  /** The mean with a CLT interval, mean ± z·s/√n (NaN bounds below 2 samples). */
  withCi(): MeanWithCi {
    const half = Z95 * Math.sqrt(this.variance / this.n);
    return { mean: this.mean, ciLow: this.mean - half, ciHigh: this.mean + half, n: this.n };
  }
}

/** Quantile q of sorted samples (linear interpolation, type 7 of Hyndman & Fan 1996). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

import type { UniformSource } from './uniform-source.ts';

/**
 * Sampling from measured data.
 *
 * `'resample'` draws one of the observed values, each with probability 1/n (the bootstrap of
 * Efron, 1979). `'interpolate'` draws from the continuous piecewise-linear inverse of the empirical
 * CDF: with the sorted sample x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, position p = U·(n − 1) gives
 * x₍⌊p⌋₎ + (p − ⌊p⌋)(x₍⌊p⌋+1₎ − x₍⌊p⌋₎) — Hyndman & Fan's (1996) definition 7 of the sample
 * quantile, the default of R and NumPy.
 */
export class EmpiricalDistribution {
  private readonly sorted: Float64Array;

  constructor(values: ArrayLike<number>, readonly mode: 'resample' | 'interpolate' = 'interpolate') {
    if (mode !== 'resample' && mode !== 'interpolate') throw new RangeError(`EmpiricalDistribution: mode must be 'resample' or 'interpolate', got '${mode}'`);
    if (values.length === 0) throw new RangeError('EmpiricalDistribution: needs at least one value');
    this.sorted = Float64Array.from(values);
    for (const v of this.sorted) {
      if (!Number.isFinite(v)) throw new RangeError(`EmpiricalDistribution: values must be finite, got ${v}`);
    }
    this.sorted.sort();
  }

  /** The sample quantile at probability q in [0, 1] (Hyndman & Fan definition 7). */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`EmpiricalDistribution.quantile: q must be in [0, 1], got ${q}`);
    const n = this.sorted.length;
    const position = q * (n - 1);
    const i = Math.min(Math.floor(position), n - 1);
    const fraction = position - i;
    return fraction === 0 ? this.sorted[i] : this.sorted[i] + fraction * (this.sorted[i + 1] - this.sorted[i]);
  }

  sample(rng: UniformSource): number {
    const u = rng.uniform();
    if (this.mode === 'resample') return this.sorted[Math.floor(u * this.sorted.length)];
    return this.quantile(u);
  }
}

import { prefixSums, rangeSum, type PrefixSums } from './prefix-sum.ts';
import { runStatistic, type StabilityOptions, type StabilityResult } from './run-statistic.ts';
import type { KernelResult, StatisticSpec } from './statistic.ts';

/**
 * Sum of squared second differences of m-point phase averages, the core of MVAR (NIST SP 1065,
 * Riley 2008, eq. 14):
 *   Σ_{j=1}^{N−3m+1} [ Σ_{i=j}^{j+m−1} (x_{i+2m} − 2 x_{i+m} + x_i) ]².
 * Each inner sum is three range sums of x, O(1) from compensated prefix sums, so a whole τ
 * costs O(N) rather than O(N·m).
 */
export function modifiedSecondDifferenceSum(p: PrefixSums, points: number, m: number): KernelResult {
  const terms = points - 3 * m + 1;
  let sum = 0;
  for (let j = 0; j < terms; j++) {
    const s = rangeSum(p, j + 2 * m, j + 3 * m) - 2 * rangeSum(p, j + m, j + 2 * m) + rangeSum(p, j, j + m);
    sum += s * s;
  }
  return { dev: sum, terms };
}

/**
 * Modified Allan deviation (NIST SP 1065, Riley 2008, eq. 14):
 *   Mod σ²y(τ) = 1 / (2 m² τ² (N − 3m + 1)) · Σ_j [Σ_i (x_{i+2m} − 2x_{i+m} + x_i)]², τ = m τ0;
 * N − 3m + 1 terms. Named tau sets stop at m ≤ (N−1)/4 (Stable32).
 */
export const mdevSpec: StatisticSpec<PrefixSums> = {
  name: 'mdev',
  title: 'Modified Allan deviation',
  unit: 'fractional',
  autoMaxAf: (n) => Math.floor((n - 1) / 4),
  maxAf: (n) => Math.floor(n / 3),
  prepare: (x) => prefixSums(x),
  kernel(x, m, tau0S, p) {
    const { dev: sum, terms } = modifiedSecondDifferenceSum(p, x.length, m);
    const tau = m * tau0S;
    return { dev: Math.sqrt(sum / (2 * m * m * tau * tau * terms)), terms };
  },
  interval: { kind: 'greenhall', d: 2, overlapping: true, modified: true },
  noiseIdMaxDifferences: 2,
  noiseIdMinAverages: 8,
};

/** Modified Allan deviation of phase (s) or fractional-frequency data. */
export function mdev(data: ArrayLike<number>, options: StabilityOptions = {}): StabilityResult {
  return runStatistic(mdevSpec, data, options);
}

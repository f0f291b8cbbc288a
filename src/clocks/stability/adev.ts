import { runStatistic, type StabilityOptions, type StabilityResult } from './run-statistic.ts';
import type { StatisticSpec } from './statistic.ts';

/**
 * Allan deviation, non-overlapping (NIST SP 1065, Riley 2008, eq. 7, phase form):
 *   σ²y(τ) = 1 / (2 τ² (M − 2)) · Σ_{i=1}^{M−2} (x_{i+2} − 2 x_{i+1} + x_i)²
 * on the phase decimated by m (M = ⌊(N−1)/m⌋ + 1 points), so Stable32's term count is
 * ⌊(N−1)/m⌋ − 1. Named tau sets stop where m < (N−1)/5, Stable32's rule (its tables end at
 * m = 197 for N = 1001 although m = 200 would still leave 4 terms).
 */
export const adevSpec: StatisticSpec<null> = {
  name: 'adev',
  title: 'Allan deviation',
  unit: 'fractional',
  autoMaxAf: (n) => Math.ceil((n - 1) / 5) - 1,
  maxAf: (n) => Math.floor((n - 1) / 2),
  prepare: () => null,
  kernel(x, m, tau0S) {
    const terms = Math.floor((x.length - 1) / m) - 1;
    let sum = 0;
    for (let k = 0, i = 0; k < terms; k++, i += m) {
      const d = x[i + 2 * m] - 2 * x[i + m] + x[i];
      sum += d * d;
    }
    const tau = m * tau0S;
    return { dev: Math.sqrt(sum / (2 * tau * tau * terms)), terms };
  },
  interval: { kind: 'greenhall', d: 2, overlapping: false, modified: false },
  noiseIdMaxDifferences: 2,
  noiseIdMinAverages: 10,
};

/** Allan deviation of phase (s) or fractional-frequency data; see `StabilityOptions`. */
export function adev(data: ArrayLike<number>, options: StabilityOptions = {}): StabilityResult {
  return runStatistic(adevSpec, data, options);
}

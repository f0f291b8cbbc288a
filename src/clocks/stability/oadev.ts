import { runStatistic, type StabilityOptions, type StabilityResult } from './run-statistic.ts';
import type { StatisticSpec } from './statistic.ts';

/**
 * Overlapping Allan deviation (NIST SP 1065, Riley 2008, eq. 11):
 *   σ²y(τ) = 1 / (2 m² τ0² (N − 2m)) · Σ_{i=1}^{N−2m} (x_{i+2m} − 2 x_{i+m} + x_i)²,
 * N − 2m terms. Named tau sets stop at m ≤ (N−1)/4 (Stable32).
 */
export const oadevSpec: StatisticSpec<null> = {
  name: 'oadev',
  title: 'Overlapping Allan deviation',
  unit: 'fractional',
  autoMaxAf: (n) => Math.floor((n - 1) / 4),
  maxAf: (n) => Math.floor((n - 1) / 2),
  prepare: () => null,
  kernel(x, m, tau0S) {
    const terms = x.length - 2 * m;
    let sum = 0;
    for (let i = 0; i < terms; i++) {
      const d = x[i + 2 * m] - 2 * x[i + m] + x[i];
      sum += d * d;
    }
    const tau = m * tau0S;
    return { dev: Math.sqrt(sum / (2 * tau * tau * terms)), terms };
  },
  interval: { kind: 'greenhall', d: 2, overlapping: true, modified: false },
  noiseIdMaxDifferences: 2,
  noiseIdMinAverages: 8,
};

/** Overlapping Allan deviation of phase (s) or fractional-frequency data. */
export function oadev(data: ArrayLike<number>, options: StabilityOptions = {}): StabilityResult {
  return runStatistic(oadevSpec, data, options);
}

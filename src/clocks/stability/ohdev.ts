import { runStatistic, type StabilityOptions, type StabilityResult } from './run-statistic.ts';
import type { StatisticSpec } from './statistic.ts';

/**
 * Overlapping Hadamard deviation (NIST SP 1065, Riley 2008, eq. 18):
 *   Hσ²y(τ) = 1 / (6 m² τ0² (N − 3m)) · Σ_{i=1}^{N−3m} (x_{i+3m} − 3 x_{i+2m} + 3 x_{i+m} − x_i)²,
 * N − 3m terms. Named tau sets stop at m ≤ (N−1)/4 (Stable32).
 */
export const ohdevSpec: StatisticSpec<null> = {
  name: 'ohdev',
  title: 'Overlapping Hadamard deviation',
  unit: 'fractional',
  autoMaxAf: (n) => Math.floor((n - 1) / 4),
  maxAf: (n) => Math.floor((n - 1) / 3),
  prepare: () => null,
  kernel(x, m, tau0S) {
    const terms = x.length - 3 * m;
    let sum = 0;
    for (let i = 0; i < terms; i++) {
      const d = x[i + 3 * m] - 3 * x[i + 2 * m] + 3 * x[i + m] - x[i];
      sum += d * d;
    }
    const tau = m * tau0S;
    return { dev: Math.sqrt(sum / (6 * tau * tau * terms)), terms };
  },
  interval: { kind: 'greenhall', d: 3, overlapping: true, modified: false },
  noiseIdMaxDifferences: 3,
  noiseIdMinAverages: 8,
};

/** Overlapping Hadamard deviation of phase (s) or fractional-frequency data. */
export function ohdev(data: ArrayLike<number>, options: StabilityOptions = {}): StabilityResult {
  return runStatistic(ohdevSpec, data, options);
}

import { runStatistic, type StabilityOptions, type StabilityResult } from './run-statistic.ts';
import type { StatisticSpec } from './statistic.ts';

/**
 * Hadamard deviation, non-overlapping (NIST SP 1065, Riley 2008, eq. 17, phase form):
 *   Hσ²y(τ) = 1 / (6 τ² (M − 3)) · Σ_{i=1}^{M−3} (x_{i+3} − 3 x_{i+2} + 3 x_{i+1} − x_i)²
 * on the phase decimated by m (M = ⌊(N−1)/m⌋ + 1), so ⌊(N−1)/m⌋ − 2 terms. Named tau sets stop
 * where m < (N−1)/5, like ADEV (Stable32).
 */
export const hdevSpec: StatisticSpec<null> = {
  name: 'hdev',
  title: 'Hadamard deviation',
  unit: 'fractional',
  autoMaxAf: (n) => Math.ceil((n - 1) / 5) - 1,
  maxAf: (n) => Math.floor((n - 1) / 3),
  prepare: () => null,
  kernel(x, m, tau0S) {
    const terms = Math.floor((x.length - 1) / m) - 2;
    let sum = 0;
    for (let k = 0, i = 0; k < terms; k++, i += m) {
      const d = x[i + 3 * m] - 3 * x[i + 2 * m] + 3 * x[i + m] - x[i];
      sum += d * d;
    }
    const tau = m * tau0S;
    return { dev: Math.sqrt(sum / (6 * tau * tau * terms)), terms };
  },
  interval: { kind: 'greenhall', d: 3, overlapping: false, modified: false },
  noiseIdMaxDifferences: 3,
  noiseIdMinAverages: 10,
};

/** Hadamard deviation of phase (s) or fractional-frequency data. */
export function hdev(data: ArrayLike<number>, options: StabilityOptions = {}): StabilityResult {
  return runStatistic(hdevSpec, data, options);
}

import { runStatistic, type StabilityOptions, type StabilityResult } from './run-statistic.ts';
import type { StatisticSpec } from './statistic.ts';

/**
 * RMS time interval error (ITU-T G.810; Stable32 "TIE rms"):
 *   TIErms(τ) = sqrt( 1/(N − m) · Σ_{i=1}^{N−m} (x_{i+m} − x_i)² ), in seconds,
 * with no mean removed (Stable32 convention), N − m terms. Named sets stop at m ≤ (N−1)/4.
 */
export const tiermsSpec: StatisticSpec<null> = {
  name: 'tierms',
  title: 'TIE rms',
  unit: 's',
  autoMaxAf: (n) => Math.floor((n - 1) / 4),
  maxAf: (n) => n - 1,
  prepare: () => null,
  kernel(x, m) {
    const terms = x.length - m;
    let sum = 0;
    for (let i = 0; i < terms; i++) {
      const d = x[i + m] - x[i];
      sum += d * d;
    }
    return { dev: Math.sqrt(sum / terms), terms };
  },
  interval: { kind: 'none' },
  noiseIdMaxDifferences: 2,
  noiseIdMinAverages: 0,
};

/** RMS time interval error (seconds) of phase (s) or fractional-frequency data. */
export function tierms(data: ArrayLike<number>, options: StabilityOptions = {}): StabilityResult {
  return runStatistic(tiermsSpec, data, options);
}

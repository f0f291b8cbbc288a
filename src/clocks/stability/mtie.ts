import { runStatistic, type StabilityOptions, type StabilityResult } from './run-statistic.ts';
import type { StatisticSpec } from './statistic.ts';

/**
 * Largest peak-to-peak phase excursion over every window of `window` consecutive points, in
 * O(N) with two monotone deques (sliding-window maximum and minimum: each index enters and leaves
 * each deque once). The deques are index rings in Int32Arrays to avoid allocation per step.
 */
export function maxWindowRange(x: Float64Array, window: number): number {
  const n = x.length;
  const maxQ = new Int32Array(window + 1);
  const minQ = new Int32Array(window + 1);
  const cap = window + 1;
  let maxHead = 0, maxLen = 0, minHead = 0, minLen = 0;
  let best = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    while (maxLen > 0 && x[maxQ[(maxHead + maxLen - 1) % cap]] <= v) maxLen--;
    maxQ[(maxHead + maxLen) % cap] = i; maxLen++;
    while (minLen > 0 && x[minQ[(minHead + minLen - 1) % cap]] >= v) minLen--;
    minQ[(minHead + minLen) % cap] = i; minLen++;
    const start = i - window + 1;
    if (maxQ[maxHead] < start) { maxHead = (maxHead + 1) % cap; maxLen--; }
    if (minQ[minHead] < start) { minHead = (minHead + 1) % cap; minLen--; }
    if (start >= 0) {
      const range = x[maxQ[maxHead]] - x[minQ[minHead]];
      if (range > best) best = range;
    }
  }
  return best;
}

/**
 * Maximum time interval error (ITU-T G.810 §B.1; NIST SP 1065, Riley 2008, §5.2.16):
 *   MTIE(τ) = max over k of [ max_{k≤i≤k+m} x_i − min_{k≤i≤k+m} x_i ], in seconds,
 * a window of m + 1 phase points, N − m windows (reported as the term count). Named sets stop at
 * m ≤ (N−1)/2, as in Stable32's Cs 5071A decade table.
 */
export const mtieSpec: StatisticSpec<null> = {
  name: 'mtie',
  title: 'MTIE',
  unit: 's',
  autoMaxAf: (n) => Math.floor((n - 1) / 2),
  maxAf: (n) => n - 1,
  prepare: () => null,
  kernel(x, m) {
    return { dev: maxWindowRange(x, m + 1), terms: x.length - m };
  },
  interval: { kind: 'none' },
  noiseIdMaxDifferences: 2,
  noiseIdMinAverages: 0,
};

/** Maximum time interval error (seconds) of phase (s) or fractional-frequency data. */
export function mtie(data: ArrayLike<number>, options: StabilityOptions = {}): StabilityResult {
  return runStatistic(mtieSpec, data, options);
}

import { runStatistic, type StabilityOptions, type StabilityResult } from './run-statistic.ts';
import type { StatisticSpec } from './statistic.ts';

/** Phase extended by reflection at both ends; `offset` is the index of x_1 in `values`. */
export interface ReflectedPhase {
  readonly values: Float64Array;
  readonly offset: number;
}

/**
 * The reflected extension of NIST SP 1065 (Riley 2008) §5.2.11, eq. 25 (after Howe):
 * x*(1 − j) = 2x(1) − x(1 + j) and x*(N + j) = 2x(N) − x(N − j), so the phase keeps its local
 * slope at the ends and the second differences there do not see a spurious jump.
 */
export function reflectPhase(x: Float64Array, span: number): ReflectedPhase {
  const n = x.length;
  const values = new Float64Array(n + 2 * span);
  for (let j = 1; j <= span; j++) {
    values[span - j] = 2 * x[0] - x[j];
    values[span + n - 1 + j] = 2 * x[n - 1] - x[n - 1 - j];
  }
  values.set(x, span);
  return { values, offset: span };
}

/**
 * Total deviation (NIST SP 1065, Riley 2008, eq. 25):
 *   Totvar(τ) = 1 / (2 τ² (N − 2)) · Σ_{i=2}^{N−1} (x*_{i−m} − 2 x*_i + x*_{i+m})²
 * on the reflected phase x*, always N − 2 terms. Named tau sets stop at m ≤ (N−1)/2 (Stable32).
 */
export const totdevSpec: StatisticSpec<ReflectedPhase> = {
  name: 'totdev',
  title: 'Total deviation',
  unit: 'fractional',
  autoMaxAf: (n) => Math.floor((n - 1) / 2),
  maxAf: (n) => Math.floor((n - 1) / 2),
  prepare: (x, maxAf) => reflectPhase(x, Math.min(maxAf, x.length - 1)),
  kernel(x, m, tau0S, ext) {
    const n = x.length;
    const v = ext.values;
    const terms = n - 2;
    let sum = 0;
    for (let i = ext.offset + 1, end = ext.offset + n - 1; i < end; i++) {
      const d = v[i - m] - 2 * v[i] + v[i + m];
      sum += d * d;
    }
    const tau = m * tau0S;
    return { dev: Math.sqrt(sum / (2 * tau * tau * terms)), terms };
  },
  interval: { kind: 'totdev' },
  noiseIdMaxDifferences: 2,
  noiseIdMinAverages: 4,
};

/** Total deviation of phase (s) or fractional-frequency data. */
export function totdev(data: ArrayLike<number>, options: StabilityOptions = {}): StabilityResult {
  return runStatistic(totdevSpec, data, options);
}

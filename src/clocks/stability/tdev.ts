import { mdevSpec } from './mdev.ts';
import type { PrefixSums } from './prefix-sum.ts';
import { runStatistic, type StabilityOptions, type StabilityResult } from './run-statistic.ts';
import type { StatisticSpec } from './statistic.ts';

/**
 * Time deviation (NIST SP 1065, Riley 2008, eq. 15): σx(τ) = (τ/√3) · Mod σy(τ), in seconds;
 * same terms, stopping rule and EDF as MDEV (the interval scales by the same factor).
 */
export const tdevSpec: StatisticSpec<PrefixSums> = {
  ...mdevSpec,
  name: 'tdev',
  title: 'Time deviation',
  unit: 's',
  kernel(x, m, tau0S, p) {
    const r = mdevSpec.kernel(x, m, tau0S, p);
    return { dev: (m * tau0S / Math.sqrt(3)) * r.dev, terms: r.terms };
  },
  derivedFrom: { statistic: 'mdev', scale: (dev, m, tau0S) => (m * tau0S / Math.sqrt(3)) * dev },
};

/** Time deviation (seconds) of phase (s) or fractional-frequency data. */
export function tdev(data: ArrayLike<number>, options: StabilityOptions = {}): StabilityResult {
  return runStatistic(tdevSpec, data, options);
}

import { InputError } from '../../core/errors.ts';
import { chiSquaredQuantile } from './chi-squared.ts';
import { stabilityMessages } from './messages.ts';

/** erf(1/√2): the probability inside ±1σ of a normal distribution, Stable32's default level. */
export const ONE_SIGMA_CONFIDENCE = 0.6826894921370859;

/**
 * Chi-squared confidence interval of a deviation (NIST SP 1065, Riley 2008, eq. 45):
 * edf·s²/χ²(1 − p, edf) ≤ σ² ≤ edf·s²/χ²(p, edf) with p = (1 − level)/2.
 */
export function confidenceInterval(dev: number, edf: number, level = ONE_SIGMA_CONFIDENCE): { low: number; high: number } {
  if (!(level > 0 && level < 1)) throw new InputError(stabilityMessages.badConfidence(level));
  if (!(edf > 0 && Number.isFinite(edf))) return { low: NaN, high: NaN };
  const p = (1 - level) / 2;
  return {
    low: dev * Math.sqrt(edf / chiSquaredQuantile(1 - p, edf)),
    high: dev * Math.sqrt(edf / chiSquaredQuantile(p, edf)),
  };
}

import { exp } from '../../math/exp.ts';
import type { RandomStream } from '../stream.ts';

/**
 * Log-normal: exp(μ + σZ) with Z standard normal, so ln X ~ N(μ, σ²). Median e^μ, mean
 * e^(μ+σ²/2) (Johnson, Kotz & Balakrishnan, *Continuous Univariate Distributions* vol. 1, ch. 14).
 * Uses the portable `exp`.
 */
export function logNormal(rng: RandomStream, mu: number, sigma: number): number {
  if (!(Number.isFinite(mu) && Number.isFinite(sigma) && sigma >= 0)) {
    throw new RangeError(`logNormal: mu must be finite and sigma finite and >= 0, got mu = ${mu}, sigma = ${sigma}`);
  }
  return exp(mu + sigma * rng.normal());
}

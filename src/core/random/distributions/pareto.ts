import { exp } from '../../math/exp.ts';
import { log } from '../../math/log.ts';
import type { UniformSource } from './uniform-source.ts';

/**
 * Pareto (type I) with scale `xMin` > 0 and shape `alpha` > 0: P(X > x) = (xMin/x)^alpha for
 * x ≥ xMin. By inversion, X = xMin·U^(−1/alpha), U uniform on (0, 1] (Devroye 1986, §II.2.1),
 * computed as xMin·exp(−ln(U)/alpha) with the portable `exp` and `log`.
 */
export function pareto(rng: UniformSource, xMin: number, alpha: number): number {
  if (!(xMin > 0 && alpha > 0 && Number.isFinite(xMin) && Number.isFinite(alpha))) {
    throw new RangeError(`pareto: xMin and alpha must be finite and > 0, got xMin = ${xMin}, alpha = ${alpha}`);
  }
  return xMin * exp(-log(1 - rng.uniform()) / alpha);
}

import { log } from '../../math/log.ts';
import type { UniformSource } from './uniform-source.ts';

/**
 * Exponential with mean `mean` by inversion: −mean·ln(U), U uniform on (0, 1]
 * (Devroye, *Non-Uniform Random Variate Generation*, 1986, §II.2.1). Uses the portable `log`.
 */
export function exponential(rng: UniformSource, mean: number): number {
  return -mean * log(1 - rng.uniform());
}

import { log } from '../../math/log.ts';
import type { UniformSource } from './uniform-source.ts';

/**
 * Two independent standard normals by Marsaglia's polar method (Marsaglia & Bray, "A convenient
 * method for generating normal variables", SIAM Review 6(3), 1964; Knuth TAOCP vol. 2, §3.4.1,
 * Algorithm P).
 *
 * Chosen over Box–Muller because it needs only a logarithm and a square root, not sine and
 * cosine: `log` is our portable fdlibm port and `Math.sqrt` is correctly rounded by IEEE-754, so a
 * WebAssembly kernel reproduces every value bit for bit.
 */
export function standardNormalPair(rng: UniformSource): [number, number] {
  for (;;) {
    const u = 2 * rng.uniform() - 1;
    const v = 2 * rng.uniform() - 1;
    const s = u * u + v * v;
    if (s >= 1 || s === 0) continue; // reject points outside the unit disc (probability 1 − π/4)
    const factor = Math.sqrt((-2 * log(s)) / s);
    return [u * factor, v * factor];
  }
}

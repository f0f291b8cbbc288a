import type { UniformSource } from './uniform-source.ts';

/** Bernoulli: true with probability `p` (U < p, U uniform on [0, 1)). */
export function bernoulli(rng: UniformSource, p: number): boolean {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`bernoulli: p must be a probability in [0, 1], got ${p}`);
  return rng.uniform() < p;
}

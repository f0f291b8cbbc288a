import type { UniformSource } from './uniform-source.ts';

/** Bernoulli: true with probability `p` (U < p, U uniform on [0, 1)). */
export function bernoulli(rng: UniformSource, p: number): boolean {
  return rng.uniform() < p;
}

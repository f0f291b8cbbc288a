export { philox4x32 } from './philox.ts';
export { RandomStream } from './stream.ts';
export type { UniformSource } from './distributions/uniform-source.ts';
export { standardNormalPair } from './distributions/normal.ts';
export { exponential } from './distributions/exponential.ts';
export { logNormal } from './distributions/lognormal.ts';
export { pareto } from './distributions/pareto.ts';
export { bernoulli } from './distributions/bernoulli.ts';
export { EmpiricalDistribution } from './distributions/empirical.ts';

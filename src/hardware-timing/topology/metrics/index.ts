/** Topology metrics: hops, bisection, spectrum (λ₂, spanning trees), triangles, partition probability. */
export { hostHops } from './hops.ts';
export { bisectionLinks, minCutLinks } from './bisection.ts';
export { laplacian, laplacianEigenvalues, spectrum, FULL_SPECTRUM_MAX_NODES, type Spectrum } from './spectrum.ts';
export { triangleFraction } from './triangles.ts';
export { partitionProbability, binomial, type PartitionProbability, type FailureTarget } from './partition.ts';
export { topologyMetrics, type TopologyMetrics } from './summary.ts';

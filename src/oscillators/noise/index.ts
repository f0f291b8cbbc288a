/** Public API of power-law clock noise (Kasdin & Walter 1992). */
export { NOISE_TYPES, isNoiseType, noiseTypeInfo } from './noise-type.ts';
export type { NoiseType, NoiseTypeInfo } from './noise-type.ts';
export { kasdinCoefficients, nextKasdinCoefficient } from './kasdin-coefficients.ts';
export { convolveTruncated } from './fft-convolve.ts';
export {
  adevFromH, avarFromH, discreteVarianceForLevel, discreteVarianceFromH, hFromAdev, hFromDiscreteVariance,
  mdevFromH, mvarFromH,
} from './levels.ts';
export type { NoiseLevel } from './levels.ts';
export { MAX_AVERAGING_FACTOR, kasdinWalterVariances } from './discrete-variance.ts';
export type { DiscreteVariances } from './discrete-variance.ts';
export {
  MAX_NOISE_SAMPLES, kasdinWalterFilter, phaseToFrequency, powerLawFrequency, powerLawPhase,
} from './power-law.ts';
export type { PowerLawOptions } from './power-law.ts';
export { noiseMessages } from './messages.ts';

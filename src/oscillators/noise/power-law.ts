import { InputError } from '../../core/errors.ts';
import { RandomStream } from '../../core/random/stream.ts';
import { convolveTruncated } from './fft-convolve.ts';
import { kasdinCoefficients } from './kasdin-coefficients.ts';
import { discreteVarianceForLevel, type NoiseLevel } from './levels.ts';
import { noiseMessages } from './messages.ts';
import { NOISE_TYPES, isNoiseType, noiseTypeInfo, type NoiseType } from './noise-type.ts';

/**
 * Largest series length. The flicker types need two complex arrays of 2·L doubles with
 * L ≥ 2n a power of two: 2^22 points use 2 × 128 MiB, a sensible ceiling on a shared machine.
 */
export const MAX_NOISE_SAMPLES = 2 ** 22;

/** Largest seed or stream id accepted by RandomStream (2^53 − 1). */
const MAX_ID = Number.MAX_SAFE_INTEGER;

/**
 * Applies the Kasdin & Walter (1992) filter for phase exponent b to a white sequence `white`
 * (any variance): out[k] = Σ_{j≤k} h_j white[k−j] with the coefficients of kasdinCoefficients.
 *
 * Each type is computed in the form that is exact or rounds least:
 * - b = 0: identity (h = 1, 0, 0, …);
 * - b = −2: h_j = 1, a cumulative sum;
 * - b = −4: h_j = j + 1, a double cumulative sum;
 * - b = −1: FFT convolution with the b = −1 coefficients;
 * - b = −3: the b = −1 result, then a cumulative sum. (1 − z)^(−3/2) = (1 − z)^(−1) (1 − z)^(−1/2),
 *   i.e. the b = −3 coefficients are the partial sums of the b = −1 ones (Σ_{i≤j} C(2i,i)/4^i =
 *   (2j+1) C(2j,j)/4^j). FFT rounding is relative to the largest term, and the b = −1 filter
 *   decays (h_j ~ 1/√(πj)) where the b = −3 filter grows (~2√(j/π)), so this order keeps the
 *   error in the frequency increments near machine precision for long series.
 */
export function kasdinWalterFilter(b: number, white: Float64Array): Float64Array {
  const n = white.length;
  if (b === 0) return Float64Array.from(white);
  let out: Float64Array;
  let sums: number;
  if (b === -2 || b === -4) {
    out = Float64Array.from(white);
    sums = b === -2 ? 1 : 2;
  } else if (b === -1 || b === -3) {
    out = convolveTruncated(white, kasdinCoefficients(-1, n), n);
    sums = b === -1 ? 0 : 1;
  } else {
    // Any other exponent: the general convolution (not one of the five named types).
    return convolveTruncated(white, kasdinCoefficients(b, n), n);
  }
  for (let pass = 0; pass < sums; pass++) {
    let s = 0;
    for (let i = 0; i < n; i++) out[i] = s += out[i];
  }
  return out;
}

export interface PowerLawOptions {
  /** Noise type: wpm, fpm, wfm, ffm or rwfm. */
  readonly type: NoiseType;
  /** Number of phase samples. */
  readonly n: number;
  /** Seed of the project's Philox random streams (integer, 0 ≤ seed < 2^53). */
  readonly seed: number;
  /** Random stream id (default 0). */
  readonly stream?: number;
  /** Sampling interval in seconds (default 1). */
  readonly tau0S?: number;
  /** Level (default { qd: 1 }: unit white-noise variance, Kasdin & Walter's normalisation). */
  readonly level?: NoiseLevel;
}

function checkOptions(options: PowerLawOptions, maxN = MAX_NOISE_SAMPLES): { stream: number; tau0S: number } {
  if (!isNoiseType(String(options.type))) throw new InputError(noiseMessages.badType(String(options.type), NOISE_TYPES));
  if (!Number.isSafeInteger(options.n) || options.n < 1 || options.n > maxN) {
    throw new InputError(noiseMessages.badCount('n', options.n, maxN));
  }
  const stream = options.stream ?? 0;
  for (const [what, v] of [['seed', options.seed], ['stream', stream]] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new InputError(noiseMessages.badId(what, v, MAX_ID));
  }
  const tau0S = options.tau0S ?? 1;
  if (!(Number.isFinite(tau0S) && tau0S > 0)) throw new InputError(noiseMessages.badTau0(tau0S));
  return { stream, tau0S };
}

/**
 * Phase x (seconds) of power-law noise by the Kasdin & Walter (1992) method: n standard normals
 * from RandomStream(seed, stream) (fillNormal), filtered by kasdinWalterFilter and multiplied by
 * √Q_d, with Q_d from the level (levels.ts). The same options give the same bytes.
 */
export function powerLawPhase(options: PowerLawOptions): Float64Array {
  const { stream, tau0S } = checkOptions(options);
  const qd = discreteVarianceForLevel(options.type, options.level ?? { qd: 1 }, tau0S);
  const white = new RandomStream(options.seed, stream).fillNormal(new Float64Array(options.n));
  const x = kasdinWalterFilter(noiseTypeInfo(options.type).b, white);
  const scale = Math.sqrt(qd);
  for (let i = 0; i < x.length; i++) x[i] *= scale;
  return x;
}

/**
 * Fractional frequency y of the same noise: n samples y[i] = (x[i+1] − x[i]) / τ0 from n + 1
 * phase samples of powerLawPhase (the usual phase-to-frequency conversion, NIST SP 1065 §4.1),
 * so y[i] is the average frequency over [i τ0, (i+1) τ0].
 */
export function powerLawFrequency(options: PowerLawOptions): Float64Array {
  // n frequencies need n + 1 phase points, so one fewer than the phase limit.
  checkOptions(options, MAX_NOISE_SAMPLES - 1);
  const x = powerLawPhase({ ...options, n: options.n + 1 });
  return phaseToFrequency(x, options.tau0S ?? 1);
}

/** y[i] = (x[i+1] − x[i]) / τ0: N phase samples (s) give N − 1 fractional frequencies. */
export function phaseToFrequency(phaseS: Float64Array, tau0S: number): Float64Array {
  const y = new Float64Array(Math.max(0, phaseS.length - 1));
  for (let i = 0; i < y.length; i++) y[i] = (phaseS[i + 1] - phaseS[i]) / tau0S;
  return y;
}

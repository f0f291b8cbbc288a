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
 * The integer cases use their exact equivalents (b = 0: identity; b = −2: h_j = 1, a cumulative
 * sum; b = −4: h_j = j + 1, a double cumulative sum), the fractional ones an FFT convolution.
 */
export function kasdinWalterFilter(b: number, white: Float64Array): Float64Array {
  const n = white.length;
  if (b === 0) return Float64Array.from(white);
  if (b === -2 || b === -4) {
    const out = new Float64Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) out[i] = s += white[i];
    if (b === -4) {
      s = 0;
      for (let i = 0; i < n; i++) out[i] = s += out[i];
    }
    return out;
  }
  return convolveTruncated(white, kasdinCoefficients(b, n), n);
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

function checkOptions(options: PowerLawOptions, countName = 'n'): { stream: number; tau0S: number } {
  if (!isNoiseType(String(options.type))) throw new InputError(noiseMessages.badType(String(options.type), NOISE_TYPES));
  if (!Number.isSafeInteger(options.n) || options.n < 1 || options.n > MAX_NOISE_SAMPLES) {
    throw new InputError(noiseMessages.badCount(countName, options.n, MAX_NOISE_SAMPLES));
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
  checkOptions(options);
  const x = powerLawPhase({ ...options, n: options.n + 1 });
  return phaseToFrequency(x, options.tau0S ?? 1);
}

/** y[i] = (x[i+1] − x[i]) / τ0: N phase samples (s) give N − 1 fractional frequencies. */
export function phaseToFrequency(phaseS: Float64Array, tau0S: number): Float64Array {
  const y = new Float64Array(Math.max(0, phaseS.length - 1));
  for (let i = 0; i < y.length; i++) y[i] = (phaseS[i + 1] - phaseS[i]) / tau0S;
  return y;
}

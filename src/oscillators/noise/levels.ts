import { InputError } from '../../core/errors.ts';
import { log } from '../../core/math/log.ts';
import { noiseMessages } from './messages.ts';
import { noiseTypeInfo, type NoiseType } from './noise-type.ts';

/**
 * Relations between the level of a power-law noise and its statistics.
 *
 * Units: h_α is the coefficient of the one-sided fractional-frequency spectrum
 * S_y(f) = h_α f^α (unit s^(α+1), i.e. Hz^−(α+1)); Q_d is the variance, in s², of the white
 * noise that drives the Kasdin & Walter filter when the output is phase in seconds; τ0 (tau0S)
 * is the sampling interval and τ (tauS) the averaging time, both in seconds.
 */

/**
 * base^k for a small integer k by repeated multiplication, which IEEE 754 arithmetic rounds the
 * same way on every platform (unlike Math.pow, whose accuracy the language leaves open). These
 * factors scale the generated samples, so they must be reproducible bit for bit.
 */
function integerPower(base: number, k: number): number {
  let r = 1;
  for (let i = 0; i < Math.abs(k); i++) r *= base;
  return k < 0 ? 1 / r : r;
}

/**
 * h_α = 2 Q_d (2π)^α τ0^(α−1). Kasdin & Walter (1992) eq. (39), which gives the one-sided
 * phase spectrum of the filtered sequence at low frequency as S_x(f) ≈ 2 Q_d τ0 (2π f τ0)^b;
 * with S_y = (2πf)² S_x and α = b + 2 this is the formula above (the same relation is
 * allantools' `frequency_psd_from_qd`).
 */
export function hFromDiscreteVariance(type: NoiseType, qdS2: number, tau0S: number): number {
  const { alpha } = noiseTypeInfo(type);
  return 2 * qdS2 * integerPower(2 * Math.PI, alpha) * integerPower(tau0S, alpha - 1);
}

/** Inverse of hFromDiscreteVariance: Q_d = h_α / (2 (2π)^α τ0^(α−1)). */
export function discreteVarianceFromH(type: NoiseType, hAlpha: number, tau0S: number): number {
  const { alpha } = noiseTypeInfo(type);
  return hAlpha / (2 * integerPower(2 * Math.PI, alpha) * integerPower(tau0S, alpha - 1));
}

/**
 * Flicker PM constant 1.038 of NIST SP 1065 (Riley 2008) in the table relating σ_y²(τ) to h_α;
 * it is 3γ − ln 2 (γ Euler's constant, Barnes et al. 1971) rounded as the handbook prints it,
 * and allantools uses the same rounded value.
 */
const FPM_AVAR_CONSTANT = 1.038;

/**
 * Allan variance σ_y²(τ) of a pure power-law noise with level h_α, NIST SP 1065 (W. J. Riley,
 * Handbook of Frequency Stability Analysis, 2008), table of σ_y²(τ) versus h_α (the same table as
 * IEEE Std 1139-2008 and Dawkins, McFerran & Luiten, IEEE UFFC 54(5) 2007, Table I):
 *   white PM    3 f_h h_2 / (4π² τ²)
 *   flicker PM  h_1 (1.038 + 3 ln(2π f_h τ)) / (4π² τ²)
 *   white FM    h_0 / (2τ)
 *   flicker FM  2 ln2 · h_−1
 *   RW FM       (2π²/3) h_−2 τ
 * with f_h = 1/(2 τ0), the measurement bandwidth of sampled data (Nyquist frequency).
 * These are the usual asymptotic forms (2π f_h τ ≫ 1); for white PM and white FM they are exact
 * for the discrete Kasdin & Walter sequences at every τ = m τ0.
 */
export function avarFromH(type: NoiseType, hAlpha: number, tauS: number, tau0S: number): number {
  const fh = 1 / (2 * tau0S);
  const fourPi2 = 4 * Math.PI * Math.PI;
  switch (type) {
    case 'wpm':
      return (3 * fh * hAlpha) / (fourPi2 * tauS * tauS);
    case 'fpm':
      // Portable fdlibm log (src/core/math): an ADEV level for flicker PM scales the samples.
      return (hAlpha * (FPM_AVAR_CONSTANT + 3 * log(2 * Math.PI * fh * tauS))) / (fourPi2 * tauS * tauS);
    case 'wfm':
      return hAlpha / (2 * tauS);
    case 'ffm':
      return 2 * Math.LN2 * hAlpha;
    case 'rwfm':
      return ((2 * Math.PI * Math.PI) / 3) * hAlpha * tauS;
  }
}

/** Allan deviation: the square root of avarFromH. */
export function adevFromH(type: NoiseType, hAlpha: number, tauS: number, tau0S: number): number {
  return Math.sqrt(avarFromH(type, hAlpha, tauS, tau0S));
}

/**
 * Modified Allan variance Mod σ_y²(τ) of a pure power-law noise with level h_α, from
 * S. T. Dawkins, J. J. McFerran and A. N. Luiten, "Considerations on the measurement of the
 * stability of oscillators with frequency counters", IEEE Trans. UFFC 54(5), 918–925 (2007),
 * Table I (NIST SP 1065 prints the same relations rounded: 3.37 h_1, 0.936 h_−1, 5.42 h_−2 τ):
 *   white PM    3 h_2 / (8π² τ³)
 *   flicker PM  (24 ln2 − 9 ln3) h_1 / (8π² τ²)
 *   white FM    h_0 / (4τ)
 *   flicker FM  2 ln(3 · 3^(11/16) / 4) h_−1
 *   RW FM       (11π²/20) h_−2 τ
 * Asymptotic forms for large averaging factors. τ0 is accepted for symmetry with avarFromH;
 * none of these depends on it.
 */
export function mvarFromH(type: NoiseType, hAlpha: number, tauS: number, _tau0S: number): number {
  const eightPi2 = 8 * Math.PI * Math.PI;
  switch (type) {
    case 'wpm':
      return (3 * hAlpha) / (eightPi2 * tauS * tauS * tauS);
    case 'fpm':
      return ((24 * Math.LN2 - 9 * Math.log(3)) * hAlpha) / (eightPi2 * tauS * tauS);
    case 'wfm':
      return hAlpha / (4 * tauS);
    case 'ffm':
      return 2 * Math.log((3 * Math.pow(3, 11 / 16)) / 4) * hAlpha;
    case 'rwfm':
      return ((11 * Math.PI * Math.PI) / 20) * hAlpha * tauS;
  }
}

/** Modified Allan deviation: the square root of mvarFromH. */
export function mdevFromH(type: NoiseType, hAlpha: number, tauS: number, tau0S: number): number {
  return Math.sqrt(mvarFromH(type, hAlpha, tauS, tau0S));
}

/**
 * The h_α whose Allan deviation at averaging time tauS is `adev` (inverts avarFromH, which is
 * linear in h_α). Throws InputError unless tauS ≥ tau0S (then 2π f_h τ ≥ π, so the flicker PM
 * expression is positive too).
 */
export function hFromAdev(type: NoiseType, adev: number, tauS: number, tau0S: number): number {
  if (!(Number.isFinite(tauS) && tauS >= tau0S)) throw new InputError(noiseMessages.badAdevTau(tauS, tau0S));
  return (adev * adev) / avarFromH(type, 1, tauS, tau0S);
}

/**
 * A noise level: the spectral coefficient h_α, or the Allan deviation at averaging time tauS
 * (default 1 s, on the asymptotic line of avarFromH), or Kasdin & Walter's discrete variance
 * Q_d in s² (qd: 1 with tau0S = 1 is the normalisation of the reference values).
 */
export type NoiseLevel =
  | { readonly h: number }
  | { readonly adev: number; readonly tauS?: number }
  | { readonly qd: number };

/** The discrete white-noise variance Q_d (s²) for a level, checking its numbers. */
export function discreteVarianceForLevel(type: NoiseType, level: NoiseLevel, tau0S: number): number {
  const kinds = ['h', 'adev', 'qd'].filter((k) => k in level);
  if (kinds.length !== 1) throw new InputError(noiseMessages.badLevelKind());
  const check = (what: string, v: number): number => {
    if (!(Number.isFinite(v) && v >= 0)) throw new InputError(noiseMessages.badLevel(what, v));
    return v;
  };
  if ('h' in level) return discreteVarianceFromH(type, check('h', level.h), tau0S);
  if ('qd' in level) return check('qd', level.qd);
  const h = hFromAdev(type, check('adev', level.adev), level.tauS ?? 1, tau0S);
  return discreteVarianceFromH(type, h, tau0S);
}

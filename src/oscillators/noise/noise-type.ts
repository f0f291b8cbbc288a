/**
 * The five classic power-law noise types of oscillator phase and frequency.
 *
 * Conventions (NIST SP 1065, W. J. Riley, "Handbook of Frequency Stability Analysis", 2008,
 * §5.2 and Table 5): the one-sided power spectral density of fractional frequency is
 * S_y(f) = h_α f^α and that of phase is S_x(f) = h_α f^(α−2) / (4π²), so the phase exponent is
 * b = α − 2. Kasdin & Walter (1992) label their filters by the phase exponent b, as does
 * allantools' `noise_kasdin.py`.
 *
 * Allan deviation grows as τ^(μ/2) and modified Allan deviation as τ^(μ'/2) with the exponents
 * of NIST SP 1065 Table 5 (μ = −α − 1 for −2 ≤ α < 1, μ = −2 for α ≥ 1; MDEV separates white
 * and flicker PM: μ' = −α − 1 for all five).
 */
export type NoiseType = 'wpm' | 'fpm' | 'wfm' | 'ffm' | 'rwfm';

/** Every type, in the order used for stream ids and tables (white PM first). */
export const NOISE_TYPES: readonly NoiseType[] = ['wpm', 'fpm', 'wfm', 'ffm', 'rwfm'];

export interface NoiseTypeInfo {
  readonly type: NoiseType;
  /** Human-readable name. */
  readonly name: string;
  /** Exponent of S_y(f) = h_α f^α (frequency). */
  readonly alpha: number;
  /** Exponent of S_x(f) ∝ f^b (phase); b = α − 2. */
  readonly b: number;
  /** ADEV ∝ τ^adevSlope (NIST SP 1065 Table 5). */
  readonly adevSlope: number;
  /** MDEV ∝ τ^mdevSlope (NIST SP 1065 Table 5). */
  readonly mdevSlope: number;
  /** Position in NOISE_TYPES, used to derive per-type random stream ids. */
  readonly index: number;
}

const TABLE: Record<NoiseType, NoiseTypeInfo> = {
  wpm: { type: 'wpm', name: 'white PM', alpha: 2, b: 0, adevSlope: -1, mdevSlope: -1.5, index: 0 },
  fpm: { type: 'fpm', name: 'flicker PM', alpha: 1, b: -1, adevSlope: -1, mdevSlope: -1, index: 1 },
  wfm: { type: 'wfm', name: 'white FM', alpha: 0, b: -2, adevSlope: -0.5, mdevSlope: -0.5, index: 2 },
  ffm: { type: 'ffm', name: 'flicker FM', alpha: -1, b: -3, adevSlope: 0, mdevSlope: 0, index: 3 },
  rwfm: { type: 'rwfm', name: 'random-walk FM', alpha: -2, b: -4, adevSlope: 0.5, mdevSlope: 0.5, index: 4 },
};

/** The exponents and names of one noise type. */
export function noiseTypeInfo(type: NoiseType): NoiseTypeInfo {
  return TABLE[type];
}

/** True when `text` names one of the five types. */
export function isNoiseType(text: string): text is NoiseType {
  return (NOISE_TYPES as readonly string[]).includes(text);
}

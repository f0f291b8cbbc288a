import type { DataType } from './phase-data.ts';

/** Power-law noise names by α (S_y(f) ∝ f^α), as Stable32 prints them. */
export const NOISE_NAMES: Record<number, string> = {
  2: 'WPM', 1: 'FPM', 0: 'WFM', [-1]: 'FFM', [-2]: 'RWFM', [-3]: 'FWFM', [-4]: 'RRFM',
};

/** Fewest analysis points for the lag-1 ACF method (Riley & Greenhall 2004, §4). */
export const ACF_MIN_POINTS = 30;

export interface NoiseEstimate {
  /** Dominant power-law exponent α, an integer from −4 to 2. */
  readonly alpha: number;
  /** Which method decided: lag-1 autocorrelation, or the B1 ratio (with R(n) for PM noise). */
  readonly method: 'acf' | 'b1';
}

function difference(z: Float64Array): Float64Array {
  const out = new Float64Array(z.length - 1);
  for (let i = 0; i < out.length; i++) out[i] = z[i + 1] - z[i];
  return out;
}

/** Phase decimated by m: x_0, x_m, x_2m, … */
function decimate(x: Float64Array, m: number): Float64Array {
  const count = Math.floor((x.length - 1) / m) + 1;
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) out[k] = x[k * m];
  return out;
}

/** Lag-1 autocorrelation r1 = Σ(z_i − z̄)(z_{i+1} − z̄) / Σ(z_i − z̄)² (Riley & Greenhall 2004, eq. 2). */
export function lag1Autocorrelation(z: Float64Array): number {
  const n = z.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += z[i];
  mean /= n;
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) {
    const a = z[i] - mean;
    den += a * a;
    if (i + 1 < n) num += a * (z[i + 1] - mean);
  }
  return den > 0 ? num / den : 0;
}

/**
 * Number of points the identification at averaging factor m sees: the phase decimated by m
 * (⌊(N−1)/m⌋ + 1 points) for phase input, the ⌊N_y/m⌋ = ⌊(N−1)/m⌋ non-overlapping m-averages for
 * frequency input (N = N_y + 1 phase points).
 */
export function analysisPoints(phasePoints: number, m: number, dataType: DataType): number {
  const averages = Math.floor((phasePoints - 1) / m);
  return dataType === 'freq' ? averages : averages + 1;
}

/**
 * Lag-1 ACF noise identification as Stable32 does it (W. J. Riley and C. A. Greenhall, "Power law
 * noise identification using the lag 1 autocorrelation", Proc. 18th EFTF, 2004; NIST SP 1065
 * §5.5.6). The series at τ = mτ0 is the phase decimated by m (phase input) or the frequency averaged
 * over non-overlapping blocks of m (frequency input); nothing is detrended (the user removes drift
 * before the run). It is differenced d times until δ = r1/(1 + r1) < 0.25 or d = dMax, where
 * r1 is eq. 2 scaled by (n−1)/n as Stable32 does; then α = −round(2δ) − 2d, plus 2 for phase data.
 *
 * Frequency input is handled on the phase made from it: the m-averages of y are, up to a constant
 * offset that the ACF removes, the first differences of the decimated phase divided by m τ0, so
 * frequency data are the phase series with one difference already taken (d counts the differences
 * of the frequency series, up to dMax of them).
 */
export function acfNoiseAlpha(phase: Float64Array, m: number, dMax: number, dataType: DataType = 'phase'): number {
  let z = decimate(phase, m);
  if (dataType === 'freq') z = difference(z);
  for (let d = 0; ; d++) {
    const n = z.length;
    const r1 = lag1Autocorrelation(z) * ((n - 1) / n);
    const delta = r1 / (1 + r1);
    if (delta < 0.25 || d >= dMax || n < 3) return -Math.round(2 * delta) - 2 * d + (dataType === 'phase' ? 2 : 0);
    z = difference(z);
  }
}

/** B1(N, μ) = N(1 − N^μ) / (2(N − 1)(1 − 2^μ)), Barnes' bias function (NIST SP 1065 eq. 70); μ = 0 by its limit. */
export function b1Theory(n: number, mu: number): number {
  if (mu === 0) return (n * Math.log(n)) / (2 * (n - 1) * Math.LN2);
  return (n * (1 - Math.pow(n, mu))) / (2 * (n - 1) * (1 - Math.pow(2, mu)));
}

/**
 * R(n) = MVAR/AVAR expected for white PM (1/m) and for flicker PM with bandwidth f_h = 1/(2τ0)
 * (NIST SP 1065 §5.5.6, Table 11 formulas: MVAR/AVAR = [3 ln(256/27)/(8π²)] / [(1.038 + 3 ln(2π f_h τ))/(4π²)]).
 */
export function rnTheory(m: number, alpha: 1 | 2): number {
  if (alpha === 2) return 1 / m;
  const mvar = (3 * Math.log(256 / 27)) / (8 * Math.PI * Math.PI);
  const avar = (1.038 + 3 * Math.log(Math.PI * m)) / (4 * Math.PI * Math.PI);
  return mvar / avar;
}

/**
 * B1-ratio noise identification for short data (NIST SP 1065 §5.5.6; Barnes 1969; Howe et al.,
 * PTTI 2000, Table 4): B1 is the ratio of the standard variance to the Allan variance of the
 * n = ⌊(N−1)/m⌋ frequency averages; the μ whose theoretical B1(N_B, μ) is nearest wins (boundaries
 * at geometric means, tested from the largest μ down). As in Stable32, N_B is the statistic's own
 * term count (its `n` column), not n: the Stable32 tables shipped with allantools only agree with
 * that choice (e.g. OCXO OADEV octave, m = 2048: Stable32 prints 0, which N_B = 15886 gives and
 * N_B = 9 does not). μ = −2 (PM) is split into white and flicker PM by R(n) = MVAR/OAVAR, for
 * every statistic (PHASE.DAT ADEV m = 69–71: Stable32 prints FPM, which R(n) gives; B1 alone only
 * says PM).
 */
export function b1NoiseAlpha(phase: Float64Array, m: number, dMax: number, terms?: number): number {
  const n = Math.floor((phase.length - 1) / m);
  const nb = terms !== undefined && terms >= 2 ? terms : n;
  if (n < 2) return 0;
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) y[k] = phase[(k + 1) * m] - phase[k * m];
  let mean = 0;
  for (let k = 0; k < n; k++) mean += y[k];
  mean /= n;
  let variance = 0;
  for (let k = 0; k < n; k++) variance += (y[k] - mean) ** 2;
  variance /= n - 1;
  let avar = 0;
  for (let k = 0; k + 1 < n; k++) avar += (y[k + 1] - y[k]) ** 2;
  avar /= 2 * (n - 1);
  const b1 = avar > 0 ? variance / avar : 1;
  const muMax = dMax >= 3 ? 2 : 1;
  let mu = -2;
  for (let cand = muMax; cand > -2; cand--) {
    const boundary = Math.sqrt(b1Theory(nb, cand) * b1Theory(nb, cand - 1));
    if (b1 > boundary) { mu = cand; break; }
  }
  if (mu > -2) return -mu - 1;
  // White vs flicker PM from R(n) = MVAR/OAVAR.
  const N = phase.length;
  if (N - 3 * m + 1 < 1) return 2;
  // MVAR by a running inner sum (no O(N) prefix arrays: this only decides between two types).
  let inner = 0;
  for (let i = 0; i < m; i++) inner += phase[i + 2 * m] - 2 * phase[i + m] + phase[i];
  let msum = inner * inner;
  const mterms = N - 3 * m + 1;
  for (let j = 0; j + 1 < mterms; j++) {
    inner += (phase[j + 3 * m] - 2 * phase[j + 2 * m] + phase[j + m]) - (phase[j + 2 * m] - 2 * phase[j + m] + phase[j]);
    msum += inner * inner;
  }
  const mvar = msum / (2 * m * m * m * m * mterms);
  let ov = 0;
  for (let i = 0; i + 2 * m < N; i++) ov += (phase[i + 2 * m] - 2 * phase[i + m] + phase[i]) ** 2;
  const oavar = ov / (2 * m * m * (N - 2 * m));
  const rn = oavar > 0 ? mvar / oavar : 1;
  // Nearest theoretical ratio on a log scale (the geometric-mean boundary, valid whichever of the
  // two is larger: at m = 1 white PM has the larger R(n), beyond it flicker PM does).
  const toWhite = Math.abs(Math.log(rn / rnTheory(m, 2)));
  const toFlicker = Math.abs(Math.log(rn / rnTheory(m, 1)));
  return toFlicker < toWhite ? 1 : 2;
}

/**
 * Dominant noise type at averaging factor m, as Stable32 does it: the lag-1 ACF when at least 30
 * analysis points remain (see `analysisPoints`), the B1 ratio (and R(n)) otherwise. `terms` is the
 * statistic's term count, used by the B1 method only.
 */
export function identifyNoise(phase: Float64Array, m: number, dMax: number, dataType: DataType = 'phase', terms?: number): NoiseEstimate {
  if (analysisPoints(phase.length, m, dataType) >= ACF_MIN_POINTS) return { alpha: acfNoiseAlpha(phase, m, dMax, dataType), method: 'acf' };
  return { alpha: b1NoiseAlpha(phase, m, dMax, terms), method: 'b1' };
}

/**
 * Key of one identification in a shared noise cache: the ACF result depends on the data, m, dMax
 * and the data type; the B1 result also on the statistic's term count.
 */
export function noiseCacheKey(phasePoints: number, m: number, dMax: number, dataType: DataType, terms: number): string {
  const acf = analysisPoints(phasePoints, m, dataType) >= ACF_MIN_POINTS;
  return `${phasePoints}:${m}:${dMax}:${dataType}${acf ? '' : `:${terms}`}`;
}

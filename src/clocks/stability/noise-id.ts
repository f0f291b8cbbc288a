
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

/**
 * Removes the least-squares polynomial of degree 1 or 2 in the sample index, using the discrete
 * orthogonal polynomials 1, u, u² − (n²−1)/12 with u = i − (n−1)/2 (exactly orthogonal on equally
 * spaced points, so no normal equations to solve).
 */
export function detrend(v: Float64Array, degree: 1 | 2): Float64Array {
  const n = v.length;
  const c = (n - 1) / 2;
  const q = (n * n - 1) / 12;
  let s0 = 0, s1 = 0, s2 = 0, n1 = 0, n2 = 0;
  for (let i = 0; i < n; i++) {
    const u = i - c;
    const p2 = u * u - q;
    s0 += v[i]; s1 += v[i] * u; s2 += v[i] * p2; n1 += u * u; n2 += p2 * p2;
  }
  const a0 = s0 / n;
  const a1 = n1 > 0 ? s1 / n1 : 0;
  const a2 = degree === 2 && n2 > 0 ? s2 / n2 : 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = i - c;
    out[i] = v[i] - a0 - a1 * u - a2 * (u * u - q);
  }
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

/**
 * Lag-1 ACF noise identification (W. J. Riley and C. A. Greenhall, "Power law noise
 * identification using the lag 1 autocorrelation", Proc. 18th EFTF, 2004): the phase decimated
 * by m, quadratic trend removed, is differenced d times until δ = r1/(1 + r1) < 0.25 (or d
 * reaches dMax); then p = −2(δ + d) and α = round(p) + 2 for phase data.
 */
export function acfNoiseAlpha(phase: Float64Array, m: number, dMax: number): number {
  let z = detrend(decimate(phase, m), 2);
  for (let d = 0; ; d++) {
    const r1 = lag1Autocorrelation(z);
    const delta = r1 / (1 + r1);
    if (delta < 0.25 || d >= dMax || z.length < 3) return Math.round(-2 * delta) - 2 * d + 2;
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
 * B1-ratio noise identification for short data (NIST SP 1065 §5.5.6; Barnes 1969): B1 is the
 * ratio of the standard variance to the Allan variance of the n = ⌊(N−1)/m⌋ frequency averages;
 * it picks the μ whose theoretical B1 is nearest (boundaries at geometric means). μ = −2 (PM) is
 * split into white and flicker PM with R(n) = MVAR/OAVAR.
 */
export function b1NoiseAlpha(phase: Float64Array, m: number, dMax: number): number {
  const n = Math.floor((phase.length - 1) / m);
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
    const boundary = Math.sqrt(b1Theory(n, cand) * b1Theory(n, cand - 1));
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
 * decimated points remain, the B1 ratio (and R(n)) otherwise.
 */
export function identifyNoise(phase: Float64Array, m: number, dMax: number): NoiseEstimate {
  const count = Math.floor((phase.length - 1) / m) + 1;
  if (count >= ACF_MIN_POINTS) return { alpha: acfNoiseAlpha(phase, m, dMax), method: 'acf' };
  return { alpha: b1NoiseAlpha(phase, m, dMax), method: 'b1' };
}

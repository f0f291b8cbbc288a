/**
 * Equivalent degrees of freedom (EDF) of stability variances.
 *
 * `greenhallEdf` implements C. A. Greenhall and W. J. Riley, "Uncertainty of stability variances
 * based on finite differences", Proc. 35th PTTI (2003) — the algorithm NIST SP 1065 §5.3 and
 * Stable32 use for AVAR, MVAR, TVAR, HVAR and their overlapping forms. Equation numbers below are
 * that paper's. `totdevEdf` is NIST SP 1065 (Riley 2008) Table 7.
 */

/** Eq. (7): the generalized autocovariance kernel sw(t) of power-law noise with exponent α. */
function sw(t: number, alpha: number): number {
  const a = Math.abs(t);
  switch (alpha) {
    case 2: return -a;
    case 1: return a === 0 ? 0 : t * t * Math.log(a);
    case 0: return a * a * a;
    case -1: return a === 0 ? 0 : -(t ** 4) * Math.log(a);
    case -2: return -(a ** 5);
    case -3: return a === 0 ? 0 : (t ** 6) * Math.log(a);
    case -4: return a ** 7;
    default: throw new RangeError(`noise exponent alpha must be an integer from -4 to 2, got ${alpha}`);
  }
}

/** Eq. (8): sx for filter factor F (F = 1 modified, F = m unmodified, ∞ the limit). */
function sx(t: number, F: number, alpha: number): number {
  if (F === Infinity) return sw(t, alpha + 2);
  return F * F * (2 * sw(t, alpha) - sw(t - 1 / F, alpha) - sw(t + 1 / F, alpha));
}

const BINOMIAL_WEIGHTS: Record<number, number[]> = { 1: [2, -1], 2: [6, -4, 1], 3: [20, -15, 6, -1] };

/** Eq. (9): sz, the d-th difference of sx. */
function sz(t: number, F: number, alpha: number, d: number): number {
  const w = BINOMIAL_WEIGHTS[d];
  let s = w[0] * sx(t, F, alpha);
  for (let k = 1; k < w.length; k++) s += w[k] * (sx(t - k, F, alpha) + sx(t + k, F, alpha));
  return s;
}

/** Eq. (10): the basic sum BasicSum(J, M, S, F, α, d). */
function basicSum(J: number, M: number, S: number, F: number, alpha: number, d: number): number {
  let s = sz(0, F, alpha, d) ** 2 + (1 - J / M) * sz(J / S, F, alpha, d) ** 2;
  for (let j = 1; j < J; j++) s += 2 * (1 - j / M) * sz(j / S, F, alpha, d) ** 2;
  return s;
}

// Table 1 (modified variances, F = 1): (a0, a1) by alpha (rows 2..-4) and d (columns 1..3).
const TABLE1: Record<number, ([number, number] | null)[]> = {
  2: [[2 / 3, 1 / 3], [7 / 9, 1 / 2], [22 / 25, 2 / 3]],
  1: [[0.840, 0.345], [0.997, 0.616], [1.141, 0.843]],
  0: [[1.079, 0.368], [1.033, 0.607], [1.184, 0.848]],
  [-1]: [null, [1.048, 0.534], [1.180, 0.816]],
  [-2]: [null, [1.302, 0.535], [1.175, 0.777]],
  [-3]: [null, null, [1.194, 0.703]],
  [-4]: [null, null, [1.489, 0.702]],
};
// Table 2 (unmodified variances, F = m).
const TABLE2: Record<number, ([number, number] | null)[]> = {
  2: [[3 / 2, 1 / 2], [35 / 18, 1], [231 / 100, 3 / 2]],
  1: [[78.6, 25.2], [790, 410], [9950, 6520]],
  0: [[2 / 3, 1 / 6], [2 / 3, 1 / 3], [7 / 9, 1 / 2]],
  [-1]: [null, [0.852, 0.375], [0.997, 0.617]],
  [-2]: [null, [1.079, 0.368], [1.033, 0.607]],
  [-3]: [null, null, [1.053, 0.553]],
  [-4]: [null, null, [1.302, 0.535]],
};
// Table 3 (α = 1, unmodified): (b0, b1) by d.
const TABLE3: [number, number][] = [[6, 4], [15.23, 12], [47.8, 40]];

const J_MAX = 100;

function tableEntry(table: Record<number, ([number, number] | null)[]>, alpha: number, d: number): [number, number] {
  const e = table[alpha]?.[d - 1];
  if (!e) throw new RangeError(`no Greenhall table entry for alpha=${alpha}, d=${d}`);
  return e;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

export interface GreenhallParameters {
  /** Noise exponent α of S_y(f) ∝ f^α, integer −4…2; must satisfy α + 2d > 1. */
  readonly alpha: number;
  /** Difference order: 1 first-difference, 2 Allan, 3 Hadamard. */
  readonly d: number;
  /** Averaging factor m. */
  readonly m: number;
  /** Number of phase points N. */
  readonly points: number;
  /** Overlapping estimator (stride S = m) rather than non-overlapping (S = 1). */
  readonly overlapping: boolean;
  /** Modified variance (filter factor F = 1) rather than unmodified (F = m). */
  readonly modified: boolean;
}

/**
 * Greenhall & Riley (2003) §3 algorithm: EDF of a finite-difference variance estimator for
 * power-law noise. L = m/F + m·d points per term, M = 1 + ⌊S(N − L)/m⌋ terms, J = min(M, (d+1)S),
 * r = M/S; cases 1–4 pick between the exact basic sum (eq. 11–13) and the large-r fits of
 * Tables 1–3. For α = 2 with ⌈r⌉ ≤ d the exact basic sum is used (the paper's small-sample case).
 */
export function greenhallEdf(p: GreenhallParameters): number {
  const { alpha, d, m, points: N, overlapping, modified } = p;
  if (!(alpha + 2 * d > 1)) throw new RangeError(`Greenhall EDF needs alpha + 2d > 1, got alpha=${alpha}, d=${d}`);
  const F = modified ? 1 : m;
  const S = overlapping ? m : 1;
  const L = m / F + m * d;
  const M = 1 + Math.floor((S * (N - L)) / m);
  const J = Math.min(M, (d + 1) * S);
  const r = M / S;
  if (modified) {
    if (J <= J_MAX) return (sz(0, 1, alpha, d) ** 2 * M) / basicSum(J, M, S, 1, alpha, d);
    if (r > d + 1) {
      const [a0, a1] = tableEntry(TABLE1, alpha, d);
      return 1 / ((1 / r) * (a0 - a1 / r));
    }
    const mPrime = J_MAX / r;
    return (sz(0, 1, alpha, d) ** 2 * J_MAX) / basicSum(J_MAX, J_MAX, mPrime, 1, alpha, d);
  }
  if (alpha <= 0) {
    if (J <= J_MAX) {
      const mPrime = m * (d + 1) <= J_MAX ? m : Infinity;
      return (sz(0, mPrime, alpha, d) ** 2 * M) / basicSum(J, M, S, mPrime, alpha, d);
    }
    if (r > d + 1) {
      const [a0, a1] = tableEntry(TABLE2, alpha, d);
      return 1 / ((1 / r) * (a0 - a1 / r));
    }
    const mPrime = J_MAX / r;
    return (sz(0, Infinity, alpha, d) ** 2 * J_MAX) / basicSum(J_MAX, J_MAX, mPrime, Infinity, alpha, d);
  }
  if (alpha === 1) {
    const [b0, b1] = TABLE3[d - 1];
    if (J <= J_MAX) return (sz(0, m, 1, d) ** 2 * M) / basicSum(J, M, S, m, 1, d);
    if (r > d + 1) {
      const [a0, a1] = tableEntry(TABLE2, 1, d);
      return 1 / ((1 / ((b0 + b1 * Math.log(m)) ** 2 * r)) * (a0 - a1 / r));
    }
    const mPrime = J_MAX / r;
    return ((b0 + b1 * Math.log(m)) ** 2 * J_MAX) / basicSum(J_MAX, J_MAX, mPrime, mPrime, 1, d);
  }
  // α = 2, unmodified (case 4).
  const K = Math.ceil(r);
  if (K <= d) return (sz(0, m, 2, d) ** 2 * M) / basicSum(J, M, S, m, 2, d);
  const a0 = binomial(4 * d, 2 * d) / binomial(2 * d, d) ** 2;
  const a1 = d / 2;
  return 1 / ((1 / M) * (a0 - a1 / r));
}

// NIST SP 1065 (Riley 2008) Table 7: TOTVAR EDF ≈ b·(T/τ) − c for FM noises.
const TOTDEV_TABLE: Record<number, [number, number]> = { 0: [1.5, 0], [-1]: [1.17, 0.22], [-2]: [0.93, 0.36] };

/**
 * Simple EDF approximations for the overlapping Allan variance of PM noise (NIST SP 1065, Riley
 * 2008, Table 5): white PM (N + 1)(N − 2m) / (2(N − m)); flicker PM
 * exp(√(ln((N − 1)/(2m)) · ln((2m + 1)(N − 1)/4))).
 */
export function simplePmEdf(alpha: 1 | 2, m: number, points: number): number {
  const N = points;
  if (alpha === 2) return ((N + 1) * (N - 2 * m)) / (2 * (N - m));
  return Math.exp(Math.sqrt(Math.log((N - 1) / (2 * m)) * Math.log(((2 * m + 1) * (N - 1)) / 4)));
}

/**
 * EDF of TOTVAR (NIST SP 1065, Riley 2008, Table 7): b·(T/τ) − c with T/τ = N/m for white,
 * flicker and random-walk FM. Table 7 has no PM rows; for α = 1, 2 the Table 5 PM formulas are
 * used (this reproduces the intervals of Stable32's OCXO TOTDEV table at its α = 1 rows to 1e-4,
 * where the white-FM row would be 2.4 times too large). α < −2 uses the random-walk FM row.
 */
export function totdevEdf(alpha: number, m: number, points: number): number {
  if (alpha >= 1) return simplePmEdf(alpha >= 2 ? 2 : 1, m, points);
  const [b, c] = TOTDEV_TABLE[Math.max(-2, alpha)];
  return b * (points / m) - c;
}

/**
 * Chi-squared distribution: CDF and its inverse, in portable double-precision arithmetic
 * (no platform math library beyond exp/log/sqrt), for confidence intervals from equivalent
 * degrees of freedom (NIST SP 1065, Riley 2008, eq. 45).
 */

// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients; relative error < 2e-15).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(a) for a > 0 (Lanczos). */
export function logGamma(a: number): number {
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
  const z = a - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/**
 * Regularized lower incomplete gamma P(a, x) (Numerical Recipes §6.2: series for x < a + 1,
 * Lentz continued fraction for the upper tail otherwise).
 */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return sum * Math.exp(logPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 - Math.exp(logPrefix) * h;
}

/** CDF of the chi-squared distribution with ν degrees of freedom (ν > 0, need not be integer). */
export function chiSquaredCdf(x: number, nu: number): number {
  return regularizedGammaP(nu / 2, x / 2);
}

/** Density of the chi-squared distribution. */
function chiSquaredPdf(x: number, nu: number): number {
  if (x <= 0) return 0;
  const k = nu / 2;
  return Math.exp((k - 1) * Math.log(x) - x / 2 - k * Math.LN2 - logGamma(k));
}

/** Standard normal quantile, Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4): a starting value only. */
function roughNormalQuantile(p: number): number {
  const q = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(q));
  const z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  return p < 0.5 ? -z : z;
}

/**
 * Inverse chi-squared CDF: the x with P(χ²_ν ≤ x) = p. Starts from the Wilson–Hilferty cube-root
 * normal approximation (Wilson & Hilferty 1931), then Newton steps on the exact CDF kept inside a
 * bisection bracket, to about 1e-14 relative.
 */
export function chiSquaredQuantile(p: number, nu: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`chiSquaredQuantile: p must be in (0, 1), got ${p}`);
  if (!(nu > 0 && Number.isFinite(nu))) throw new RangeError(`chiSquaredQuantile: degrees of freedom must be > 0, got ${nu}`);
  const z = roughNormalQuantile(p);
  const h = 2 / (9 * nu);
  let x = nu * Math.pow(Math.max(1 - h + z * Math.sqrt(h), 0.01), 3);
  let lo = 0;
  let hi = Infinity;
  for (let iter = 0; iter < 200; iter++) {
    const f = chiSquaredCdf(x, nu) - p;
    if (f < 0) lo = x; else hi = x;
    const dens = chiSquaredPdf(x, nu);
    let next = dens > 0 ? x - f / dens : NaN;
    if (!(next > lo && next < hi)) next = hi === Infinity ? Math.max(2 * x, x + 1) : (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * x) return next;
    x = next;
  }
  return x;
}

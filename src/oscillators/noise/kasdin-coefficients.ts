/**
 * Impulse response of the Kasdin & Walter fractional-difference filter.
 *
 * N. J. Kasdin and T. Walter, "Discrete simulation of power law noise", Proc. 1992 IEEE
 * Frequency Control Symposium, pp. 274–283, doi:10.1109/FREQ.1992.270003, eq. (29)–(30):
 * white noise passed through H(z) = (1 − z⁻¹)^(b/2) has phase spectrum ∝ |2 sin(πfτ0)|^b, and
 * the coefficients of its power series are h_0 = 1, h_k = h_{k−1} (k − 1 − b/2) / k. In closed
 * form h_k = Γ(k − b/2) / (Γ(−b/2) Γ(k + 1)).
 *
 * For b = −2 every h_k is exactly 1 (a random walk); for b = −4, h_k = k + 1; for b = 0 only
 * h_0 is non-zero. The recurrence is evaluated in that order so the integer cases are exact.
 */
export function kasdinCoefficients(b: number, n: number): Float64Array {
  const h = new Float64Array(n);
  if (n === 0) return h;
  h[0] = 1;
  for (let k = 1; k < n; k++) h[k] = nextKasdinCoefficient(h[k - 1], k, b);
  return h;
}

/** One step of the recurrence: h_k from h_{k−1} (k ≥ 1), for callers that stream the filter. */
export function nextKasdinCoefficient(previous: number, k: number, b: number): number {
  return (previous * (k - 1 - b / 2)) / k;
}

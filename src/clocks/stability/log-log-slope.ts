/**
 * The exponent μ of a power law σ(τ) ∝ τ^μ fitted to (τ, σ) points: the ordinary least-squares
 * slope of ln σ against ln τ. This is how a stability plot's slope is read off (NIST SP 1065,
 * §5.2 and Table 5, relate the slopes of ADEV and MDEV to the noise type).
 *
 * @example
 * logLogSlope([1, 2, 4, 8], [1, 0.5, 0.25, 0.125]) // −1 (white PM in ADEV)
 */
export function logLogSlope(tausS: ArrayLike<number>, devs: ArrayLike<number>): number {
  if (tausS.length !== devs.length || tausS.length < 2) {
    throw new RangeError(`logLogSlope: needs at least two (tau, dev) pairs of equal length, got ${tausS.length} and ${devs.length}`);
  }
  const xs = Array.from(tausS, Math.log);
  const ys = Array.from(devs, Math.log);
  const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
  const my = ys.reduce((s, v) => s + v, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
  });
  return sxy / sxx;
}

/**
 * The Mathis bound on the throughput of one TCP flow under random loss: BW = (MSS / RTT) · C / √p,
 * with C = √(3/2) ≈ 1.22 for periodic loss without delayed acknowledgements. M. Mathis,
 * J. Semke, J. Mahdavi, T. Ott, "The macroscopic behavior of the TCP congestion avoidance
 * algorithm", ACM SIGCOMM Computer Communication Review 27(3), July 1997, equation (3).
 */
export const MATHIS_C = Math.sqrt(3 / 2);

/** Bits per second for a maximum segment of `mssBytes`, round trip `rttS`, loss probability `p` in (0, 1]. */
export function mathisBandwidthBps(mssBytes: number, rttS: number, p: number, c = MATHIS_C): number {
  if (!(mssBytes > 0 && rttS > 0 && p > 0 && p <= 1)) throw new RangeError(`Mathis bound needs MSS > 0, RTT > 0 and 0 < p ≤ 1 (got ${mssBytes}, ${rttS}, ${p})`);
  return ((8 * mssBytes) / rttS) * (c / Math.sqrt(p));
}

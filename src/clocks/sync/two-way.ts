/**
 * The timestamps of one two-way exchange between a client (or PTP slave) and a server (master),
 * from the true quantities: the server's clock minus the client's (offset), the one-way delays
 * client → server (forward) and server → client (return), and the server's holding time. Every
 * two-way algorithm (NTP, PTP end-to-end, Cristian, Huygens) sees only these four numbers.
 *
 * The one-way delay problem: (offset + s, forward − s, return + s) gives exactly the same four
 * timestamps for every s, so no exchange of timestamps can tell the offset from the asymmetry;
 * each algorithm then errs by half the asymmetry, (forward − return)/2. Which s is "true" is a
 * convention (Einstein 1905, §1: synchronisation defined by assuming equal one-way light times).
 */
export interface TwoWayTruth {
  /** Client send time on the client's clock. */
  readonly t1: number;
  /** Server clock minus client clock. */
  readonly offset: number;
  /** One-way delays in true time (clocks not drifting over the exchange). */
  readonly forwardDelay: number;
  readonly returnDelay: number;
  /** Server's holding time between receive and reply. */
  readonly turnaround: number;
}

export interface TwoWayTimestamps {
  readonly t1: number;
  readonly t2: number;
  readonly t3: number;
  readonly t4: number;
}

export function twoWayTimestamps(x: TwoWayTruth): TwoWayTimestamps {
  const t2 = x.t1 + x.forwardDelay + x.offset;
  const t3 = t2 + x.turnaround;
  const t4 = t3 - x.offset + x.returnDelay;
  return { t1: x.t1, t2, t3, t4 };
}

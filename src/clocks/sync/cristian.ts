/**
 * Cristian's algorithm (F. Cristian, "Probabilistic clock synchronization", Distributed
 * Computing 3(3), 1989): a client asks a time server at t0 (its clock), gets the server's time
 * T_s and receives the reply at t1; it sets its clock to T_s + (t1 − t0)/2, assuming the reply
 * took half the round trip. The estimate errs by half the path asymmetry; the error is bounded
 * by ±(RTT/2 − d_min) when d_min is a known minimum one-way delay (Cristian §3).
 */
export interface CristianReading {
  /** Client clock at request and at reply. */
  readonly requestLocal: number;
  readonly replyLocal: number;
  /** Server clock when it answered. */
  readonly serverTime: number;
}

/** The server's time as the client estimates it at replyLocal. */
export function cristianEstimate(r: CristianReading): number {
  return r.serverTime + (r.replyLocal - r.requestLocal) / 2;
}

/** Offset (server minus client) the client should apply. */
export function cristianOffset(r: CristianReading): number {
  return cristianEstimate(r) - r.replyLocal;
}

/** Half-width of the error bound, RTT/2 − d_min (Cristian 1989 §3). */
export function cristianErrorBound(r: CristianReading, minOneWayDelay = 0): number {
  return (r.replyLocal - r.requestLocal) / 2 - minOneWayDelay;
}

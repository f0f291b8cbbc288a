/**
 * PTP peer-to-peer delay mechanism, IEEE 1588-2019 §11.4, and the neighbour rate ratio of IEEE
 * 802.1AS-2020 §11.2.19. The requester sends Pdelay_Req at t1 (its clock), the responder receives
 * it at t2 and sends Pdelay_Resp at t3 (its clock), the requester receives it at t4. Then
 *   meanLinkDelay = (r·(t4 − t1) − (t3 − t2)) / 2,
 * where r = neighborRateRatio, the responder's frequency over the requester's (802.1AS §11.2.19.3.3;
 * 1588 without it uses r = 1 and errs by about y·(2d + turnaround)/2 for a requester off by y).
 */
export interface PdelayExchange {
  readonly t1: number;
  readonly t2: number;
  readonly t3: number;
  readonly t4: number;
}

export function ptpMeanLinkDelay({ t1, t2, t3, t4 }: PdelayExchange, neighborRateRatio = 1): number {
  return (neighborRateRatio * (t4 - t1) - (t3 - t2)) / 2;
}

/**
 * Neighbour rate ratio from two Pdelay_Resp receptions (802.1AS §11.2.19.3.3): the responder's
 * elapsed time between its two t3s over the requester's between its two t4s.
 */
export function neighborRateRatio(first: PdelayExchange, later: PdelayExchange): number {
  return (later.t3 - first.t3) / (later.t4 - first.t4);
}

/**
 * offsetFromMaster in the peer-to-peer mechanism (§11.4 with §11.3's offset): the Sync's
 * correctionField already carries the upstream link delays and residence times, so the slave
 * subtracts only its own port's meanLinkDelay.
 */
export function ptpP2pOffset(t1: number, t2: number, meanLinkDelay: number, syncCorrection = 0): number {
  return t2 - t1 - syncCorrection - meanLinkDelay;
}

/**
 * Transparent clocks, IEEE 1588-2019 §10.2 and §11.5: a bridge that measures each event
 * message's residence time (egress − ingress timestamps, on its own clock) and adds it to the
 * message's correctionField; a peer-to-peer transparent clock also adds the meanLinkDelay of the
 * port the Sync arrived on (§11.5.2.2). A transparent clock syntonised to the grandmaster scales
 * its local residence by its rate ratio (§10.2.2.1); an unsyntonised one errs by y·residence.
 */
export function residenceCorrection(ingressLocal: number, egressLocal: number, rateRatio = 1): number {
  return (egressLocal - ingressLocal) * rateRatio;
}

/** What a peer-to-peer transparent clock adds to a Sync: residence plus the ingress link delay. */
export function p2pTransparentCorrection(ingressLocal: number, egressLocal: number, ingressMeanLinkDelay: number, rateRatio = 1): number {
  return residenceCorrection(ingressLocal, egressLocal, rateRatio) + ingressMeanLinkDelay;
}

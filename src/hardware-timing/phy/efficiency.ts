/**
 * Link utilisation and Ethernet efficiency formulas.
 */

/**
 * Utilisation of a link by a sender that waits for each frame's handshake to return before the
 * next (the atomic-Ethernet "snake"): U = T_tx / (T_tx + RTT).
 */
export function handshakeUtilisation(frameTimeNs: number, rttNs: number): number {
  return frameTimeNs / (frameTimeNs + rttNs);
}

/**
 * Frames that must be in flight to keep the link busy: the link is idle between frames unless
 * W · T_tx ≥ T_tx + RTT, so W = ⌈(T_tx + RTT) / T_tx⌉. With W frames in flight the utilisation
 * is min(1, W · T_tx / (T_tx + RTT)).
 */
export function framesInFlight(frameTimeNs: number, rttNs: number): number {
  return Math.ceil((frameTimeNs + rttNs) / frameTimeNs - 1e-12);
}

export function windowUtilisation(window: number, frameTimeNs: number, rttNs: number): number {
  return Math.min(1, (window * frameTimeNs) / (frameTimeNs + rttNs));
}

/**
 * Metcalfe & Boggs, "Ethernet: distributed packet switching for local computer networks",
 * CACM 19(7), 1976, §6: with Q stations always ready, each transmits in a slot with probability
 * 1/Q, so one acquires the Ether with probability A = (1 − 1/Q)^(Q−1); the mean number of
 * contention slots per acquisition is W = (1 − A)/A; and the efficiency, the fraction of time
 * carrying good packets of P bits at C bit/s with slot time T, is E = (P/C) / (P/C + W·T).
 */
export function metcalfeBoggs(o: { packetBits: number; capacityBitsPerS: number; slotS: number; stations: number }): { acquisition: number; waitSlots: number; efficiency: number } {
  const q = o.stations;
  const acquisition = q === 1 ? 1 : (1 - 1 / q) ** (q - 1);
  const waitSlots = (1 - acquisition) / acquisition;
  const packetS = o.packetBits / o.capacityBitsPerS;
  return { acquisition, waitSlots, efficiency: packetS / (packetS + waitSlots * o.slotS) };
}

/**
 * Bilateral efficiency: Metcalfe & Boggs count a packet as done once it is on the Ether; a
 * handshake (both ends know the packet arrived) also needs the return leg. Charging it: the link
 * carries P/C of data per P/C + W·T + (round-trip propagation + the acknowledgement's own time).
 */
export function bilateralEfficiency(o: { packetS: number; waitS: number; roundTripS: number; ackS: number }): number {
  return o.packetS / (o.packetS + o.waitS + o.roundTripS + o.ackS);
}

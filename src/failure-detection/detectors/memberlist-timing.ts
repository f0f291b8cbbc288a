/**
 * The timing formulas of hashicorp/memberlist (the SWIM + Lifeguard implementation behind Consul
 * and Nomad), at hashicorp/memberlist@1b4c746. Durations are integer nanoseconds, as Go's
 * time.Duration, so the truncations match the Go code.
 */

export const NS_PER_S = 1_000_000_000;
const NS_PER_MS = 1_000_000;

/** DefaultLANConfig (config.go lines 312-323). */
export const MEMBERLIST_LAN = {
  indirectChecks: 3,
  retransmitMult: 4,
  suspicionMult: 4,
  suspicionMaxTimeoutMult: 6,
  probeTimeoutNs: 500 * NS_PER_MS,
  probeIntervalNs: 1000 * NS_PER_MS,
  awarenessMaxMultiplier: 8,
  gossipIntervalNs: 200 * NS_PER_MS,
} as const;

/**
 * suspicionTimeout (util.go lines 70-75): SuspicionMult · max(1, log10(max(1, n))) · interval,
 * with the node scale truncated to thousandths ("multiply by 1000 to keep some precision").
 * config.go's comment says log(N+1); the code uses log10(max(1, n)).
 */
export function suspicionTimeoutNs(suspicionMult: number, n: number, intervalNs: number): number {
  const nodeScale = Math.max(1, Math.log10(Math.max(1, n)));
  return Math.trunc((suspicionMult * Math.trunc(nodeScale * 1000) * intervalNs) / 1000);
}

/** retransmitLimit (util.go lines 78-82): RetransmitMult · ⌈log10(n + 1)⌉. */
export function retransmitLimit(retransmitMult: number, n: number): number {
  return retransmitMult * Math.ceil(Math.log10(n + 1));
}

/**
 * Lifeguard's confirmations wanted before the timeout reaches its minimum (state.go lines
 * 1210-1218): k = SuspicionMult − 2, and 0 when fewer than k other members could confirm.
 */
export function suspicionConfirmations(suspicionMult: number, n: number): number {
  const k = suspicionMult - 2;
  return n - 2 < k ? 0 : k;
}

/**
 * remainingSuspicionTime (suspicion.go lines 89-100): the timeout shrinks from max to min as
 * independent confirmations C arrive, logarithmically:
 * max − (max − min)·log(C + 1)/log(k + 1), floored to whole milliseconds and at min, less the
 * time already elapsed. It may be negative (fire at once).
 */
export function remainingSuspicionTimeNs(
  confirmations: number, k: number, elapsedNs: number, minNs: number, maxNs: number,
): number {
  const frac = Math.log(confirmations + 1) / Math.log(k + 1);
  const raw = maxNs / NS_PER_S - frac * ((maxNs - minNs) / NS_PER_S);
  let timeoutNs = Math.floor(1000 * raw) * NS_PER_MS;
  if (timeoutNs < minNs) timeoutNs = minNs;
  return timeoutNs - elapsedNs;
}

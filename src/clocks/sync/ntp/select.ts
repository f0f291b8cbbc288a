import { InputError } from '../../../core/errors.ts';
import { syncMessages } from '../messages.ts';

/**
 * NTP's selection, cluster and combine algorithms, RFC 5905 §11.2 (as ntpd's ntp_proto.c
 * clock_select() and clock_combine() implement them).
 */
export interface NtpCandidate {
  readonly name: string;
  /** Offset θ, seconds. */
  readonly offsetS: number;
  /** Root distance λ, seconds: the half-width of the correctness interval [θ − λ, θ + λ]. */
  readonly rootDistanceS: number;
  /** Peer jitter ψ, seconds (cluster algorithm). */
  readonly jitterS?: number;
}

export interface SelectionResult {
  /** The intersection interval [low, high] of the majority clique. */
  readonly lowS: number;
  readonly highS: number;
  /** Number of falsetickers allowed when the intersection was found. */
  readonly allow: number;
  readonly truechimers: readonly NtpCandidate[];
  readonly falsetickers: readonly NtpCandidate[];
}

/**
 * Selection (Marzullo's algorithm as modified in RFC 5905 §11.2.1): for allow = 0, 1, … while
 * 2·allow < n, scan the sorted endpoints of the correctness intervals for the lowest point
 * covered by at least n − allow intervals, and likewise the highest; stop when low < high.
 * Candidates whose interval does not meet [low, high] are falsetickers (ntpd clock_select()).
 * Returns undefined when no majority clique exists.
 */
export function ntpSelect(candidates: readonly NtpCandidate[]): SelectionResult | undefined {
  const n = candidates.length;
  if (n === 0) throw new InputError(syncMessages.noCandidates());
  // Endpoint types: -1 lower, 0 midpoint, +1 upper (RFC 5905 §11.2.1 steps 1–2).
  const points: Array<{ value: number; type: number }> = [];
  for (const c of candidates) {
    points.push({ value: c.offsetS - c.rootDistanceS, type: -1 });
    points.push({ value: c.offsetS, type: 0 });
    points.push({ value: c.offsetS + c.rootDistanceS, type: 1 });
  }
  points.sort((a, b) => a.value - b.value || a.type - b.type);
  for (let allow = 0; 2 * allow < n; allow++) {
    let found = 0;
    let chime = 0;
    let low = Infinity;
    for (const p of points) {
      chime -= p.type;
      if (chime >= n - allow) { low = p.value; break; }
      if (p.type === 0) found++;
    }
    chime = 0;
    let high = -Infinity;
    for (let i = points.length - 1; i >= 0; i--) {
      const p = points[i];
      chime += p.type;
      if (chime >= n - allow) { high = p.value; break; }
      if (p.type === 0) found++;
    }
    // RFC 5905 §11.2.1 step 5: too many midpoints outside means more falsetickers than allowed.
    if (found > allow) continue;
    if (low < high) {
      const truechimers = candidates.filter((c) => c.offsetS + c.rootDistanceS >= low && c.offsetS - c.rootDistanceS <= high);
      const falsetickers = candidates.filter((c) => !truechimers.includes(c));
      return { lowS: low, highS: high, allow, truechimers, falsetickers };
    }
  }
  return undefined;
}

/** NMIN, the minimum number of survivors the cluster algorithm keeps (RFC 5905 §11.2.2: 3). */
export const NTP_NMIN = 3;

/**
 * Selection jitter of survivor i: the RMS of the other survivors' offsets about its own
 * (RFC 5905 §11.2.2).
 */
export function selectionJitter(survivors: readonly NtpCandidate[], i: number): number {
  if (survivors.length < 2) return 0;
  let sum = 0;
  for (let j = 0; j < survivors.length; j++) if (j !== i) sum += (survivors[j].offsetS - survivors[i].offsetS) ** 2;
  return Math.sqrt(sum / (survivors.length - 1));
}

/**
 * Cluster (RFC 5905 §11.2.2): sort by root distance, then repeatedly drop the survivor with the
 * largest selection jitter while more than NMIN remain and that jitter exceeds the smallest peer
 * jitter of the survivors.
 */
export function ntpCluster(truechimers: readonly NtpCandidate[], nmin = NTP_NMIN): NtpCandidate[] {
  let survivors = [...truechimers].sort((a, b) => a.rootDistanceS - b.rootDistanceS);
  while (survivors.length > nmin) {
    let worst = 0;
    let worstJitter = -Infinity;
    for (let i = 0; i < survivors.length; i++) {
      const j = selectionJitter(survivors, i);
      if (j > worstJitter) { worstJitter = j; worst = i; }
    }
    const minPeerJitter = Math.min(...survivors.map((s) => s.jitterS ?? 0));
    if (worstJitter <= minPeerJitter) break;
    survivors = survivors.filter((_, i) => i !== worst);
  }
  return survivors;
}

/**
 * Combine (RFC 5905 §11.2.3): the offsets of the survivors weighted by the reciprocal of each
 * one's root distance, θ = Σ(θ_i/λ_i) / Σ(1/λ_i).
 */
export function ntpCombine(survivors: readonly NtpCandidate[]): number {
  let num = 0;
  let den = 0;
  for (const s of survivors) {
    num += s.offsetS / s.rootDistanceS;
    den += 1 / s.rootDistanceS;
  }
  return num / den;
}

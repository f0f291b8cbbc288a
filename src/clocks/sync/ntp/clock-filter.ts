import { NTP_MAXDISP, NTP_PHI } from './on-wire.ts';

/**
 * The NTP clock filter, RFC 5905 §10: an 8-stage shift register of (offset, delay, dispersion,
 * epoch) tuples. On each sample the stages' dispersions grow by PHI·Δt, the stages are sorted by
 * delay, and the peer's offset and delay are those of the first (lowest-delay) stage. The peer
 * dispersion weights the sorted stages by 1/2^(i+1), and the peer jitter is the RMS of the other
 * stages' offsets about the first's — ntpd's form, with 1/(n−1) inside the root (the RFC's §10
 * typesetting puts it outside; ntpd ntp_proto.c clock_filter() divides inside).
 */
export const NTP_NSTAGE = 8;

export interface FilterStage {
  offsetS: number;
  delayS: number;
  dispersionS: number;
  epochS: number;
  valid: boolean;
}

export interface FilterOutput {
  readonly offsetS: number;
  readonly delayS: number;
  readonly dispersionS: number;
  readonly jitterS: number;
  /** Whether the output came from a new sample (ntpd only uses each sample once). */
  readonly fresh: boolean;
}

/** Peer dispersion ε = Σ ε_i / 2^(i+1) over the stages sorted by delay (RFC 5905 §10). */
export function filterDispersion(sortedDispersionsS: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < sortedDispersionsS.length; i++) sum += sortedDispersionsS[i] / 2 ** (i + 1);
  return sum;
}

/** Jitter ψ = sqrt(Σ_{i≥1} (θ_i − θ_0)² / (n − 1)) over the valid stages sorted by delay (ntpd form). */
export function filterJitter(offsetsByDelayS: readonly number[]): number {
  const n = offsetsByDelayS.length;
  if (n < 2) return 0;
  let sum = 0;
  for (let i = 1; i < n; i++) sum += (offsetsByDelayS[i] - offsetsByDelayS[0]) ** 2;
  return Math.sqrt(sum / (n - 1));
}

export class ClockFilter {
  private readonly stages: FilterStage[] = Array.from({ length: NTP_NSTAGE }, () => ({
    offsetS: 0, delayS: NTP_MAXDISP, dispersionS: NTP_MAXDISP, epochS: 0, valid: false,
  }));
  private lastEpochS = -Infinity;
  private lastUpdateS = 0;

  /** Adds one sample at time `nowS` and returns the filter's output. */
  add(nowS: number, offsetS: number, delayS: number, dispersionS: number): FilterOutput {
    const dt = nowS - this.lastUpdateS;
    this.lastUpdateS = nowS;
    for (const s of this.stages) s.dispersionS = Math.min(NTP_MAXDISP, s.dispersionS + NTP_PHI * Math.max(0, dt));
    // Shift: the oldest stage drops out.
    this.stages.pop();
    this.stages.unshift({ offsetS, delayS, dispersionS, epochS: nowS, valid: true });
    const sorted = [...this.stages].sort((a, b) => (a.valid === b.valid ? a.delayS - b.delayS : a.valid ? -1 : 1));
    const dispersion = filterDispersion(sorted.map((s) => (s.valid ? s.dispersionS : NTP_MAXDISP)));
    const valid = sorted.filter((s) => s.valid);
    const best = valid[0];
    const jitter = Math.max(filterJitter(valid.map((s) => s.offsetS)), 1e-9);
    const fresh = best.epochS > this.lastEpochS;
    if (fresh) this.lastEpochS = best.epochS;
    return { offsetS: best.offsetS, delayS: best.delayS, dispersionS: dispersion, jitterS: jitter, fresh };
  }
}

import { remainingSuspicionTimeNs } from './memberlist-timing.ts';

/**
 * Lifeguard's suspicion timer (memberlist suspicion.go): started at `startNs` with the max
 * timeout (or the min when no confirmations are wanted, k < 1); every *new* independent
 * confirmation re-arms it to remainingSuspicionTime. The member that raised the suspicion never
 * counts (newSuspicion excludes `from`), duplicates are ignored, and so is anything beyond k.
 */
export class SuspicionTimer {
  private readonly confirmed = new Set<string>();
  private count = 0;
  private fire: number;

  constructor(
    from: string,
    private readonly k: number,
    private readonly minNs: number,
    private readonly maxNs: number,
    private readonly startNs: number,
  ) {
    this.confirmed.add(from);
    this.fire = startNs + (k < 1 ? minNs : maxNs);
  }

  /** Confirmations counted so far. */
  get confirmations(): number { return this.count; }

  /** When the timer fires (the suspect is declared dead), in ns. */
  get fireAtNs(): number { return this.fire; }

  /** Registers a confirmation from `from` at `nowNs`; true if it was new information. */
  confirm(from: string, nowNs: number): boolean {
    if (this.count >= this.k) return false;
    if (this.confirmed.has(from)) return false;
    this.confirmed.add(from);
    this.count++;
    // A timer that has already fired is not re-armed (timer.Stop() fails in Go).
    if (nowNs >= this.fire) return true;
    const remaining = remainingSuspicionTimeNs(this.count, this.k, nowNs - this.startNs, this.minNs, this.maxNs);
    this.fire = nowNs + Math.max(0, remaining);
    return true;
  }
}

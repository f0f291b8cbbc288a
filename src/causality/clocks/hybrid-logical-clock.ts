import type { Trace } from '../trace.ts';

/** A hybrid logical clock timestamp: `l` tracks the largest physical time seen, `c` breaks ties. */
export interface HlcTimestamp {
  readonly l: number;
  readonly c: number;
}

/** Lexicographic order of HLC timestamps (Kulkarni et al. 2014, §3: (l, c) compared as a pair). */
export function compareHlc(a: HlcTimestamp, b: HlcTimestamp): number {
  return a.l !== b.l ? (a.l < b.l ? -1 : 1) : a.c !== b.c ? (a.c < b.c ? -1 : 1) : 0;
}

/**
 * One process's hybrid logical clock (Kulkarni, Demirbas, Madappa, Avva & Leone, "Logical
 * Physical Clocks", OPODIS 2014, Fig. 5). Physical times are integer ticks from the process's own
 * clock. Guarantees (ibid. Theorems 1–2): e → f implies hlc(e) < hlc(f), and
 * 0 ≤ l − pt ≤ ε when every two physical clocks differ by at most ε.
 */
export class HybridLogicalClock {
  private l = -Infinity;
  private c = 0;

  /** A send or local event at physical time `pt`. */
  tick(pt: number): HlcTimestamp {
    const lOld = this.l;
    this.l = Math.max(lOld, pt);
    this.c = this.l === lOld ? this.c + 1 : 0;
    return { l: this.l, c: this.c };
  }

  /** A receive at physical time `pt` of a message stamped `m`. */
  receive(pt: number, m: HlcTimestamp): HlcTimestamp {
    const lOld = this.l;
    this.l = Math.max(lOld, m.l, pt);
    if (this.l === lOld && this.l === m.l) this.c = Math.max(this.c, m.c) + 1;
    else if (this.l === lOld) this.c += 1;
    else if (this.l === m.l) this.c = m.c + 1;
    else this.c = 0;
    return { l: this.l, c: this.c };
  }
}

/**
 * HLC timestamps of every event of a trace, given each event's physical clock reading (ticks).
 * Events are processed in the trace's causal order; a receive merges the timestamp of its send.
 */
export function hlcTimestamps(trace: Trace, physicalTime: (e: Trace['events'][number]) => number): HlcTimestamp[] {
  const clocks = trace.hosts.map(() => new HybridLogicalClock());
  const out: HlcTimestamp[] = new Array(trace.events.length);
  for (const e of trace.events) {
    const pt = physicalTime(e);
    const clock = clocks[e.hostId];
    if (e.senderIds.length === 0) { out[e.id] = clock.tick(pt); continue; }
    let ts: HlcTimestamp | undefined;
    for (const s of e.senderIds) ts = clock.receive(pt, out[s]);
    out[e.id] = ts!;
  }
  return out;
}

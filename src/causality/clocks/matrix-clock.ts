import type { Trace } from '../trace.ts';

/**
 * Matrix clocks (Wuu & Bernstein 1984; Raynal & Singhal 1996, §4): host i keeps M[j][k], what i
 * knows that j knows of k's events. Row i is i's vector clock; min over j of M[j][k] is the number
 * of k's events every host is known to know (what may be garbage-collected). Each event's matrix
 * is returned flattened row-major (H × H); memory is n·H², for small traces.
 */
export function matrixClocks(trace: Trace): Int32Array[] {
  const h = trace.hosts.length;
  const current = trace.hosts.map(() => new Int32Array(h * h));
  const out: Int32Array[] = new Array(trace.events.length);
  for (const e of trace.events) {
    const mi = current[e.hostId];
    const i = e.hostId;
    for (const s of e.senderIds) {
      const mj = out[s];
      const j = trace.events[s].hostId;
      // Everything the sender knew, anyone knew, is now known here...
      for (let x = 0; x < h * h; x++) if (mj[x] > mi[x]) mi[x] = mj[x];
      // ...and what the sender knew itself, this host now knows itself.
      for (let k = 0; k < h; k++) if (mj[j * h + k] > mi[i * h + k]) mi[i * h + k] = mj[j * h + k];
    }
    mi[i * h + i] = e.index;
    out[e.id] = mi.slice();
  }
  return out;
}

/** Events of host k that every host is known (at this matrix) to have seen: min over rows. */
export function knownByAll(matrix: Int32Array, hosts: number, k: number): number {
  let min = Infinity;
  for (let j = 0; j < hosts; j++) min = Math.min(min, matrix[j * hosts + k]);
  return min;
}

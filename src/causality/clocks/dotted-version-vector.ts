/**
 * Dotted version vectors (Preguiça, Baquero, Almeida, Fonte & Gonçalves, "Dotted Version Vectors:
 * Logical Clocks for Optimistic Replication", arXiv:1011.5808, 2010; Almeida et al., "Scalable
 * and accurate causality tracking for eventually consistent stores", DAIS 2014). A clock is a
 * version vector (a contiguous range 1..vv[r] of events per replica) plus at most one extra event,
 * the dot (r, n): one entry per server, yet siblings written concurrently through one server stay
 * distinguishable, which per-server version vectors cannot do.
 */

export interface Dvv {
  readonly vv: Readonly<Record<string, number>>;
  readonly dot?: readonly [string, number];
}

/** Whether the clock's set of events contains event (r, n). */
export function dvvContains(c: Dvv, r: string, n: number): boolean {
  return n <= (c.vv[r] ?? 0) || (c.dot !== undefined && c.dot[0] === r && c.dot[1] === n);
}

/** a ≤ b: every event of a is an event of b (the vector part, then the dot). */
export function dvvLeq(a: Dvv, b: Dvv): boolean {
  for (const [r, n] of Object.entries(a.vv)) if (!coveredRange(b, r, n)) return false;
  return a.dot === undefined || dvvContains(b, a.dot[0], a.dot[1]);
}

/** Whether b contains all of (r, 1..n). */
function coveredRange(b: Dvv, r: string, n: number): boolean {
  const base = b.vv[r] ?? 0;
  if (n <= base) return true;
  // Only the dot can add one more event beyond the contiguous range.
  return n === base + 1 && b.dot !== undefined && b.dot[0] === r && b.dot[1] === n;
}

/** The version vector summarising a set of clocks (every event of any): the causal context. */
export function dvvContext(clocks: readonly Dvv[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of clocks) {
    for (const [r, n] of Object.entries(c.vv)) out[r] = Math.max(out[r] ?? 0, n);
    if (c.dot !== undefined) out[c.dot[0]] = Math.max(out[c.dot[0]] ?? 0, c.dot[1]);
  }
  return out;
}

/**
 * A write at server `r` by a client that read `context`: the new version's clock is the context
 * plus a fresh dot (r, n), n one above every counter of r the server knows (its stored siblings
 * and the context).
 */
export function dvvUpdate(r: string, context: Readonly<Record<string, number>>, stored: readonly Dvv[]): Dvv {
  const n = Math.max(context[r] ?? 0, dvvContext(stored)[r] ?? 0) + 1;
  return { vv: { ...context }, dot: [r, n] };
}

/** Keeps the clocks no other clock strictly dominates (duplicates once): the siblings after a sync. */
export function dvvSync<T extends { readonly clock: Dvv }>(versions: readonly T[]): T[] {
  const out: T[] = [];
  versions.forEach((v, i) => {
    const dominated = versions.some((w, j) => j !== i && dvvLeq(v.clock, w.clock) && (!dvvLeq(w.clock, v.clock) || j < i));
    if (!dominated) out.push(v);
  });
  return out;
}

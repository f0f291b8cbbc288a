/**
 * Vector clocks as records `{host: count}` (a missing entry is 0), the form logs and libraries
 * exchange. The plain definitions (Mattern 1989, §4): a ≤ b iff every entry of a is at most b's;
 * a < b iff a ≤ b and a ≠ b; otherwise concurrent.
 */

export type VectorClock = Readonly<Record<string, number>>;

/** The relation of a to b. */
export type ClockRelation = 'before' | 'after' | 'concurrent' | 'equal';

/** Compares two vector clocks entry by entry (missing entries are 0). */
export function compareClocks(a: VectorClock, b: VectorClock): ClockRelation {
  let aLess = false; // some entry of a is below b's
  let bLess = false;
  for (const k of Object.keys(a)) {
    const x = a[k], y = b[k] ?? 0;
    if (x < y) aLess = true; else if (x > y) bLess = true;
  }
  for (const k of Object.keys(b)) {
    if (Object.hasOwn(a, k)) continue;
    const y = b[k];
    if (y > 0) aLess = true; else if (y < 0) bLess = true;
  }
  if (aLess && bLess) return 'concurrent';
  if (aLess) return 'before';
  if (bLess) return 'after';
  return 'equal';
}

/** The entry-wise maximum of any number of clocks (zero entries kept as given). */
export function mergeClocks(...clocks: VectorClock[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of clocks) for (const k of Object.keys(c)) if (!(k in out) || c[k] > out[k]) out[k] = c[k];
  return out;
}

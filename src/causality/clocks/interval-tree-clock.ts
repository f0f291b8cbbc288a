/**
 * Interval tree clocks (Almeida, Baquero & Fonte, "Interval Tree Clocks: A Logical Clock for
 * Dynamic Systems", OPODIS 2008): causality tracking for a varying number of replicas without
 * global ids. A stamp is an id (which part of [0, 1) the replica owns) and an event tree (a
 * function from [0, 1) to counters). Replicas fork and join; `event` inflates the event tree
 * inside the replica's own id; stamps compare by `leq` of their event trees. Each function below
 * is one definition of §5 of the paper, in its order; written by hand (no maintained TypeScript
 * port exists).
 */

/** An id tree: 0 (owns nothing), 1 (owns the interval), or a split into two halves. */
export type ItcId = 0 | 1 | readonly [ItcId, ItcId];
/** An event tree: a counter, or a counter with two subtrees (added on each half). */
export type ItcEvent = number | readonly [number, ItcEvent, ItcEvent];

export interface ItcStamp {
  readonly id: ItcId;
  readonly event: ItcEvent;
}

/** The seed stamp (1, 0): one replica owning everything, no events. */
export const itcSeed = (): ItcStamp => ({ id: 1, event: 0 });

function normId(i: ItcId): ItcId {
  if (typeof i === 'number') return i;
  const [l, r] = i;
  if (l === 0 && r === 0) return 0;
  if (l === 1 && r === 1) return 1;
  return i;
}

function minE(e: ItcEvent): number { return typeof e === 'number' ? e : e[0] + Math.min(minE(e[1]), minE(e[2])); }
function maxE(e: ItcEvent): number { return typeof e === 'number' ? e : e[0] + Math.max(maxE(e[1]), maxE(e[2])); }
function lift(e: ItcEvent, m: number): ItcEvent { return typeof e === 'number' ? e + m : [e[0] + m, e[1], e[2]]; }
function sink(e: ItcEvent, m: number): ItcEvent { return typeof e === 'number' ? e - m : [e[0] - m, e[1], e[2]]; }

function normEvent(e: ItcEvent): ItcEvent {
  if (typeof e === 'number') return e;
  const [n, l, r] = e;
  if (typeof l === 'number' && typeof r === 'number' && l === r) return n + l;
  const m = Math.min(minE(l), minE(r));
  return [n + m, sink(l, m), sink(r, m)];
}

/** Splits an id into two disjoint ids whose sum is the original (§5.3.1 split). */
function split(i: ItcId): [ItcId, ItcId] {
  if (i === 0) return [0, 0];
  if (i === 1) return [[1, 0], [0, 1]];
  const [l, r] = i;
  if (l === 0) { const [r1, r2] = split(r); return [[0, r1], [0, r2]]; }
  if (r === 0) { const [l1, l2] = split(l); return [[l1, 0], [l2, 0]]; }
  return [[l, 0], [0, r]];
}

/** Sum of two disjoint ids (§5.3.2). */
function sumId(a: ItcId, b: ItcId): ItcId {
  if (a === 0) return b;
  if (b === 0) return a;
  if (typeof a === 'number' || typeof b === 'number') throw new Error('interval tree clocks: joined ids overlap');
  return normId([sumId(a[0], b[0]), sumId(a[1], b[1])]);
}

/** Join of two event trees: the pointwise maximum (§5.3.2). */
function joinEvent(a: ItcEvent, b: ItcEvent): ItcEvent {
  if (typeof a === 'number' && typeof b === 'number') return Math.max(a, b);
  if (typeof a === 'number') return joinEvent([a, 0, 0], b);
  if (typeof b === 'number') return joinEvent(a, [b, 0, 0]);
  if (a[0] > b[0]) return joinEvent(b, a);
  const d = b[0] - a[0];
  return normEvent([a[0], joinEvent(a[1], lift(b[1], d)), joinEvent(a[2], lift(b[2], d))]);
}

/** a ≤ b pointwise (§5.1). */
export function itcLeqEvent(a: ItcEvent, b: ItcEvent): boolean {
  if (typeof a === 'number') return a <= (typeof b === 'number' ? b : b[0]);
  if (typeof b === 'number') return a[0] <= b && itcLeqEvent(lift(a[1], a[0]), b) && itcLeqEvent(lift(a[2], a[0]), b);
  return a[0] <= b[0] && itcLeqEvent(lift(a[1], a[0]), lift(b[1], b[0])) && itcLeqEvent(lift(a[2], a[0]), lift(b[2], b[0]));
}

/** Fills the event tree up to its maximum where the id owns it, simplifying (§5.3.3 fill). */
function fill(i: ItcId, e: ItcEvent): ItcEvent {
  if (i === 0) return e;
  if (i === 1) return maxE(e);
  if (typeof e === 'number') return e;
  const [il, ir] = i;
  const [n, el, er] = e;
  if (il === 1) {
    const er2 = fill(ir, er);
    return normEvent([n, Math.max(maxE(el), minE(er2)), er2]);
  }
  if (ir === 1) {
    const el2 = fill(il, el);
    return normEvent([n, el2, Math.max(maxE(er), minE(el2))]);
  }
  return normEvent([n, fill(il, el), fill(ir, er)]);
}

/** Cost of expanding a leaf into a node, larger than any other cost (§5.3.3 grow). */
const EXPAND_COST = 1 << 20;

/** Grows the event tree inside the id, choosing the cheapest place (§5.3.3 grow). */
function grow(i: ItcId, e: ItcEvent): [ItcEvent, number] {
  if (i === 1 && typeof e === 'number') return [e + 1, 0];
  if (typeof e === 'number') {
    const [e2, c] = grow(i, [e, 0, 0]);
    return [e2, c + EXPAND_COST];
  }
  if (typeof i === 'number') throw new Error('interval tree clocks: grow needs an id that owns part of the interval');
  const [il, ir] = i;
  const [n, el, er] = e;
  if (il === 0) { const [er2, cr] = grow(ir, er); return [[n, el, er2], cr + 1]; }
  if (ir === 0) { const [el2, cl] = grow(il, el); return [[n, el2, er], cl + 1]; }
  const [el2, cl] = grow(il, el);
  const [er2, cr] = grow(ir, er);
  return cl < cr ? [[n, el2, er], cl + 1] : [[n, el, er2], cr + 1];
}

/** Forks a stamp into two with disjoint ids and the same events. */
export function itcFork(s: ItcStamp): [ItcStamp, ItcStamp] {
  const [a, b] = split(s.id);
  return [{ id: a, event: s.event }, { id: b, event: s.event }];
}

/** Joins two stamps (their ids must be disjoint): sum of ids, maximum of events. */
export function itcJoin(a: ItcStamp, b: ItcStamp): ItcStamp {
  return { id: sumId(a.id, b.id), event: joinEvent(a.event, b.event) };
}

/** Records an event: inflates the event tree inside the stamp's id (needs a non-zero id). */
export function itcEvent(s: ItcStamp): ItcStamp {
  if (s.id === 0) throw new Error('interval tree clocks: an anonymous stamp (id 0) cannot record events');
  const filled = fill(s.id, s.event);
  if (!sameEvent(filled, s.event)) return { id: s.id, event: filled };
  return { id: s.id, event: grow(s.id, s.event)[0] };
}

/** An anonymous copy of the events, to send in a message and join at the receiver. */
export function itcPeek(s: ItcStamp): ItcStamp { return { id: 0, event: s.event }; }

/** a ≤ b: every event a knows, b knows. */
export function itcLeq(a: ItcStamp, b: ItcStamp): boolean { return itcLeqEvent(a.event, b.event); }

function sameEvent(a: ItcEvent, b: ItcEvent): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a[0] === b[0] && sameEvent(a[1], b[1]) && sameEvent(a[2], b[2]);
}

/** The paper's text notation, e.g. `((1,0), (0,(1,0,2)))`. */
export function itcToString(s: ItcStamp): string {
  const id = (i: ItcId): string => (typeof i === 'number' ? String(i) : `(${id(i[0])},${id(i[1])})`);
  const ev = (e: ItcEvent): string => (typeof e === 'number' ? String(e) : `(${e[0]},${ev(e[1])},${ev(e[2])})`);
  return `(${id(s.id)}, ${ev(s.event)})`;
}

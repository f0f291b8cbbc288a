import type { DelayPs, SpacetimeTrace } from './spacetime-trace.ts';

/**
 * The order in which an observer learns of the events: by arrival time of their news
 * (event time + delay from its host to the observer), ties broken by the trace's causal order.
 * Returns event ids. When delays obey the triangle inequality and no message beats the delay,
 * e → f implies arrival(e) ≤ arrival(f) at every observer, and the tie-break keeps e first: all
 * observers agree on causally related pairs and may disagree only on concurrent ones.
 */
export function observerOrder(st: SpacetimeTrace, observer: string, delay: DelayPs): number[] {
  const events = st.trace.events;
  const arrival = new Float64Array(events.length);
  for (const e of events) arrival[e.id] = st.timePs[e.id] + delay(e.host, observer);
  const ids = events.map((e) => e.id);
  ids.sort((a, b) => arrival[a] - arrival[b] || a - b);
  return ids;
}

/** Arrival time (ps) of each event's news at an observer, by event id. */
export function arrivalTimesPs(st: SpacetimeTrace, observer: string, delay: DelayPs): number[] {
  return st.trace.events.map((e) => st.timePs[e.id] + delay(e.host, observer));
}

/** Pairs (by id, a < b) that two orders of the same events put the other way round. O(n²). */
export function disagreeingPairs(orderA: readonly number[], orderB: readonly number[]): Array<[number, number]> {
  const posA = positions(orderA), posB = positions(orderB);
  const out: Array<[number, number]> = [];
  const ids = [...orderA].sort((x, y) => x - y);
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i], b = ids[j];
      if ((posA[a] < posA[b]) !== (posB[a] < posB[b])) out.push([a, b]);
    }
  }
  return out;
}

function positions(order: readonly number[]): number[] {
  const pos: number[] = [];
  order.forEach((id, i) => { pos[id] = i; });
  return pos;
}

/**
 * Kendall-tau distance between two orders of the same items: the number of discordant pairs
 * (Kendall 1938), counted as inversions by merge sort in O(n log n) (Knight 1966).
 */
export function kendallTauDistance(orderA: readonly number[], orderB: readonly number[]): number {
  const posB = positions(orderB);
  let seq = orderA.map((id) => posB[id]);
  let inversions = 0;
  let buffer = new Array<number>(seq.length);
  for (let width = 1; width < seq.length; width *= 2) {
    for (let lo = 0; lo < seq.length; lo += 2 * width) {
      const mid = Math.min(lo + width, seq.length), hi = Math.min(lo + 2 * width, seq.length);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (seq[i] <= seq[j]) buffer[k++] = seq[i++];
        else { buffer[k++] = seq[j++]; inversions += mid - i; }
      }
      while (i < mid) buffer[k++] = seq[i++];
      while (j < hi) buffer[k++] = seq[j++];
    }
    [seq, buffer] = [buffer, seq];
  }
  return inversions;
}

// Random valid traces for property tests, and brute-force references (graph reachability and
// exhaustive antichains) that share no code with the library.
import fc from 'fast-check';
import type { EventInput } from '../../src/causality/index.ts';

/** A trace script: per step, a host and an action; receives pick a message in flight. */
export interface Script {
  readonly hosts: number;
  readonly steps: ReadonlyArray<{ host: number; action: number; pick: number }>;
}

export const scriptArb = (maxHosts = 5, maxSteps = 14): fc.Arbitrary<Script> =>
  fc.integer({ min: 1, max: maxHosts }).chain((hosts) => fc.record({
    hosts: fc.constant(hosts),
    steps: fc.array(fc.record({
      host: fc.integer({ min: 0, max: hosts - 1 }),
      action: fc.integer({ min: 0, max: 2 }),
      pick: fc.nat(),
    }), { maxLength: maxSteps }),
  }));

/** Turns a script into events in happened order (0 local, 1 send, 2 receive-if-possible). */
export function scriptEvents(script: Script): EventInput[] {
  const events: EventInput[] = [];
  const inFlight: Array<{ msg: string; from: number }> = [];
  let next = 0;
  for (const step of script.steps) {
    const host = `h${step.host}`;
    const receivable = inFlight.filter((f) => f.from !== step.host);
    if (step.action === 2 && receivable.length > 0) {
      const f = receivable[step.pick % receivable.length];
      inFlight.splice(inFlight.indexOf(f), 1);
      events.push({ host, receives: [f.msg], line: events.length + 1 });
    } else if (step.action === 1) {
      const msg = `m${next++}`;
      inFlight.push({ msg, from: step.host });
      events.push({ host, sends: [msg], line: events.length + 1 });
    } else {
      events.push({ host, line: events.length + 1 });
    }
  }
  return events;
}

/**
 * Reachability over host order and messages, computed by depth-first search from each event
 * (events named by position in `events`).
 */
export function bruteHappenedBefore(events: readonly EventInput[]): boolean[][] {
  const n = events.length;
  const succ: number[][] = events.map(() => []);
  const last = new Map<string, number>();
  const sender = new Map<string, number>();
  events.forEach((e, i) => {
    const p = last.get(e.host);
    if (p !== undefined) succ[p].push(i);
    last.set(e.host, i);
    for (const s of e.sends ?? []) sender.set(s, i);
  });
  events.forEach((e, i) => { for (const r of e.receives ?? []) succ[sender.get(r)!].push(i); });
  const hb = events.map(() => new Array<boolean>(n).fill(false));
  for (let a = 0; a < n; a++) {
    const stack = [...succ[a]];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (hb[a][x]) continue;
      hb[a][x] = true;
      stack.push(...succ[x]);
    }
  }
  return hb;
}

/** Largest set of pairwise unordered events, by trying every subset (n ≤ ~16). */
export function bruteWidth(hb: boolean[][]): number {
  const n = hb.length;
  let best = 0;
  for (let mask = 1; mask < 1 << n; mask++) {
    let size = 0, ok = true;
    for (let a = 0; a < n && ok; a++) {
      if (!(mask & (1 << a))) continue;
      size++;
      for (let b = a + 1; b < n; b++) if (mask & (1 << b) && (hb[a][b] || hb[b][a])) { ok = false; break; }
    }
    if (ok && size > best) best = size;
  }
  return best;
}

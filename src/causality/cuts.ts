import { InputError } from '../core/errors.ts';
import type { Trace, TraceEvent } from './trace.ts';

/** A cut: for each host (by id), how many of its events are inside. */
export type Cut = readonly number[];

/** Events of each host, in host order (index 1 at position 0). */
export function eventsByHost(trace: Trace): TraceEvent[][] {
  const out: TraceEvent[][] = trace.hosts.map(() => []);
  for (const e of trace.events) out[e.hostId][e.index - 1] = e;
  return out;
}

/**
 * A cut is consistent when it is closed under happened-before (Chandy & Lamport 1985; Mattern
 * 1989, §5): the last event of each host inside has all its past inside, i.e. its vector clock is
 * at most the cut.
 */
export function isConsistentCut(trace: Trace, cut: Cut, byHost = eventsByHost(trace)): boolean {
  for (let h = 0; h < cut.length; h++) {
    if (cut[h] === 0) continue;
    const v = byHost[h][cut[h] - 1].vector;
    for (let k = 0; k < v.length; k++) if (v[k] > cut[k]) return false;
  }
  return true;
}

/** Largest lattice enumerated before giving up (the lattice can be exponential in hosts). */
export const MAX_CUTS = 1_000_000;

/**
 * Every consistent cut, the lattice of global states (Cooper & Marzullo 1991), by breadth-first
 * search from the empty cut, level by level (level = number of events inside): a cut's successors
 * add one event whose past is already inside. Throws beyond `maxCuts`.
 */
export function consistentCuts(trace: Trace, maxCuts = MAX_CUTS): Cut[] {
  const byHost = eventsByHost(trace);
  const h = trace.hosts.length;
  const start = new Array<number>(h).fill(0);
  const seen = new Set<string>([start.join(',')]);
  const out: Cut[] = [start];
  let level: number[][] = [start];
  while (level.length > 0) {
    const nextLevel: number[][] = [];
    for (const cut of level) {
      for (let k = 0; k < h; k++) {
        if (cut[k] >= byHost[k].length) continue;
        const v = byHost[k][cut[k]].vector;
        let enabled = true;
        for (let j = 0; j < v.length && enabled; j++) if (j !== k && v[j] > cut[j]) enabled = false;
        if (!enabled) continue;
        const next = cut.slice();
        next[k]++;
        const key = next.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        if (out.length >= maxCuts) throw new InputError(`causality: more than ${maxCuts} consistent cuts; expected a smaller trace for lattice enumeration`);
        out.push(next);
        nextLevel.push(next);
      }
    }
    level = nextLevel;
  }
  return out;
}

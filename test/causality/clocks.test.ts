import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  HybridLogicalClock, Trace, compareHlc, consistentCuts, hlcTimestamps, isConsistentCut, knownByAll,
  matrixClocks, messageRaces, concurrentEventPairs, summarizeTrace,
} from '../../src/causality/index.ts';
import { bruteHappenedBefore, scriptArb, scriptEvents } from './random-trace.ts';

test('HLC update rules, values derived by hand from Kulkarni et al. 2014, Fig. 5 (pt in ticks)', () => {
  // a send at pt 10 gives (10,0); a receive at pt 9 of (10,0)
  // gives (10,1); a local event at pt 10 after it gives (10,2); at pt 12, (12,0).
  const a = new HybridLogicalClock(), b = new HybridLogicalClock();
  const m = a.tick(10);
  assert.deepEqual(m, { l: 10, c: 0 });
  assert.deepEqual(b.receive(9, m), { l: 10, c: 1 });
  assert.deepEqual(b.tick(10), { l: 10, c: 2 });
  assert.deepEqual(b.tick(12), { l: 12, c: 0 });
  // Receiving an older timestamp when l is already larger: l kept, c + 1.
  assert.deepEqual(b.receive(11, { l: 5, c: 7 }), { l: 12, c: 1 });
  // Receiving with equal l: c = max + 1.
  assert.deepEqual(b.receive(11, { l: 12, c: 5 }), { l: 12, c: 6 });
});

test('property: HLC respects happened-before and stays within ε of physical time (Kulkarni et al. 2014, Thms 1-2)', () => {
  fc.assert(fc.property(
    scriptArb(5, 24),
    fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 5, maxLength: 5 }),   // clock offsets (ticks)
    fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 5, maxLength: 5 }), // rates, parts per 1000
    fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 24, maxLength: 24 }),  // true-time steps
    (script, offsets, rates, steps) => {
      const events = scriptEvents(script);
      if (events.length === 0) return true;
      // True time grows along the happened order, so every message takes non-negative time; each
      // host's physical clock is monotone: pt = floor(t·(1000 + rate)/1000) + offset.
      const trueTime: number[] = [];
      let t = 1000;
      for (let i = 0; i < events.length; i++) { t += steps[i]; trueTime.push(t); }
      const hostNumber = (name: string) => Number(name.slice(1));
      const pt = (h: number, time: number) => Math.floor((time * (1000 + rates[h])) / 1000) + offsets[h];
      let epsilon = 0;
      for (const time of trueTime) {
        const readings = offsets.map((_, h) => pt(h, time));
        epsilon = Math.max(epsilon, Math.max(...readings) - Math.min(...readings));
      }
      const trace = Trace.fromEvents(events);
      const physical = (e: { line: number | undefined; host: string }) => pt(hostNumber(e.host), trueTime[e.line! - 1]);
      const hlc = hlcTimestamps(trace, physical);
      const hb = bruteHappenedBefore(events);
      for (const e of trace.events) {
        const drift = hlc[e.id].l - physical(e);
        if (drift < 0 || drift > epsilon) return false;
        for (const f of trace.events) if (hb[e.line! - 1][f.line! - 1] && compareHlc(hlc[e.id], hlc[f.id]) >= 0) return false;
      }
      return true;
    }), { numRuns: 300 });
});

test('matrix clocks: row i is the vector clock; what all know is at most what each knows', () => {
  fc.assert(fc.property(scriptArb(4, 20), (script) => {
    const trace = Trace.fromEvents(scriptEvents(script));
    const h = trace.hosts.length;
    const mats = matrixClocks(trace);
    for (const e of trace.events) {
      const m = mats[e.id];
      for (let k = 0; k < h; k++) {
        if (m[e.hostId * h + k] !== (e.vector[k] ?? 0)) return false;
        // What this host believes j knows of k is at most what it itself knows of k.
        for (let j = 0; j < h; j++) if (m[j * h + k] > m[e.hostId * h + k]) return false;
        if (knownByAll(m, h, k) > m[e.hostId * h + k]) return false;
      }
    }
    return true;
  }), { numRuns: 200 });
  // Hand example: a sends to b, b replies; after the reply a knows that b knows a's send.
  const t = Trace.fromRaw([
    { host: 'a', type: 'send', msg: 'x' }, { host: 'b', type: 'recv', msg: 'x' }, { host: 'b', type: 'send', msg: 'y' },
    { host: 'a', type: 'recv', msg: 'y' },
  ]);
  const last = matrixClocks(t)[3];
  assert.deepEqual([...last], [2, 2, 1, 2]); // rows: a = (2,2); b as a knows it = (1,2)
  assert.equal(knownByAll(last, 2, 0), 1);   // a's first event is known to both
});

test('consistent cuts: the lattice equals the down-closed prefixes found by brute force', () => {
  fc.assert(fc.property(scriptArb(3, 12), (script) => {
    const events = scriptEvents(script);
    const trace = Trace.fromEvents(events);
    const hb = bruteHappenedBefore(events);
    const counts = trace.hosts.map((h) => events.filter((e) => e.host === h).length);
    // Every combination of prefixes, kept when no event outside has a successor inside.
    let brute = 0;
    const cut = counts.map(() => 0);
    const inside = (i: number) => {
      const e = events[i];
      const h = trace.hosts.indexOf(e.host);
      return events.slice(0, i + 1).filter((x) => x.host === e.host).length <= cut[h];
    };
    const visit = (k: number): void => {
      if (k === counts.length) {
        let ok = true;
        for (let a = 0; a < events.length && ok; a++) for (let b = 0; b < events.length && ok; b++) if (hb[a][b] && inside(b) && !inside(a)) ok = false;
        if (ok) brute++;
        if (ok !== isConsistentCut(trace, cut)) throw new Error('isConsistentCut disagrees');
        return;
      }
      for (let x = 0; x <= counts[k]; x++) { cut[k] = x; visit(k + 1); }
    };
    visit(0);
    const lattice = consistentCuts(trace);
    return lattice.length === brute && lattice.every((c) => isConsistentCut(trace, c));
  }), { numRuns: 150 });
  // Two hosts with one local event each: 4 cuts; a message between them removes one.
  assert.equal(consistentCuts(Trace.fromRaw([{ host: 'a', type: 'local' }, { host: 'b', type: 'local' }])).length, 4);
  assert.equal(consistentCuts(Trace.fromRaw([{ host: 'a', type: 'send', msg: 'm' }, { host: 'b', type: 'recv', msg: 'm' }])).length, 3);
});

test('races: concurrent pairs and message races (Netzer & Miller 1992)', () => {
  // b receives from a and c, which sent without knowing of each other: a race. d's second message
  // is sent after d learns of b's first receive (through e), so no race with it.
  const t = Trace.fromRaw([
    { host: 'a', type: 'send', msg: 'x' }, { host: 'c', type: 'send', msg: 'y' },
    { host: 'b', type: 'recv', msg: 'x' }, { host: 'b', type: 'recv', msg: 'y' },
    { host: 'b', type: 'send', msg: 'z' }, { host: 'd', type: 'recv', msg: 'z' }, { host: 'd', type: 'send', msg: 'w' },
    { host: 'b', type: 'recv', msg: 'w' },
  ]);
  const races = messageRaces(t).map((r) => `${r.first.host}${r.first.index}-${r.second.host}${r.second.index}`);
  assert.deepEqual(races, ['b1-b2']);
  const pairs = concurrentEventPairs(t);
  assert.ok(pairs.some(([p, q]) => p.host === 'a' && q.host === 'c'));
  assert.equal(pairs.length, summarizeTrace(t).concurrentPairs);
});

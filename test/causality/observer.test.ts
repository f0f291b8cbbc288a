import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { InputError } from '../../src/core/errors.ts';
import {
  Trace, checkSpacetime, disagreeingPairs, hlcTimestamps, kendallTauDistance, lightDelayPs,
  messageViolationProbability, observerOrder, simulateMessageViolations, simulateSpacetime,
  timestampViolations, type PositionM,
} from '../../src/causality/index.ts';

const positionsArb = (hosts: number) => fc.array(
  fc.tuple(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -100, max: 100 })),
  { minLength: hosts + 3, maxLength: hosts + 3 });

test('property: observers never disagree on causally related pairs (light-speed delays)', () => {
  fc.assert(fc.property(fc.integer({ min: 2, max: 5 }).chain((h) => fc.tuple(fc.constant(h), positionsArb(h), fc.nat())), ([h, points, seed]) => {
    const hosts = Array.from({ length: h }, (_, i) => `h${i}`);
    const positions: Record<string, PositionM> = {};
    points.forEach((p, i) => { positions[i < h ? hosts[i] : `o${i - h}`] = p; });
    const delay = lightDelayPs(positions);
    const st = simulateSpacetime({ hosts, delay, events: 40, seed, meanGapPs: 5000 });
    checkSpacetime(st, delay);
    const observers = [...hosts, 'o0', 'o1', 'o2'];
    const orders = observers.map((o) => observerOrder(st, o, delay));
    const ev = st.trace.events;
    for (const order of orders) {
      const pos: number[] = [];
      order.forEach((id, i) => { pos[id] = i; });
      for (const e of ev) for (const f of ev) if (st.trace.happenedBefore(e, f) && pos[e.id] > pos[f.id]) return false;
    }
    for (let a = 0; a < orders.length; a++) {
      for (let b = a + 1; b < orders.length; b++) {
        for (const [x, y] of disagreeingPairs(orders[a], orders[b])) if (!st.trace.concurrent(ev[x], ev[y])) return false;
      }
    }
    return true;
  }), { numRuns: 60 });
});

test('observer order: a pair seen in opposite orders from two places (hand example)', () => {
  // a at x = 0, b at x = 0.3 m (1000.69 ps → 1001 ps of light time). a's event at t = 0 and b's
  // at t = 500 ps are concurrent (500 ps < 1001 ps). Next to a: a first; next to b: b first.
  const positions: Record<string, PositionM> = { a: [0, 0, 0], b: [0.3, 0, 0], nearA: [0, 0, 0], nearB: [0.3, 0, 0] };
  const delay = lightDelayPs(positions);
  assert.equal(delay('a', 'b'), 1001);
  const trace = Trace.fromRaw([{ host: 'a', type: 'local' }, { host: 'b', type: 'local' }]);
  const st = { trace, timePs: [0, 500] };
  assert.deepEqual(observerOrder(st, 'nearA', delay), [0, 1]);
  assert.deepEqual(observerOrder(st, 'nearB', delay), [1, 0]);
  assert.equal(kendallTauDistance([0, 1], [1, 0]), 1);
  // A message faster than light is bad input.
  const fast = Trace.fromRaw([{ host: 'a', type: 'send', msg: 'm' }, { host: 'b', type: 'recv', msg: 'm' }]);
  assert.throws(() => checkSpacetime({ trace: fast, timePs: [0, 1000] }, delay), (e: unknown) => e instanceof InputError && /before 1001 ps/.test(e.message));
});

test('Kendall-tau distance (merge sort) equals the pair count', () => {
  fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 60 }), (keys) => {
    const a = keys.map((_, i) => i);
    const b = a.slice().sort((x, y) => keys[x] - keys[y] || x - y);
    return kendallTauDistance(a, b) === disagreeingPairs(a, b).length && kendallTauDistance(b, a) === kendallTauDistance(a, b);
  }));
  // Reversal of n items: n(n − 1)/2 (Kendall 1938).
  assert.equal(kendallTauDistance([0, 1, 2, 3, 4], [4, 3, 2, 1, 0]), 10);
});

test('message violations under skew ε and delay d: (ε − d)²/(2ε²), analytically and by simulation', () => {
  // Exact values of the formula at chosen points.
  assert.equal(messageViolationProbability(100, 0), 0.5);
  assert.equal(messageViolationProbability(100, 50), 0.125);
  assert.equal(messageViolationProbability(100, 100), 0);
  assert.equal(messageViolationProbability(100, 250), 0);
  const n = 200_000;
  for (const [eps, d] of [[100, 10], [100, 50], [100, 90], [1000, 300]]) {
    const p = messageViolationProbability(eps, d);
    const observed = simulateMessageViolations(eps, d, n, 7) / n;
    const sigma = Math.sqrt((p * (1 - p)) / n);
    assert.ok(Math.abs(observed - p) < 5 * sigma + 1e-12, `ε=${eps} d=${d}: ${observed} vs ${p}`);
  }
});

test('timestamp order over a trace: skewed clocks break causality, HLC and vector clocks never do', () => {
  const hosts = ['a', 'b', 'c', 'd'];
  const delay = () => 1000;
  const st = simulateSpacetime({ hosts, delay, events: 120, seed: 3, meanGapPs: 400 });
  const offsets = [0, 5000, 2500, 4000]; // ε = 5 ns ≫ d = 1 ns
  const physical = st.trace.events.map((e) => st.timePs[e.id] + offsets[e.hostId]);
  const skewed = timestampViolations(st.trace, physical);
  assert.ok(skewed.violations > 0 && skewed.messageViolations > 0);
  const exact = timestampViolations(st.trace, st.timePs);
  assert.equal(exact.violations, 0);
  const hlc = hlcTimestamps(st.trace, (e) => physical[e.id]);
  // HLC as one number: l·2^20 + c keeps its lexicographic order (c stays small here).
  const hlcNumbers = hlc.map((x) => x.l * 2 ** 20 + x.c);
  assert.ok(hlc.every((x) => x.c < 2 ** 20));
  const h = timestampViolations(st.trace, hlcNumbers);
  assert.equal(h.violations + h.ties, 0);
  assert.equal(timestampViolations(st.trace, st.trace.events.map((e) => e.lamport)).violations, 0);
});

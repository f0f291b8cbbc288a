import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  dvvContains, dvvContext, dvvLeq, dvvSync, dvvUpdate, itcEvent, itcFork, itcJoin, itcLeq, itcPeek, itcSeed,
  itcToString, type Dvv, type ItcStamp,
} from '../../src/causality/index.ts';

test('interval tree clocks: fork, event and join, values derived by hand from the definitions of Almeida et al. 2008, §5', () => {
  // Stamps in the paper's notation (id, event).
  const [a, b] = itcFork(itcSeed());
  assert.equal(itcToString(a), '((1,0), 0)');
  assert.equal(itcToString(b), '((0,1), 0)');
  const a1 = itcEvent(a);
  assert.equal(itcToString(a1), '((1,0), (0,1,0))');
  const b1 = itcEvent(b);
  assert.equal(itcToString(b1), '((0,1), (0,0,1))');
  const [c, d] = itcFork(b1);
  assert.equal(itcToString(c), '((0,(1,0)), (0,0,1))');
  const d1 = itcEvent(d);
  assert.equal(itcToString(d1), '((0,(0,1)), (0,0,(1,0,1)))');
  const j = itcJoin(a1, c);
  // Ids (1,0) + (0,(1,0)) = (1,(1,0)); events (0,1,0) ⊔ (0,0,1) = (0,1,1), normalised to 1.
  assert.equal(itcToString(j), '((1,(1,0)), 1)');
  // Joining everything back and recording an event collapses to a single counter.
  const all = itcEvent(itcJoin(j, d1));
  assert.equal(itcToString(all), '(1, 2)');
});

/**
 * Random histories of fork, join, event and message (peek + join) over live replicas, with the
 * true causal history of each replica tracked as a set of event ids: ITC's order must equal
 * inclusion of histories (the correctness criterion of Almeida et al. 2008, §3).
 */
test('property: ITC order equals inclusion of causal histories under fork, join, event and messages', () => {
  fc.assert(fc.property(fc.array(fc.record({ op: fc.integer({ min: 0, max: 3 }), a: fc.nat(), b: fc.nat() }), { maxLength: 40 }), (ops) => {
    let replicas: Array<{ s: ItcStamp; h: Set<number> }> = [{ s: itcSeed(), h: new Set() }];
    let next = 0;
    for (const { op, a, b } of ops) {
      const i = a % replicas.length, j = b % replicas.length;
      if (op === 0) { replicas[i] = { s: itcEvent(replicas[i].s), h: new Set([...replicas[i].h, next++]) }; }
      else if (op === 1 && replicas.length < 6) {
        const [x, y] = itcFork(replicas[i].s);
        replicas = [...replicas.slice(0, i), { s: x, h: new Set(replicas[i].h) }, { s: y, h: new Set(replicas[i].h) }, ...replicas.slice(i + 1)];
      } else if (op === 2 && i !== j) {
        const joined = { s: itcJoin(replicas[i].s, replicas[j].s), h: new Set([...replicas[i].h, ...replicas[j].h]) };
        replicas = replicas.filter((_, k) => k !== i && k !== j).concat([joined]);
      } else if (op === 3 && i !== j) {
        // A message from i to j: j joins an anonymous copy of i's events, then records the receive.
        const received = itcEvent(itcJoin(replicas[j].s, itcPeek(replicas[i].s)));
        replicas[j] = { s: received, h: new Set([...replicas[j].h, ...replicas[i].h, next++]) };
      }
    }
    for (const x of replicas) for (const y of replicas) {
      const subset = [...x.h].every((e) => y.h.has(e));
      if (itcLeq(x.s, y.s) !== subset) return false;
    }
    return true;
  }), { numRuns: 400 });
});

test('dotted version vectors: concurrent writes through one server stay siblings (Preguiça et al. 2010, §3)', () => {
  // Two clients read nothing and both write through server A; a version vector per server would
  // give {A:1} then {A:2}, making the second overwrite the first. DVVs give ({}, A:1) and
  // ({}, A:2): concurrent, both kept.
  const v1 = dvvUpdate('A', {}, []);
  const v2 = dvvUpdate('A', {}, [v1]);
  assert.deepEqual(v1, { vv: {}, dot: ['A', 1] });
  assert.deepEqual(v2, { vv: {}, dot: ['A', 2] });
  assert.ok(!dvvLeq(v1, v2) && !dvvLeq(v2, v1));
  assert.equal(dvvSync([{ clock: v1 }, { clock: v2 }]).length, 2);
  // A client that read both writes back once: its version supersedes both.
  const v3 = dvvUpdate('A', dvvContext([v1, v2]), [v1, v2]);
  assert.deepEqual(v3, { vv: { A: 2 }, dot: ['A', 3] });
  assert.deepEqual(dvvSync([{ clock: v1 }, { clock: v2 }, { clock: v3 }]).map((v) => v.clock), [v3]);
});

test('property: DVV order equals inclusion of the event sets the clocks stand for', () => {
  const clock = fc.record({
    vv: fc.dictionary(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 0, max: 3 })),
    dot: fc.option(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 1, max: 5 })), { nil: undefined }),
  }).filter((c) => c.dot === undefined || c.dot[1] > (c.vv[c.dot[0]] ?? 0)) as fc.Arbitrary<Dvv>;
  const events = (c: Dvv) => {
    const out: string[] = [];
    for (const [r, n] of Object.entries(c.vv)) for (let k = 1; k <= n; k++) out.push(`${r}${k}`);
    if (c.dot) out.push(`${c.dot[0]}${c.dot[1]}`);
    return out;
  };
  fc.assert(fc.property(clock, clock, (a, b) => {
    const subset = events(a).every((e) => dvvContains(b, e[0], Number(e.slice(1))));
    return dvvLeq(a, b) === subset;
  }), { numRuns: 1000 });
});

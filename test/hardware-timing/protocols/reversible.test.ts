import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reversibleStep, reversibleTrace } from '../../../src/hardware-timing/protocols/reversible.ts';
import { alternatingCausalityGraph, GRAY_COUNTER } from '../../../src/hardware-timing/protocols/alternating-causality.ts';

test('reversible recovery: forward EQBM → +1 → +2 → +3 → EQBM releases the token', () => {
  const t = reversibleTrace(Infinity);
  assert.deepEqual(t.map((s) => s.to), ['+1', '+2', '+3', 'EQBM']);
  assert.equal(t.at(-1)!.tokenAt, 'receiver');
});

test('an error at +k unwinds ERR+k → … → EQBM and the token never leaves the sender', () => {
  for (const k of [1, 2, 3]) {
    const t = reversibleTrace(k);
    const expected = [...Array.from({ length: k }, (_, i) => `+${i + 1}`), ...Array.from({ length: k }, (_, i) => `ERR+${k - i}`), 'EQBM'];
    assert.deepEqual([t[0].from, ...t.map((s) => s.to)], ['EQBM', ...expected.slice(0, k), ...expected.slice(k)]);
    assert.ok(t.every((s) => s.tokenAt === 'sender'));
  }
  assert.deepEqual(reversibleStep('ERR+3', 'error'), { state: 'ERR+2', released: false });
});

test('alternating-causality graph: 8 states, 16 transitions, one forward 8-cycle, every step reversible', () => {
  const { states, transitions } = alternatingCausalityGraph();
  assert.equal(states.length, 8);
  assert.equal(new Set(states).size, 8);
  assert.equal(transitions.length, 16);
  for (const s of states) {
    assert.equal(transitions.filter((t) => t.from === s).length, 2, `out-degree of ${s}`);
    assert.equal(transitions.filter((t) => t.to === s).length, 2, `in-degree of ${s}`);
  }
  const forward = transitions.filter((t) => t.direction === 'forward');
  // Following forward edges from 00/Alice visits all 8 states and returns: a single cycle.
  let at = '00/Alice';
  const seen: string[] = [];
  for (let i = 0; i < 8; i++) {
    seen.push(at);
    at = forward.find((t) => t.from === at)!.to;
  }
  assert.equal(at, '00/Alice');
  assert.equal(new Set(seen).size, 8);
  // Each reverse edge undoes a forward edge; every edge passes the token (the graph is bipartite).
  for (const t of transitions.filter((x) => x.direction === 'reverse')) assert.ok(forward.some((f) => f.from === t.to && f.to === t.from));
  for (const t of transitions) assert.notEqual(t.from.split('/')[1], t.to.split('/')[1]);
  // Counters along the cycle change in one bit at a time (a Gray code), as Lynch's two bits do.
  for (let i = 0; i < 4; i++) {
    const [a, b] = [GRAY_COUNTER[i], GRAY_COUNTER[(i + 1) % 4]];
    assert.equal([0, 1].filter((j) => a[j] !== b[j]).length, 1);
  }
});

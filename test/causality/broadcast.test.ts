import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CausalBroadcast, FifoBroadcast, Sequencer, TotalOrderReceiver, type CausalMessage,
} from '../../src/causality/index.ts';

/**
 * Random runs of causal broadcast: at each step a host either broadcasts or takes one message
 * from its network inbox in a random position (any arrival order). The test tracks causal pasts
 * of broadcasts explicitly (sets of ids), independently of vector timestamps.
 */
test('property: causal broadcast (BSS 1991) delivers everything, in causal order, at every host', () => {
  fc.assert(fc.property(
    fc.integer({ min: 2, max: 4 }),
    fc.array(fc.record({ host: fc.nat(), act: fc.boolean(), pick: fc.nat() }), { maxLength: 60 }),
    (hosts, steps) => {
      const nodes = Array.from({ length: hosts }, (_, i) => new CausalBroadcast<number>(hosts, i));
      const inbox: CausalMessage<number>[][] = nodes.map(() => []);
      const past = new Map<number, Set<number>>();         // broadcast id → ids before it
      const seen: Set<number>[] = nodes.map(() => new Set()); // delivered (or sent) at each host
      const order: number[][] = nodes.map(() => []);
      let next = 0;
      const deliver = (h: number, list: CausalMessage<number>[]) => {
        for (const m of list) { seen[h].add(m.payload); order[h].push(m.payload); }
      };
      const step = (h: number, act: boolean, pick: number) => {
        if (act || inbox[h].length === 0) {
          const id = next++;
          past.set(id, new Set(seen[h]));
          const m = nodes[h].broadcast(id);
          seen[h].add(id); order[h].push(id);
          for (let k = 0; k < hosts; k++) if (k !== h) inbox[k].push(m);
        } else {
          const [m] = inbox[h].splice(pick % inbox[h].length, 1);
          deliver(h, nodes[h].receive(m));
        }
      };
      for (const s of steps) step(s.host % hosts, s.act, s.pick);
      // Drain: every message arrives eventually.
      for (let h = 0; h < hosts; h++) while (inbox[h].length > 0) deliver(h, nodes[h].receive(inbox[h].shift()!));
      for (let h = 0; h < hosts; h++) {
        if (order[h].length !== next || nodes[h].heldBack !== 0) return false;
        const position = new Map(order[h].map((id, i) => [id, i]));
        for (const [id, before] of past) for (const b of before) if (position.get(b)! > position.get(id)!) return false;
      }
      return true;
    }), { numRuns: 300 });
});

test('causal broadcast holds back a message until its predecessor arrives', () => {
  const [a, b, c] = [0, 1, 2].map((i) => new CausalBroadcast<string>(3, i));
  const m1 = a.broadcast('m1');
  b.receive(m1);
  const m2 = b.broadcast('m2'); // m1 → m2
  assert.deepEqual(c.receive(m2), []);
  assert.equal(c.heldBack, 1);
  assert.deepEqual(c.receive(m1).map((m) => m.payload), ['m1', 'm2']);
  assert.deepEqual(c.receive(m1), []); // a duplicate is ignored
});

test('FIFO broadcast: per-sender order, duplicates ignored', () => {
  const a = new FifoBroadcast<string>(2, 0), b = new FifoBroadcast<string>(2, 1);
  const [x, y, z] = ['x', 'y', 'z'].map((p) => a.broadcast(p));
  assert.deepEqual(b.receive(z), []);
  assert.deepEqual(b.receive(x).map((m) => m.payload), ['x']);
  assert.deepEqual(b.receive(y).map((m) => m.payload), ['y', 'z']);
  assert.deepEqual(b.receive(y), []);
});

test('property: total order through a fixed sequencer is the same at every receiver', () => {
  fc.assert(fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), fc.array(fc.array(fc.nat()), { minLength: 3, maxLength: 3 }), (senders, shuffles) => {
    const seq = new Sequencer<number>();
    const msgs = senders.map((s, i) => seq.order(s % 4, i));
    const orders = shuffles.map((sh) => {
      const arrival = msgs.slice();
      sh.forEach((k, i) => { const j = k % arrival.length; const i2 = i % arrival.length; [arrival[i2], arrival[j]] = [arrival[j], arrival[i2]]; });
      const r = new TotalOrderReceiver<number>();
      return arrival.flatMap((m) => r.receive(m)).map((m) => m.payload);
    });
    return orders.every((o) => JSON.stringify(o) === JSON.stringify(msgs.map((m) => m.payload)));
  }));
});

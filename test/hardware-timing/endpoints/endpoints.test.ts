import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { simulateEndpointMove, simulateGroupFailover } from '../../../src/hardware-timing/endpoints/index.ts';
import { mesh8 } from '../../../src/hardware-timing/topology/index.ts';

const network = mesh8({ rows: 6, cols: 6, wrap: true });
const nodes = fc.integer({ min: 0, max: 35 });

test('property: an endpoint moving mid-stream loses nothing, duplicates nothing and keeps the order (atomic)', () => {
  fc.assert(fc.property(nodes, nodes, nodes, fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 1e6 }),
    (source, from, to, moveAtNs, seed) => {
      fc.pre(from !== to && source !== from && source !== to);
      const r = simulateEndpointMove({ network, mode: 'atomic', source, from, to, messages: 400, intervalNs: 20, moveAtNs, seed });
      assert.equal(r.verdict.semantics, 'exactly-once');
      assert.equal(r.verdict.delivered, 400);
      assert.equal(r.verdict.reordered, 0);
      // Every message is delivered where the endpoint was at the time, and all after the move at the new node.
      for (let seq = 0; seq < 400; seq++) assert.ok(r.deliveredOn[seq] === from || r.deliveredOn[seq] === to);
      const firstAtNew = Array.from(r.deliveredOn).indexOf(to);
      if (firstAtNew >= 0) assert.ok(Array.from(r.deliveredOn).slice(firstAtNew).every((n) => n === to));
    }), { seed: 3, numRuns: 60 });
});

test('the reorder buffer is exercised: messages forwarded through the old node are overtaken by direct ones', () => {
  const r = simulateEndpointMove({ network: mesh8({ rows: 8, cols: 8, wrap: true }), mode: 'atomic', source: 0, from: 27, to: 45, messages: 2000, intervalNs: 20, moveAtNs: 20000, seed: 1 });
  assert.ok(r.forwarded > 0);
  assert.ok(r.waitedForOrder > 0, `${r.waitedForOrder}`);
  assert.equal(r.verdict.reordered, 0);
});

test('conventionally, the same move loses the messages sent before the source learns the new address', () => {
  const r = simulateEndpointMove({ network, mode: 'conventional', source: 0, from: 14, to: 22, messages: 1000, intervalNs: 20, moveAtNs: 5000, seed: 1, rebindNs: 5000 });
  assert.ok(r.verdict.lost > 100, `${r.verdict.lost}`);
  assert.equal(r.verdict.semantics, 'at-most-once');
});

test('property: a group fails over when its active member crashes: nothing lost, nothing twice, order kept (atomic)', () => {
  fc.assert(fc.property(nodes, nodes, nodes, fc.integer({ min: 0, max: 9000 }), fc.integer({ min: 0, max: 1e6 }),
    (source, active, standby, crashAtNs, seed) => {
      fc.pre(new Set([source, active, standby]).size === 3);
      const r = simulateGroupFailover({ network, mode: 'atomic', source, active, standby, messages: 400, intervalNs: 20, crashAtNs, seed });
      assert.equal(r.verdict.semantics, 'exactly-once');
      assert.equal(r.verdict.delivered, 400);
      assert.equal(r.verdict.reordered, 0);
      assert.equal(r.deliveredByActive + r.deliveredByStandby, 400);
    }), { seed: 4, numRuns: 60 });
});

test('failover re-sends what the node before the crashed member held; the standby\'s log stops duplicates', () => {
  const r = simulateGroupFailover({ network, mode: 'atomic', source: 0, active: 14, standby: 15, messages: 2000, intervalNs: 20, crashAtNs: 10000, seed: 1 });
  assert.ok(r.resent > 0 && r.alreadyLogged > 0, `${r.resent} ${r.alreadyLogged}`);
  assert.equal(r.verdict.duplicates, 0);
  const c = simulateGroupFailover({ network, mode: 'conventional', source: 0, active: 14, standby: 15, messages: 2000, intervalNs: 20, crashAtNs: 10000, seed: 1, switchoverNs: 5000 });
  assert.ok(c.verdict.lost > 0);
});

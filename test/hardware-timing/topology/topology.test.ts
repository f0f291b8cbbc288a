import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { undirectedSingleSourceLength } from 'graphology-shortest-path/unweighted.js';
import {
  buildTopology, clos, fatTree, foldedSlot, gridShape, mesh8, routingOf, star, torus,
  RACK_PITCH_M, RACK_UNIT_M,
} from '../../../src/hardware-timing/index.ts';
import { InputError } from '../../../src/core/errors.ts';

function degrees(t: ReturnType<typeof mesh8>): number[] {
  return t.nodes.map((n) => t.degree(n.id));
}

test('mesh8 without wrap: corners 3, borders 5, inside 8 links; (r−1)c + r(c−1) + 2(r−1)(c−1) links', () => {
  const t = mesh8({ rows: 4, cols: 5, pitchM: 1 });
  assert.equal(t.nodeCount, 20);
  assert.equal(t.linkCount, 3 * 5 + 4 * 4 + 2 * 3 * 4);
  const d = degrees(t);
  assert.deepEqual([d[0], d[4], d[15], d[19]], [3, 3, 3, 3]);
  assert.equal(d[1], 5);
  assert.equal(d[6], 8);
  // Orthogonal cables are one pitch, diagonal ones √2 pitches.
  const lengths = new Set(t.links.map((l) => l.lengthM.toFixed(9)));
  assert.deepEqual([...lengths].sort(), ['1.000000000', Math.SQRT2.toFixed(9)]);
});

test('mesh8 with wrap: every node has 8 distinct neighbours; 3 × 3 is the complete graph K9', () => {
  const t = mesh8({ rows: 8, cols: 8, wrap: true });
  assert.equal(t.linkCount, 4 * 64);
  assert.ok(degrees(t).every((d) => d === 8));
  for (const node of t.nodes) assert.equal(new Set(t.neighbours(node.id)).size, 8);
  const k9 = mesh8({ rows: 3, cols: 3, wrap: true });
  assert.equal(k9.linkCount, 36);
  // Folded layout: no cable longer than 2√2 pitches (Dally & Towles §5.3).
  assert.ok(t.links.every((l) => l.lengthM <= 2 * Math.SQRT2 * 0.5 + 1e-12));
});

test('folded slots are a permutation with ring neighbours at most 2 apart', () => {
  for (let n = 3; n <= 12; n++) {
    const slots = Array.from({ length: n }, (_, i) => foldedSlot(i, n));
    assert.deepEqual([...slots].sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i));
    for (let i = 0; i < n; i++) assert.ok(Math.abs(slots[i] - slots[(i + 1) % n]) <= 2);
  }
});

test('torus: 4-regular, 2N links', () => {
  const t = torus({ rows: 4, cols: 6 });
  assert.equal(t.linkCount, 48);
  assert.ok(degrees(t).every((d) => d === 4));
});

test('star: N links to one switch; cable is the tray (Manhattan) distance', () => {
  const t = star({ hosts: 45 });
  assert.equal(t.hostCount, 45);
  assert.equal(t.switchCount, 1);
  assert.equal(t.linkCount, 45);
  // Host 0 at the bottom of rack 0, the switch in unit 41 of rack 0 (EIA-310-D 44.45 mm units).
  assert.ok(Math.abs(t.links[0].lengthM - 41 * RACK_UNIT_M) < 1e-12);
  // Host 40 is at the bottom of rack 1: one rack pitch along the row, 41 units up.
  assert.ok(Math.abs(t.links[40].lengthM - (RACK_PITCH_M + 41 * RACK_UNIT_M)) < 1e-12);
});

test('leaf-spine Clos: ⌈N/H⌉ leaves, every leaf on every spine, host-to-host at most 4 hops', () => {
  const t = clos({ hosts: 20, hostsPerLeaf: 8, spines: 3 });
  assert.equal(t.switchCount, 3 + 3);
  assert.equal(t.linkCount, 20 + 3 * 3);
  const r = routingOf(t);
  assert.equal(r.hops(0, 1), 2);
  assert.equal(r.hops(0, 19), 4);
  // Between leaves, one equal-cost path per spine.
  assert.equal(r.ecmpWidth(t.nodes.findIndex((n) => n.name === 'leaf0'), 19), 3);
});

test('k-ary fat-tree: k³/4 hosts, 5k²/4 switches, 3k³/4 links, (k/2)² paths between pods (Al-Fares et al. 2008 §3.1)', () => {
  for (const k of [2, 4, 6, 8]) {
    const t = fatTree({ k });
    assert.equal(t.hostCount, k ** 3 / 4);
    assert.equal(t.switchCount, 5 * k * k / 4);
    assert.equal(t.linkCount, 3 * k ** 3 / 4);
    for (const node of t.nodes) if (node.kind === 'switch') assert.ok(t.degree(node.id) <= k);
  }
  const t = fatTree({ k: 4 });
  const r = routingOf(t);
  const far = t.hostCount - 1; // another pod
  assert.equal(r.hops(0, far), 6);
  // Count distinct shortest paths by following every ECMP choice.
  const count = (u: number): number => (u === far ? 1 : r.nextPorts(u, far).reduce((s, p) => s + count(t.ports(u)[p].peer), 0));
  assert.equal(count(0), 4);
});

test('routing hop counts agree with graphology-shortest-path on every pair', () => {
  for (const t of [mesh8({ rows: 5, cols: 6, wrap: true }), mesh8({ rows: 4, cols: 4 }), torus({ rows: 3, cols: 5 }), fatTree({ k: 4 }), clos({ hosts: 10, hostsPerLeaf: 4, spines: 2 })]) {
    const r = routingOf(t);
    for (const node of t.nodes) {
      const expected = undirectedSingleSourceLength(t.graph, node.name);
      for (const other of t.nodes) assert.equal(r.hops(node.id, other.id), expected[other.name], `${t.description} ${node.name}→${other.name}`);
    }
  }
});

test('property: every ECMP path follows links, has hops + 1 nodes and each step gets one hop closer', () => {
  const t = mesh8({ rows: 7, cols: 9, wrap: true });
  const r = routingOf(t);
  fc.assert(fc.property(fc.nat(62), fc.nat(62), fc.nat(1000), (a, b, flow) => {
    const path = r.path(a, b, flow);
    if (path.length !== r.hops(a, b) + 1) return false;
    for (let i = 1; i < path.length; i++) {
      if (!t.neighbours(path[i - 1]).includes(path[i])) return false;
      if (r.hops(path[i], b) !== r.hops(path[i - 1], b) - 1) return false;
    }
    return path[0] === a && path[path.length - 1] === b;
  }));
});

test('routing is computed once: the same object for the same topology', () => {
  const t = torus({ rows: 3, cols: 3 });
  assert.equal(routingOf(t), routingOf(t));
});

test('graphology view has the same nodes and edges with attributes', () => {
  const t = fatTree({ k: 4 });
  assert.equal(t.graph.order, t.nodeCount);
  assert.equal(t.graph.size, t.linkCount);
  assert.equal(t.graph.getNodeAttribute('h0', 'kind'), 'host');
  assert.equal(t.graph.getEdgeAttribute('0', 'lengthM'), t.links[0].lengthM);
});

test('gridShape: square N gives √N × √N, else the factor pair closest to square', () => {
  assert.deepEqual(gridShape(64), { rows: 8, cols: 8 });
  assert.deepEqual(gridShape(24), { rows: 4, cols: 6 });
  assert.deepEqual(gridShape(7), { rows: 1, cols: 7 });
});

test('bad parameters throw one-line InputErrors', () => {
  const cases: Array<[() => unknown, RegExp]> = [
    [() => buildTopology({ kind: 'ring', nodes: 8 }), /kind expected one of mesh8, torus, star, clos, fat-tree, got 'ring'/],
    [() => buildTopology({ kind: 'mesh8', nodes: 0 }), /nodes expected an integer from 1/],
    [() => buildTopology({ kind: 'torus', nodes: 8 }), /wrap|rows expected an integer from 3/],
    [() => buildTopology({ kind: 'fat-tree', nodes: 100 }), /k³\/4 hosts .* one of 2, 16, 54, 128/],
    [() => mesh8({ rows: 2, cols: 2.5 }), /cols expected an integer/],
    [() => mesh8({ rows: 2, cols: 2, pitchM: -1 }), /pitchM expected a finite number of metres > 0/],
    [() => clos({ hosts: 10, hostsPerLeaf: 41 }), /hostsPerLeaf expected an integer from 1 to 40/],
    [() => fatTree({ k: 3 }), /k \(even\) expected an integer from 2/],
    [() => star({ hosts: -1 }), /hosts expected an integer from 1/],
    [() => routingOf(star({ hosts: 2 })).hops(0, 9), /node expected an integer id from 0 to 2, got 9/],
  ];
  for (const [f, message] of cases) {
    assert.throws(f, (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'), String(message));
  }
});

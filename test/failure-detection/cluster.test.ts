import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RandomStream } from '../../src/core/random/index.ts';
import { MeshFailures } from '../../src/failure-detection/mesh/mesh-model.ts';
import {
  alternatePathBelief, completeCluster, electLeaders, leaderCount, timeoutBelief,
} from '../../src/failure-detection/cluster/leader-election.ts';
import {
  clusterShutsDown, maximumClique, placeShards, shutdownProbabilityIsolated,
} from '../../src/failure-detection/cluster/clique-shutdown.ts';

test('partial partition with a bridge: timeout-based election gives two leaders, alternate-path one', () => {
  // Alquraan et al. OSDI 2018 §5.1: {0, 1} and {3, 4} cannot talk; node 2 talks to both.
  const n = 5;
  const mesh = completeCluster(n);
  const f = new MeshFailures(n);
  for (const a of [0, 1]) for (const b of [3, 4]) f.setLinkState(a, b, 'dead', false);
  const naive = electLeaders(n, f, timeoutBelief(f));
  assert.deepEqual([...naive.entries()], [[0, 2], [1, 2], [2, 4], [3, 4], [4, 4]]);
  assert.equal(leaderCount(naive), 2);
  const detour = electLeaders(n, f, alternatePathBelief(mesh, f));
  assert.equal(leaderCount(detour), 1);
  assert.ok([...detour.values()].every((l) => l === 4));
  // A real crash of 4: both elect 3.
  const g = new MeshFailures(n);
  g.crash(4);
  assert.equal(leaderCount(electLeaders(n, g, alternatePathBelief(mesh, g))), 1);
  assert.ok([...electLeaders(n, g, alternatePathBelief(mesh, g)).values()].every((l) => l === 3));
});

test('maximum clique agrees with brute force on every subset (random graphs up to 10 nodes)', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 10 }), fc.array(fc.boolean(), { minLength: 45, maxLength: 45 }), (n, bits) => {
    const adj = (i: number, j: number) => { const [a, b] = i < j ? [i, j] : [j, i]; return bits[(b * (b - 1)) / 2 + a]; };
    let best = 0;
    for (let mask = 1; mask < 1 << n; mask++) {
      const members = Array.from({ length: n }, (_, i) => i).filter((i) => (mask >> i) & 1);
      if (members.every((i) => members.every((j) => i === j || adj(i, j)))) best = Math.max(best, members.length);
    }
    const clique = maximumClique(n, adj);
    assert.equal(clique.length, best);
    assert.ok(clique.every((i) => clique.every((j) => i === j || adj(i, j))));
  }), { numRuns: 200 });
});

test('shutdown probability with k isolated nodes: Monte Carlo within its 95 % interval of 1 − (1 − C(k,3)/C(n,3))^S', () => {
  const rng = new RandomStream(43, 0);
  const nodes = 16, shards = 48, trials = 4000;
  for (const isolated of [2, 4, 6]) {
    let down = 0;
    for (let t = 0; t < trials; t++) {
      const placement = placeShards(rng, nodes, shards, 3);
      const survivors = Array.from({ length: nodes - isolated }, (_, i) => i + isolated); // nodes 0 … k−1 cut off
      if (clusterShutsDown(nodes, survivors, placement)) down++;
    }
    const p = shutdownProbabilityIsolated(nodes, isolated, shards, 3);
    const half = 1.96 * Math.sqrt((p * (1 - p)) / trials) + 1e-9;
    assert.ok(Math.abs(down / trials - p) <= 1.5 * half, `k = ${isolated}: ${down / trials} vs ${p}`);
  }
  assert.equal(shutdownProbabilityIsolated(16, 8, 48, 3), 1); // no majority left
  assert.equal(shutdownProbabilityIsolated(16, 2, 48, 3), 0); // two nodes cannot hold three replicas
});

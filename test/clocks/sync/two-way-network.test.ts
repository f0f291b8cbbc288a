import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateTwoWayNetwork, type TwoWayAlgorithm } from '../../../src/clocks/sync/network/two-way-network.ts';
import { chainGraph, syncTree } from '../../../src/clocks/sync/network/graph.ts';
import { summariseOffsets } from '../../../src/clocks/sync/network/offset-metrics.ts';
import { InputError } from '../../../src/core/errors.ts';

/** Mean offset (node − reference, ns) of each node over the samples from `fromS` on. */
function meanOffsets(r: ReturnType<typeof simulateTwoWayNetwork>, n: number, fromS: number): number[] {
  return Array.from({ length: n }, (_, v) => {
    let sum = 0;
    let count = 0;
    for (let k = 0; k < r.timesS.length; k++) {
      if (r.timesS[k] < fromS) continue;
      sum += r.errorsNs[k * n + v] - r.errorsNs[k * n];
      count++;
    }
    return sum / count;
  });
}

test('simulated: every two-way algorithm settles h·A/2 off at h hops when each link is A slower forward', () => {
  // The analytic property (one-way-delay.test.ts) checked by simulation: a node h hops from the
  // reference ends up behind it by h·A/2 — the error no exchange of time stamps can see.
  const cases: Array<[TwoWayAlgorithm, 'transparent' | 'boundary', number, number, number, number]> = [
    // algorithm, PTP clocks, asymmetry (ns), duration (s), tolerance (ns), nodes
    ['ptp-e2e', 'transparent', 1000, 200, 10, 5],
    ['ptp-e2e', 'boundary', 1000, 200, 15, 5],
    ['ptp-p2p', 'transparent', 1000, 200, 10, 5],
    ['ptp-p2p', 'boundary', 1000, 200, 15, 5],
    // NTP's loop (time constant PLL·2^poll = 65 s per level) wanders by ~10 µs under 20 µs stack jitter.
    // Two levels below the server only: cascaded NTP loops at a 1 s poll amplify the wander.
    ['ntp', 'transparent', 200_000, 2000, 25_000, 3],
    // Cristian: the client steps to server time + RTT/2 every poll, across the whole path.
    ['cristian', 'transparent', 200_000, 100, 25_000, 4],
  ];
  for (const [algorithm, ptpClocks, a, durationS, tolerance, n] of cases) {
    const r = simulateTwoWayNetwork({
      graph: chainGraph(n, 2), algorithm, ptpClocks, durationS, syncIntervalS: 1, oscillator: 'ocxo', seed: 11, asymmetryNs: a,
    });
    const means = meanOffsets(r, n, durationS / 2);
    for (let h = 1; h < n; h++) {
      assert.ok(Math.abs(means[h] - (-h * a) / 2) <= tolerance, `${algorithm} ${ptpClocks}: node ${h}: ${means[h]} vs ${(-h * a) / 2}`);
    }
  }
});

test('a configured delayAsymmetry (IEEE 1588-2019 §16.8) removes the asymmetry error, E2E and P2P', () => {
  const n = 4;
  for (const algorithm of ['ptp-e2e', 'ptp-p2p'] as const) {
    for (const ptpClocks of ['transparent', 'boundary'] as const) {
      const r = simulateTwoWayNetwork({
        graph: chainGraph(n, 2), algorithm, ptpClocks, durationS: 120, syncIntervalS: 1, oscillator: 'ocxo', seed: 12,
        asymmetryNs: 1000, knownAsymmetryNs: 1000,
      });
      const means = meanOffsets(r, n, 60);
      for (let h = 1; h < n; h++) assert.ok(Math.abs(means[h]) < 15, `${algorithm} ${ptpClocks} node ${h}: ${means[h]}`);
    }
  }
});

test('Berkeley: every round moves all clocks, the master\'s too, to their average', () => {
  const r = simulateTwoWayNetwork({ graph: chainGraph(5, 2), algorithm: 'berkeley', durationS: 60, syncIntervalS: 10, oscillator: 'ocxo', seed: 8 });
  // Right after a round the clocks agree to within the measurement noise (kernel time stamps,
  // 20 µs mean jitter per hop): the summary's offsets stay in tens of µs, from ±1 ms at start.
  assert.ok(r.overall.maxAbsNs < 200_000, `${r.overall.maxAbsNs}`);
  // And the master moved: with Cristian (same seed, same oscillators) the reference runs free.
  const free = simulateTwoWayNetwork({ graph: chainGraph(5, 2), algorithm: 'cristian', durationS: 60, syncIntervalS: 10, oscillator: 'ocxo', seed: 8 });
  const n = 5;
  const last = r.timesS.length - 1;
  assert.ok(Math.abs(r.errorsNs[last * n] - free.errorsNs[last * n]) > 1000);
  assert.equal(r.errorsNs[0], free.errorsNs[0]);
});

test('transparent clocks remove the queueing jitter that boundary clocks pass on', () => {
  const run = (ptpClocks: 'transparent' | 'boundary') => simulateTwoWayNetwork({
    graph: chainGraph(6, 2), algorithm: 'ptp-e2e', ptpClocks, durationS: 200, syncIntervalS: 1, oscillator: 'ocxo', seed: 5,
  });
  const tc = run('transparent');
  const bc = run('boundary');
  assert.ok(tc.overall.rmsNs < bc.overall.rmsNs / 2, `${tc.overall.rmsNs} vs ${bc.overall.rmsNs}`);
  // Boundary clocks accumulate error with depth; the last node is worse than the first.
  assert.ok(bc.nodes[4].rmsNs > bc.nodes[0].rmsNs);
});

test('deterministic: the same seed gives the same clock errors, another seed does not', () => {
  const o = { graph: chainGraph(4, 1), algorithm: 'ptp-p2p' as const, durationS: 50, syncIntervalS: 0.5, oscillator: 'tcxo' as const, seed: 3 };
  const a = simulateTwoWayNetwork(o);
  const b = simulateTwoWayNetwork(o);
  assert.deepEqual(a.errorsNs, b.errorsNs);
  assert.equal(a.messageEvents, b.messageEvents);
  assert.notDeepEqual(simulateTwoWayNetwork({ ...o, seed: 4 }).errorsNs, a.errorsNs);
});

test('summary: convergence, statistics after it, precision as the largest spread', () => {
  // Three nodes, reference 0: node 1 starts 1000 ns off and settles to ±1, node 2 to ±2.
  const times = Float64Array.from({ length: 8 }, (_, i) => i);
  const rows = [[0, 1000, 0], [0, 500, 1], [0, 1, -2], [0, -1, 2], [0, 1, -2], [0, -1, 2], [0, 1, -2], [0, -1, 2]];
  const s = summariseOffsets(times, Float64Array.from(rows.flat()), 3, 0);
  assert.equal(s.convergenceS, 2); // settled max 2 (last quarter); 500 at t = 1 exceeds 4
  assert.deepEqual(s.nodes.map((x) => x.node), [1, 2]);
  assert.equal(s.nodes[0].rmsNs, 1);
  assert.equal(s.nodes[1].maxAbsNs, 2);
  // Largest spread of the three clocks at one instant after convergence: 1 − (−2) = 3.
  assert.equal(s.overall.precisionNs, 3);
});

test('bad input: non-positive duration or interval, unknown algorithm, a disconnected network', () => {
  const base = { graph: chainGraph(3), algorithm: 'ptp-e2e' as const, durationS: 10, syncIntervalS: 1, oscillator: 'ocxo' as const, seed: 1 };
  assert.throws(() => simulateTwoWayNetwork({ ...base, durationS: 0 }), /durationS expected a number > 0, got 0/);
  assert.throws(() => simulateTwoWayNetwork({ ...base, syncIntervalS: -1 }), /syncIntervalS expected a number > 0/);
  assert.throws(() => simulateTwoWayNetwork({ ...base, algorithm: 'gps' as TwoWayAlgorithm }), /algorithm expected one of ptp-e2e, ptp-p2p, ntp, truetime, cristian, berkeley, got 'gps'/);
  assert.throws(() => syncTree({ nodeCount: 3, links: [{ a: 0, b: 1, lengthM: 1 }] }), (e: unknown) => e instanceof InputError && /node 2 cannot reach the reference/.test(e.message));
});

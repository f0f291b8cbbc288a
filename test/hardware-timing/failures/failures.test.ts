import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LINK_STATES, directionWorks, detectionDelayPs, frameErrorProbability, partialPartition, randomFailureSchedule,
} from '../../../src/hardware-timing/failures/index.ts';
import { LiveRouting } from '../../../src/hardware-timing/exactly-once/index.ts';
import { mesh8 } from '../../../src/hardware-timing/topology/index.ts';
import { RandomStream } from '../../../src/core/random/index.ts';

test('four link states: both ways, one way in either direction, dead', () => {
  // OAE spec ch. 3: {11}, {01}, {10}, {00}.
  assert.deepEqual(LINK_STATES.map((s) => [directionWorks(s, true), directionWorks(s, false)]),
    [[true, true], [true, false], [false, true], [false, false]]);
});

test('frame error probability: 1 − (1 − BER)^bits, checked against repeated multiplication and the small-x limit', () => {
  for (const [ber, bits] of [[1e-3, 10], [1e-2, 672], [0.3, 5], [1e-6, 12000]] as const) {
    let survive = 1;
    for (let i = 0; i < bits; i++) survive *= 1 - ber;
    assert.ok(Math.abs(frameErrorProbability(ber, bits) - (1 - survive)) < 1e-12 * Math.max(1, bits), `${ber} ${bits}`);
  }
  // For ber·bits ≪ 1 the probability is ber·bits (to first order): 1e-12 × 672 bits = 6.72e-10.
  assert.ok(Math.abs(frameErrorProbability(1e-12, 672) / 6.72e-10 - 1) < 1e-9);
  assert.equal(frameErrorProbability(0, 672), 0);
  assert.throws(() => frameErrorProbability(2, 8), RangeError);
});

test('detection: loss of signal after 16 blocks of 6.4 ns; silent after one round trip and two cycles', () => {
  // IEEE 802.3 cl. 49.2.13.2.2: 16 invalid sync headers; 10GBASE-R block time 64/10e9 s = 6.4 ns.
  assert.equal(detectionDelayPs('loss-of-signal', 999_999), 102_400);
  assert.equal(detectionDelayPs('silent', 200_000), 200_000 + 12_800);
});

test('random schedules: deterministic per seed, about the rate asked, sorted, failures keep their moments when the rate changes', () => {
  const mesh = mesh8({ rows: 16, cols: 16, wrap: true }); // 1,024 links
  const horizonPs = 1e9;
  const a = randomFailureSchedule(mesh, { linkFailureRate: 0.2, horizonPs }, new RandomStream(7, 1));
  const b = randomFailureSchedule(mesh, { linkFailureRate: 0.2, horizonPs }, new RandomStream(7, 1));
  assert.deepEqual(a, b);
  // Binomial(1024, 0.2): mean 204.8, sd 12.8; within 5 sd.
  assert.ok(Math.abs(a.length - 204.8) < 64, `${a.length}`);
  for (let i = 1; i < a.length; i++) assert.ok(a[i - 1].atPs <= a[i].atPs);
  const more = randomFailureSchedule(mesh, { linkFailureRate: 0.4, horizonPs }, new RandomStream(7, 1));
  const byLink = new Map(more.map((f) => [f.kind === 'link' ? f.link : -1, f]));
  for (const f of a) assert.deepEqual(byLink.get(f.kind === 'link' ? f.link : -1), f);
  const crashes = randomFailureSchedule(mesh, { linkFailureRate: 0, nodeCrashRate: 0.5, horizonPs }, new RandomStream(7, 1));
  assert.ok(crashes.every((f) => f.kind === 'node-crash') && crashes.length > 64);
});

test('a partial partition cuts A from B but both still reach each other through the bridges', () => {
  // 3 × 3 mesh with wrap: every pair of nodes is adjacent, so cut {0} from {1}: the bridges are the rest.
  const mesh = mesh8({ rows: 3, cols: 3, wrap: true });
  const cut = partialPartition(mesh, [0], [1], 5);
  assert.ok(cut.length >= 1 && cut.every((f) => f.kind === 'link' && f.atPs === 5));
  const dead = new Set(cut.map((f) => (f.kind === 'link' ? f.link : -1)));
  const routing = new LiveRouting(mesh, (l) => !dead.has(l));
  assert.equal(routing.hops(0, 1), 2); // no longer adjacent, two hops through a bridge
});

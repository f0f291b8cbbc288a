import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SilenceCounter } from '../../src/failure-detection/mesh/silence-counter.ts';
import { meanRoundTripNs, simulateLinkDetection, type NodeTiming } from '../../src/failure-detection/mesh/link-events.ts';

test('silence counter: declares a port after `threshold` events elsewhere, resets on its own event', () => {
  const c = new SilenceCounter(3, 4);
  // Four events on ports 0 and 1, none on 2: the fourth declares port 2.
  assert.deepEqual([0, 1, 0, 1].map((p) => c.onEvent(p)), [-1, -1, -1, 2]);
  assert.equal(c.isDeclared(2), true);
  assert.equal(c.onEvent(0), -1); // already declared: not again
  c.onEvent(2);
  assert.equal(c.isDeclared(2), false);
  assert.equal(c.countOf(0), 1);
});

const healthy = (load: number, slowdown = 1): NodeTiming => ({
  ports: Array.from({ length: 8 }, (_, p) => ({ cableM: p % 2 === 0 ? 0.5 : 0.71, load })),
  processingNs: 100,
  localSlowdown: slowdown,
});

test('count rule: detection takes exactly `threshold` events, about threshold/7 round trips; no false alarm at steady load', () => {
  const r = simulateLinkDetection({
    timing: healthy(0.3), failedPort: 3, failAtNs: 2e6, countThreshold: 64, timeoutRoundTrips: 8,
    durationNs: 3e6, seed: 1, streamId: 0,
  });
  assert.equal(r.countDetectionEvents, 64);
  assert.equal(r.countFalseAlarms, 0);
  const rtt = meanRoundTripNs(healthy(0.3), 3);
  assert.ok(r.countDetectionNs > 4 * rtt && r.countDetectionNs < 16 * rtt, `${r.countDetectionNs} vs rtt ${rtt}`);
});

test('a node that slows down: the clock rule raises false alarms, the count rule does not', () => {
  const r = simulateLinkDetection({
    timing: healthy(0.1, 20), clockBasis: healthy(0.1), failedPort: 0, failAtNs: Infinity,
    countThreshold: 64, timeoutRoundTrips: 4, durationNs: 1e6, seed: 2, streamId: 0,
  });
  assert.equal(r.countFalseAlarms, 0);
  assert.ok(r.clockFalseAlarms > 0);
});

test('an isolated node (every port silent at once): the count rule never fires, the clock does', () => {
  const r = simulateLinkDetection({
    timing: healthy(0), failedPort: 0, alsoSilent: [1, 2, 3, 4, 5, 6, 7], failAtNs: 1e5,
    countThreshold: 64, timeoutRoundTrips: 8, durationNs: 1e6, seed: 3, streamId: 0,
  });
  assert.equal(r.countDetectionNs, Infinity);
  assert.ok(Number.isFinite(r.clockDetectionNs));
});

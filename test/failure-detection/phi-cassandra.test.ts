import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedStats, CassandraPhiDetector, PHI_FACTOR } from '../../src/failure-detection/detectors/phi-cassandra.ts';
import { readReference } from './reference.ts';

// apache/cassandra ArrivalWindowTest / ArrayBackedBoundedStatsTest and FailureDetector.java, as
// recorded in data/reference/failure-detection/cassandra-phi-test-vectors.json.
const vectors = readReference('cassandra-phi-test-vectors.json');
const [arrival, bounded, rounds] = vectors.test_cases;

test('ArrivalWindowTest.testWithNanoTime: window of 4, phi at 666 ms and 3000 ms', () => {
  // Gossiper's default interval is 1 s, so INITIAL_VALUE = MAX_INTERVAL = 2 s.
  const fd = new CassandraPhiDetector({ threshold: 8, initialIntervalUs: 2_000_000, windowSize: arrival.window_size });
  arrival.add_ms.forEach((ms: number, k: number) => fd.heartbeat(k, ms * 1000));
  assert.deepEqual(Array.from(fd.stats.values).map((us) => us / 1000), arrival.window_after_adds_ms);
  for (const p of arrival.phi_at_ms) {
    const phi = fd.phiRaw(p.tnow * 1000);
    assert.ok(Math.abs(phi - p.expected) <= p.tol, `${p.tnow}: ${phi}`);
    if (p.scaled_by_PHI_FACTOR !== undefined) assert.ok(Math.abs(phi * PHI_FACTOR - p.scaled_by_PHI_FACTOR) < 1e-4);
  }
});

test('ArrayBackedBoundedStatsTest: ring contents and mean, empty mean 0, 1001 rounds', () => {
  const s = new BoundedStats(bounded.size);
  assert.equal(s.mean, bounded.empty_mean);
  for (const x of bounded.adds) s.add(x);
  assert.deepEqual(Array.from(s.values).sort((a, b) => a - b), bounded.expected_contents_sorted);
  assert.equal(s.mean, bounded.expected_mean);
  const r = new BoundedStats(rounds.size);
  for (let x = 0; x <= 1000; x++) r.add(x);
  assert.deepEqual(Array.from(r.values).sort((a, b) => a - b), rounds.expected_contents);
});

test('convicts after a silence longer than 18.42 × the mean interval at threshold 8', () => {
  assert.ok(Math.abs(8 / PHI_FACTOR - vectors.convict_when_t_exceeds_mean_times) < 1e-9);
  const fd = new CassandraPhiDetector({ threshold: 8, initialIntervalUs: 2_000_000 });
  // 2000 heartbeats 1 s apart: the initial 2 s value has left the 1000-sample window.
  for (let i = 0; i < 2000; i++) fd.heartbeat(i, i * 1_000_000);
  const last = 1999 * 1_000_000;
  assert.equal(fd.suspectFromUs(), last + 8 * Math.log(10) * 1_000_000);
  assert.equal(fd.convicts(last + 18.42 * 1_000_000), false);
  assert.equal(fd.convicts(last + 18.43 * 1_000_000), true);
});

test('intervals above MAX_INTERVAL are not recorded (a partition does not stretch the mean)', () => {
  const fd = new CassandraPhiDetector({ threshold: 8, initialIntervalUs: 2_000_000, windowSize: 4 });
  fd.heartbeat(0, 0);
  fd.heartbeat(1, 1_000_000);
  fd.heartbeat(2, 60_000_000); // 59 s silence: ignored
  assert.equal(fd.stats.mean, (2_000_000 + 1_000_000) / 2);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AKKA_DEFAULTS, AkkaPhiDetector, akkaPhi, akkaThresholdY,
} from '../../src/failure-detection/detectors/phi-akka.ts';
import { HeartbeatHistory } from '../../src/failure-detection/detectors/heartbeat-history.ts';
import { readReference } from './reference.ts';

// akka/akka@9892c5e akka-remote/src/test/scala/akka/remote/AccrualFailureDetectorSpec.scala,
// as recorded in data/reference/failure-detection/akka-phi-test-vectors.json.
const vectors = readReference('akka-phi-test-vectors.json');
const cdf = (phi: number) => 1 - 10 ** -phi; // the spec's cdf(phi)

test('Akka spec "use good enough cumulative distribution function": every case within its tolerance', () => {
  for (const c of vectors.cdf_cases) {
    const phi = akkaPhi(c.timeDiff, c.mean, c.stdDeviation);
    assert.ok(Math.abs(cdf(phi) - c.expected_cdf) <= c.tolerance, `timeDiff ${c.timeDiff}: cdf ${cdf(phi)}`);
    assert.ok(Math.abs(phi - c.akka_phi) < 1e-6, `timeDiff ${c.timeDiff}: phi ${phi} vs Akka's ${c.akka_phi}`);
  }
  for (let x = 0; x < 40; x++) assert.ok(akkaPhi(x, 0, 10) < akkaPhi(x + 1, 0, 10), `monotone at ${x}`);
});

test('Akka spec outliers: phi(10, 0, 1) ≈ 38 ± 1 and phi(−25, 0, 1) = 0 without overflow', () => {
  for (const c of vectors.outlier_cases) {
    const phi = akkaPhi(c.timeDiff, c.mean, c.stdDeviation);
    assert.ok(Math.abs(phi - c.expected_phi) <= c.tolerance, `${c.timeDiff}: ${phi}`);
    assert.ok(Math.abs(phi - c.akka_phi) < 1e-6);
  }
});

test('Akka spec "return realistic phi values" (± 0.1), and larger σ gives lower phi', () => {
  for (const c of vectors.realistic_phi_cases) {
    const phi = akkaPhi(c.timeDiff, c.mean, c.stdDeviation);
    assert.ok(Math.abs(phi - c.expected_phi) <= c.tolerance + 1e-12, `${c.timeDiff}: ${phi}`);
  }
  assert.ok(akkaPhi(1100, 1000, 500) < akkaPhi(1100, 1000, 100));
});

test('Akka HeartbeatHistory statistics: population mean and variance over the last maxSampleSize', () => {
  for (const c of vectors.stats_cases) {
    const h = new HeartbeatHistory(c.maxSampleSize);
    for (const s of c.samples) h.add(s);
    if (c.mean !== undefined) assert.ok(Math.abs(h.mean - c.mean) < 1e-5, `mean of ${c.samples}`);
    assert.ok(Math.abs(h.variance - c.variance) < 1e-5, `variance of ${c.samples}: ${h.variance}`);
    if (c.window) assert.deepEqual(h.toArray(), c.window);
  }
});

/** Replays a spec sequence: each call reads the fake clock once (clock_intervals, in ms). */
function replay(c: any, options: Partial<typeof AKKA_DEFAULTS>): Array<number | boolean> {
  const times: number[] = [];
  let t = 0;
  for (const dt of c.clock_intervals) { t += dt; times.push(t * 1000); } // ms → µs
  const fd = new AkkaPhiDetector(options);
  const out: Array<number | boolean> = [];
  c.calls.forEach((call: string, k: number) => {
    const now = times[k];
    if (call === 'heartbeat' || call === 'hb') fd.heartbeat(k, now);
    else if (call.startsWith('phi')) out.push(fd.phi(now));
    else if (call === 'isAvailable') out.push(fd.isAvailable(now));
    else throw new Error(call);
  });
  return out;
}

const SPEC = { // spec_test_defaults, in µs
  threshold: 8, maxSampleSize: 1000, minStdDeviationUs: 100_000, acceptableHeartbeatPauseUs: 0, firstHeartbeatEstimateUs: 1_000_000,
};

test('Akka spec heartbeat sequences: first-heartbeat guess, dead after missed heartbeats, acceptable pause, maxSampleSize', () => {
  const [guess, dead, accept, fail, window] = vectors.sequence_cases;
  const g = replay(guess, SPEC) as number[];
  assert.ok(Math.abs(g[0] - 0.3) <= 0.2 && Math.abs(g[1] - 4.5) <= 0.3 && g[2] > 15, `${g}`);
  g.forEach((phi, k) => assert.ok(Math.abs(phi - guess.simulated[k]) < 1e-3));
  assert.deepEqual(replay(dead, { ...SPEC, threshold: 3 }), dead.expected);
  assert.deepEqual(replay(accept, { ...SPEC, acceptableHeartbeatPauseUs: 3_000_000 }), accept.expected);
  assert.deepEqual(replay(fail, { ...SPEC, acceptableHeartbeatPauseUs: 3_000_000 }), fail.expected);
  const [phi1, phi2] = replay(window, { ...SPEC, maxSampleSize: 3 }) as number[];
  assert.ok(Math.abs(phi2 - phi1) <= 0.001, `${phi1} ${phi2}`);
});

test('Akka spec: phi is 0 with no heartbeat, > 0 after the second; isMonitoring after a heartbeat', () => {
  const fd = new AkkaPhiDetector(SPEC);
  assert.equal(fd.phi(5_000_000), 0);
  assert.equal(fd.isMonitoring, false);
  fd.heartbeat(0, 0);
  assert.ok(fd.phi(100_000) > 0);
  fd.heartbeat(1, 100_000);
  assert.ok(fd.phi(200_000) > 0);
  assert.equal(fd.isMonitoring, true);
});

test('Akka spec: available again after a 5-minute pause, unavailable after a 7 s one (threshold 8, pause 3 s)', () => {
  const intervals = [0, ...Array(999).fill(1000), 5 * 60 * 1000, 100, 900, 100, 7000, 100, 900, 100, 900];
  const times: number[] = [];
  let t = 0;
  for (const dt of intervals) { t += dt; times.push(t * 1000); }
  const fd = new AkkaPhiDetector({ ...SPEC, acceptableHeartbeatPauseUs: 3_000_000 });
  let k = 0;
  const hb = () => fd.heartbeat(k, times[k++]);
  const avail = () => fd.isAvailable(times[k++]);
  for (let i = 0; i < 1000; i++) hb();
  assert.equal(avail(), false);
  hb(); assert.equal(avail(), true);
  hb(); assert.equal(avail(), false);
  hb(); assert.equal(avail(), true);
  hb(); assert.equal(avail(), true);
});

test('suspectFromUs is where phi crosses the threshold, and matches phi-threshold-detection-times.json', () => {
  const table = readReference('phi-threshold-detection-times.json');
  for (const row of table.rows) {
    assert.ok(Math.abs(akkaThresholdY(row.threshold) - row.z_star_akka_logistic) < 1e-3, `θ = ${row.threshold}`);
    // Akka defaults at steady 1000 ms intervals: mean 1000 + pause 3000, σ floored at 100 ms.
    const fd = new AkkaPhiDetector({ ...AKKA_DEFAULTS, threshold: row.threshold, firstHeartbeatEstimateUs: 1_000_000 });
    for (let i = 0; i <= 1000; i++) fd.heartbeat(i, i * 1_000_000);
    const silenceMs = (fd.suspectFromUs() - 1000 * 1_000_000) / 1000;
    assert.ok(Math.abs(silenceMs - row.akka_defaults_silence_ms_to_suspect) <= 1, `θ = ${row.threshold}: ${silenceMs}`);
    const d = fd.suspectFromUs();
    assert.ok(fd.phi(d - 1) < row.threshold && fd.phi(d + 1) >= row.threshold);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NormalPhiDetector, normalPhi, normalThresholdZ } from '../../src/failure-detection/detectors/phi-normal.ts';
import { readReference } from './reference.ts';

const akka = readReference('akka-phi-test-vectors.json');
const thresholds = readReference('phi-threshold-detection-times.json');

test('exact normal phi matches the exact_* columns of the Akka vectors (where the logistic differs)', () => {
  for (const c of akka.realistic_phi_cases) {
    assert.ok(Math.abs(normalPhi(c.timeDiff, c.mean, c.stdDeviation) - c.exact_phi) < 1e-3, `${c.timeDiff}`);
  }
  for (const c of akka.cdf_cases) {
    const cdf = 1 - 10 ** -normalPhi(c.timeDiff, c.mean, c.stdDeviation);
    assert.ok(Math.abs(cdf - c.exact_normal_cdf) < 1e-6, `${c.timeDiff}`);
  }
  assert.ok(Math.abs(normalPhi(10, 0, 1) - akka.outlier_cases[0].exact_phi) < 1e-5);
});

test('z*(θ) of the exact normal tail (phi-threshold-detection-times.json)', () => {
  for (const row of thresholds.rows) {
    assert.ok(Math.abs(normalThresholdZ(row.threshold) - row.z_star_exact_normal) < 1e-3, `θ = ${row.threshold}`);
  }
});

test('suspectFromUs = last + μ + z*σ of the window, and phi crosses θ there', () => {
  const fd = new NormalPhiDetector({ threshold: 8, windowSize: 4, firstHeartbeatEstimateUs: 1_000_000 });
  const arrivals = [0, 1_000_000, 2_100_000, 2_900_000, 4_000_000, 5_000_000];
  arrivals.forEach((t, k) => fd.heartbeat(k, t));
  // window: the last 4 intervals (bootstrap entries pushed out): 1.1, 0.8, 1.1, 1.0 s
  const w = [1_100_000, 800_000, 1_100_000, 1_000_000];
  const mean = w.reduce((a, b) => a + b) / 4;
  const sd = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / 4);
  const expected = 5_000_000 + mean + normalThresholdZ(8) * sd;
  assert.ok(Math.abs(fd.suspectFromUs() - expected) < 1e-6);
  assert.ok(fd.phi(expected - 10) < 8 && fd.phi(expected + 10) > 8);
});

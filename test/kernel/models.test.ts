import { nfdSAnalyticQos } from '../../src/failure-detection/qos/nfd-s-analytic.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clockEnsembleRaw, expectedOffsetMeanSquareS2, expectedOffsetSquareS2, sumOfMinima, runHeartbeat,
  normalPair, CLOCK_ENSEMBLE_DEFAULTS, HEARTBEAT_DEFAULTS, type ClockEnsembleParams,
} from '../../src/kernel/index.ts';
import { philox4x32 } from '../../src/core/random/philox.ts';

test('Σ_{a,b ≤ n} min(a, b) = n(n+1)(2n+1)/6 (derived closed form against the double sum)', () => {
  for (let n = 0; n <= 60; n++) {
    let brute = 0;
    for (let a = 1; a <= n; a++) for (let b = 1; b <= n; b++) brute += Math.min(a, b);
    assert.equal(sumOfMinima(n), brute);
  }
});

test('offset variance between syncs: the derived formula against a direct covariance sum', () => {
  // Var(Σ_{i=t+1}^{t+n} y_i) for y_i = Σ_{j ≤ i} z_j is Σ_i Σ_i' min(i, i'), summed directly.
  const p: ClockEnsembleParams = { ...CLOCK_ENSEMBLE_DEFAULTS, syncIntervalSteps: 7, whiteFmSigma: 0, initialSkewSigma: 0, jitterS: 0, asymmetryS: 0, randomWalkFmSigma: 1, stepS: 1, frequencyGain: 0 };
  for (const updates of [1, 5, 7, 8, 13, 20, 31]) {
    const t = Math.floor(updates / 7) * 7;
    let direct = 0;
    for (let i = t + 1; i <= updates; i++) for (let j = t + 1; j <= updates; j++) direct += Math.min(i, j);
    assert.equal(expectedOffsetSquareS2(p, updates), direct);
  }
});

/** Mean square offset of a run and its standard error, from the clocks' own time averages. */
function meanSquareWithError(params: ClockEnsembleParams, seed: number): [number, number] {
  const raw = clockEnsembleRaw(params, { seed, engine: 'simd' });
  const perClock = Array.from(raw.sumSquaredOffsetS2, (v) => v / params.steps);
  const mean = perClock.reduce((a, b) => a + b, 0) / perClock.length;
  const variance = perClock.reduce((a, b) => a + (b - mean) ** 2, 0) / (perClock.length - 1);
  return [mean, Math.sqrt(variance / perClock.length)];
}

test('clock ensemble by simulation matches the derived E[x²] (white FM, random-walk FM, skew, jitter, asymmetry)', () => {
  const cases: ClockEnsembleParams[] = [
    // white FM alone, one long interval: E[x²] grows as n·σ_w²τ0².
    { ...CLOCK_ENSEMBLE_DEFAULTS, clocks: 512, steps: 400, syncIntervalSteps: 1000, whiteFmSigma: 1e-9, randomWalkFmSigma: 0, initialSkewSigma: 0, frequencyGain: 0 },
    // random-walk FM alone, no sync: n(n+1)(2n+1)/6 growth.
    { ...CLOCK_ENSEMBLE_DEFAULTS, clocks: 512, steps: 400, syncIntervalSteps: 1000, whiteFmSigma: 0, randomWalkFmSigma: 1e-10, initialSkewSigma: 0, frequencyGain: 0 },
    // everything, with syncs every 50 steps.
    { ...CLOCK_ENSEMBLE_DEFAULTS, clocks: 512, steps: 400, syncIntervalSteps: 50, whiteFmSigma: 1e-8, randomWalkFmSigma: 1e-10, initialSkewSigma: 1e-7, jitterS: 2e-7, asymmetryS: 1e-7, frequencyGain: 0 },
  ];
  for (const [index, params] of cases.entries()) {
    const [mean, stdErr] = meanSquareWithError(params, 100 + index);
    const expected = expectedOffsetMeanSquareS2(params);
    assert.ok(Math.abs(mean - expected) < 4 * stdErr, `case ${index}: simulated ${mean} ± ${stdErr}, derived ${expected}`);
    assert.ok(stdErr < 0.1 * expected, `case ${index}: the test resolves 10%`);
  }
});

test('the heartbeat kernel agrees with the NFD-S closed forms within its intervals', () => {
  const cases = [
    { ...HEARTBEAT_DEFAULTS, streams: 64, periods: 20_000 },
    { ...HEARTBEAT_DEFAULTS, streams: 64, periods: 4_000, etaS: 1, deltaS: 0.05, meanDelayS: 0.02, lossProbability: 0.05 },
    { ...HEARTBEAT_DEFAULTS, streams: 64, periods: 4_000, etaS: 0.5, deltaS: 1.2, meanDelayS: 0.4, lossProbability: 0.2 },
  ];
  for (const [index, params] of cases.entries()) {
    const s = runHeartbeat(params, { seed: 9 + index });
    // The closed forms live in src/failure-detection (tested there against the check case).
    const q = nfdSAnalyticQos(params.etaS, params.deltaS, params.lossProbability, { kind: 'exp', meanS: params.meanDelayS });
    const rate = 1 / q.mistakeRecurrenceS;
    assert.ok(Math.abs(s.mistakeRatePerS - rate) < 4 * s.mistakeRateStdErrPerS, `case ${index}: rate ${s.mistakeRatePerS} ± ${s.mistakeRateStdErrPerS} vs ${rate}`);
    assert.ok(Math.abs(s.mistakeDurationS - q.mistakeDurationS) < 4 * s.mistakeDurationStdErrS, `case ${index}: T_M ${s.mistakeDurationS} ± ${s.mistakeDurationStdErrS} vs ${q.mistakeDurationS}`);
    assert.ok(Math.abs(s.availability - q.queryAccuracy) < 4 * s.availabilityStdErr, `case ${index}: P_A ${s.availability} ± ${s.availabilityStdErr} vs ${q.queryAccuracy}`);
  }
});

test('the Box–Muller pair is standard normal (moments and a Kolmogorov–Smirnov check)', () => {
  const block = new Uint32Array(4);
  const out = new Float64Array(2);
  const values: number[] = [];
  for (let i = 0; i < 50_000; i++) {
    philox4x32(i, 0, 7, 0, 1, 2, block);
    normalPair(block[0], block[1], block[2], out);
    values.push(out[0], out[1]);
  }
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  assert.ok(Math.abs(mean) < 4 / Math.sqrt(n));
  assert.ok(Math.abs(variance - 1) < 4 * Math.sqrt(2 / n));
  // KS against Φ (erf by Abramowitz & Stegun 7.1.26, |error| < 1.5e-7).
  const phi = (x: number) => {
    const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
    const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x / 2);
    return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
  };
  values.sort((a, b) => a - b);
  let d = 0;
  for (let i = 0; i < n; i++) d = Math.max(d, Math.abs(phi(values[i]) - (i + 0.5) / n));
  assert.ok(d < 1.63 / Math.sqrt(n), `KS distance ${d}`); // 1% critical value
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MEMBERLIST_LAN, NS_PER_S, remainingSuspicionTimeNs, retransmitLimit, suspicionConfirmations, suspicionTimeoutNs,
} from '../../src/failure-detection/detectors/memberlist-timing.ts';
import { SuspicionTimer } from '../../src/failure-detection/detectors/suspicion-timer.ts';
import { Awareness } from '../../src/failure-detection/detectors/awareness.ts';
import {
  SwimDetector, simulateSwimFirstDetection, swimDetectionFactor, swimExpectedDetectionPeriods, swimFalsePositiveProbability,
} from '../../src/failure-detection/detectors/swim.ts';
import { RandomStream } from '../../src/core/random/index.ts';
import { CrashRecorder } from '../../src/failure-detection/qos/qos-accumulator.ts';
import { readReference } from './reference.ts';

// hashicorp/memberlist@1b4c746 tests and DefaultLANConfig, as recorded in
// data/reference/failure-detection/memberlist-lifeguard-test-vectors.json.
const v = readReference('memberlist-lifeguard-test-vectors.json');
const S = NS_PER_S;

test('TestSuspicion_remainingSuspicionTime (suspicion_test.go:11-33)', () => {
  for (const c of v['TestSuspicion_remainingSuspicionTime (suspicion_test.go:11-33)']) {
    const got = remainingSuspicionTimeNs(c.n, c.k, c.elapsed_s * S, c.min_s * S, c.max_s * S);
    assert.equal(got, Math.round(c.expected_s * 1000) * 1_000_000, `n = ${c.n}`);
  }
});

test('TestSuspicion_Timer (suspicion_test.go:35-162): fire times with 0-3 confirmations, 25 ms apart', () => {
  // The Go test confirms every 25 ms ("fudge") and checks the timer fires within ±25 ms of the
  // expected time; the timer itself computes floor-to-ms values (811 ms for "810").
  const cases = v['TestSuspicion_Timer (suspicion_test.go:35-162; k=3, min=500ms, max=2s)'].filter((c: any) => c.confirmations !== undefined);
  const ms = 1_000_000;
  for (const c of cases) {
    const timer = new SuspicionTimer('me', 3, 500 * ms, 2000 * ms, 0);
    const from = ['me', 'foo', 'bar', 'baz'];
    let t = 0;
    const news: boolean[] = [];
    for (let k = 0; k <= c.confirmations; k++) { t += 25 * ms; news.push(timer.confirm(from[k], t)); }
    assert.deepEqual(news, [false, ...Array(c.confirmations).fill(true)]);
    assert.ok(Math.abs(timer.fireAtNs - c.expected_fire_ms * ms) <= 25 * ms, `${c.confirmations}: ${timer.fireAtNs / ms} ms`);
    assert.equal(timer.confirmations, c.confirmations);
  }
  // Duplicates, and anything beyond k, are not new information.
  const timer = new SuspicionTimer('me', 3, 500 * ms, 2000 * ms, 0);
  assert.equal(timer.confirm('foo', ms), true);
  assert.equal(timer.confirm('foo', 2 * ms), false);
  for (const f of ['bar', 'baz']) timer.confirm(f, 3 * ms);
  assert.equal(timer.confirm('zoo', 4 * ms), false);
  assert.equal(timer.fireAtNs, 500 * ms);
  // k = 0: the min timeout from the start (TestSuspicion_Timer_ZeroK).
  assert.equal(new SuspicionTimer('me', 0, 25 * ms, 30 * S, 0).fireAtNs, 25 * ms);
});

test('TestSuspicionTimeout and TestRetransmitLimit (util_test.go)', () => {
  for (const c of v['TestSuspicionTimeout (util_test.go:76-91)']) {
    assert.equal(suspicionTimeoutNs(3, c.n, S) / 3, c.expected_s * S, `n = ${c.n}`);
  }
  for (const c of v['TestRetransmitLimit (util_test.go:93-106)']) assert.equal(retransmitLimit(c.mult, c.n), c.expected);
});

test('TestAwareness: score rails at 0 and max − 1, timeout scales by score + 1', () => {
  const a = new Awareness(8);
  for (const c of v['TestAwareness (awareness_test.go ~11-40; max=8, base timeout 1s)']) {
    a.applyDelta(c.delta);
    assert.equal(a.score, c.score);
    assert.equal(a.scaleTimeout(S), c.timeout_s * S);
  }
});

test('worked defaults: min, max, k and the timeout after C confirmations, DefaultLANConfig', () => {
  const d = MEMBERLIST_LAN;
  for (const c of v.worked_defaults) {
    const min = suspicionTimeoutNs(d.suspicionMult, c.n, d.probeIntervalNs);
    const max = d.suspicionMaxTimeoutMult * min;
    assert.equal(min / S, c.min_s, `n = ${c.n}`);
    assert.equal(max / S, c.max_s);
    const k = suspicionConfirmations(d.suspicionMult, c.n);
    assert.equal(k, c.k);
    c.timeout_with_C_confirmations_s.forEach((expected: number, C: number) => {
      // C = 0 is the timer's start value (max, or min when k = 0); C ≥ 1 re-arms it.
      const got = (C === 0 ? new SuspicionTimer('me', k, min, max, 0).fireAtNs : remainingSuspicionTimeNs(C, k, 0, min, max)) / S;
      assert.ok(Math.abs(got - expected) <= 0.0011, `n = ${c.n}, C = ${C}: ${got}`);
    });
    assert.equal(retransmitLimit(d.retransmitMult, c.n), c.retransmit_limit);
  }
});

test('SWIM formulas (swim-formulas.json): detection-time factor and false-positive probability', () => {
  const f = readReference('swim-formulas.json');
  for (const r of f.detection_time_factor) assert.ok(Math.abs(swimDetectionFactor(r.q_f) - r['E[T]/T\'']) < 6e-4, `q_f ${r.q_f}`);
  for (const r of f.false_positive_given_probe) {
    assert.ok(Math.abs(swimFalsePositiveProbability(r.q_ml, r.q_f, r.k) / r.P_fp - 1) < 1e-9, `${r.q_ml} ${r.k}`);
  }
});

test('SWIM group simulation: periods to first detection within the CI of 1/(1 − (1 − 1/(n−1))^((n−1)q_f)), near swim-formulas.json for large n', () => {
  const f = readReference('swim-formulas.json');
  const rng = new RandomStream(7, 0);
  for (const r of f.detection_time_factor) {
    const n = 200;
    const periods = simulateSwimFirstDetection(rng, n, r.q_f, 3000);
    let sum = 0, sq = 0;
    for (const p of periods) { sum += p; sq += p * p; }
    const mean = sum / periods.length;
    const sd = Math.sqrt(sq / periods.length - mean * mean);
    const exact = swimExpectedDetectionPeriods(n, r.q_f);
    assert.ok(Math.abs(mean - exact) <= 1.5 * 1.96 * sd / Math.sqrt(periods.length), `q_f ${r.q_f}: ${mean} vs ${exact}`);
    // The paper's large-n limit (swim-formulas.json) is within 1 % at n = 200.
    assert.ok(Math.abs(exact / r['E[T]/T\''] - 1) < 0.01, `q_f ${r.q_f}: ${exact} vs ${r['E[T]/T\'']}`);
  }
});

test('SwimDetector on a trace: a crash is suspected at the end of the first failed period; Lifeguard declares it dead when memberlist\'s timer fires', () => {
  const etaUs = 1000;
  const arrivalUs = Float64Array.from({ length: 20 }, (_, i) => i * etaUs + 10); // acks 10 µs after each ping
  const delay = { kind: 'exp', meanS: 1e-6 } as const;
  const crashAtUs = 2500; // periods 0-2 answered; period 3 (σ = 3000) fails
  const swim = new CrashRecorder(crashAtUs);
  new SwimDetector({ variant: 'swim', lossProbability: 0, delay, seed: 1, streamId: 0 }).run({ etaUs, arrivalUs }, swim, Infinity, crashAtUs);
  assert.equal(swim.detectionTimeUs(), 4000 - 2500);
  // Lifeguard, n = 8 (k = 2, min = 4 periods, max = 24): the timer starts at 4000 µs; the failed
  // period ending at 5000 confirms (timeout 11 ms from the start), the one ending at 6000
  // confirms again (k reached: min, 4 ms from the start) → dead at 8000 µs.
  const lifeguard = new CrashRecorder(crashAtUs);
  new SwimDetector({ variant: 'lifeguard', lossProbability: 0, delay, seed: 1, streamId: 0 }).run({ etaUs, arrivalUs }, lifeguard, Infinity, crashAtUs);
  assert.equal(lifeguard.detectionTimeUs(), 8000 - 2500);
  // No crash, no loss: never suspected.
  const steady = new CrashRecorder(Infinity);
  new SwimDetector({ variant: 'lifeguard', lossProbability: 0, delay, seed: 1, streamId: 0 }).run({ etaUs, arrivalUs }, steady, 20 * etaUs);
  assert.equal(steady.detectionTimeUs(), Infinity);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runHeartbeat, HEARTBEAT_DEFAULTS } from '../../src/kernel/index.ts';
import { nfdSAnalyticQos } from '../../src/failure-detection/qos/nfd-s-analytic.ts';
import { measureAccuracy } from '../../src/failure-detection/qos/evaluate.ts';
import { generateTrace } from '../../src/failure-detection/trace/heartbeat-trace.ts';
import { ntpOffset } from '../../src/clocks/sync/ntp/on-wire.ts';
import { twoWayTimestamps } from '../../src/clocks/sync/index.ts';
import { Z95 } from '../../src/failure-detection/qos/confidence.ts';

// The kernels are simplified forms of the failure-detection and clock-sync models (issues 9, 10):
// here they are compared with those models directly.

test('heartbeat kernel vs the failure-detection NFD-S closed form (src/failure-detection/qos/nfd-s-analytic.ts)', () => {
  const cases = [
    { etaS: 1, deltaS: 1, lossProbability: 0.01, meanS: 0.02 },
    { etaS: 1, deltaS: 0.05, lossProbability: 0.05, meanS: 0.02 },
    { etaS: 0.5, deltaS: 1.2, lossProbability: 0.2, meanS: 0.4 },
  ];
  for (const [index, c] of cases.entries()) {
    const s = runHeartbeat({ ...HEARTBEAT_DEFAULTS, streams: 64, periods: 4000, etaS: c.etaS, deltaS: c.deltaS, lossProbability: c.lossProbability, meanDelayS: c.meanS }, { seed: 31 + index });
    const q = nfdSAnalyticQos(c.etaS, c.deltaS, c.lossProbability, { kind: 'exp', meanS: c.meanS });
    assert.ok(Math.abs(s.mistakeRatePerS - 1 / q.mistakeRecurrenceS) < 4 * s.mistakeRateStdErrPerS, `case ${index} rate`);
    assert.ok(Math.abs(s.mistakeDurationS - q.mistakeDurationS) < 4 * s.mistakeDurationStdErrS, `case ${index} T_M`);
    assert.ok(Math.abs(s.availability - q.queryAccuracy) < 4 * s.availabilityStdErr, `case ${index} P_A`);
  }
});

test('heartbeat kernel vs the failure-detection NFD-S detector simulated on a heartbeat trace (check case)', () => {
  const etaS = 1, deltaS = 1, lossProbability = 0.01, delay = { kind: 'exp', meanS: 0.02 } as const;
  const trace = generateTrace({ count: 150_000, etaS, lossProbability, delay, seed: 10 });
  const theirs = measureAccuracy({ name: 'nfd-s', etaS, deltaS, lossProbability, delay, seed: 10 }, trace, 10e6);
  const ours = runHeartbeat({ ...HEARTBEAT_DEFAULTS, streams: 64, periods: 4000, etaS, deltaS, lossProbability, meanDelayS: delay.meanS }, { seed: 3 });
  const se = (m: { ciLow: number; ciHigh: number }) => (m.ciHigh - m.ciLow) / (2 * Z95);
  const agree = (what: string, a: number, seA: number, b: number, seB: number) =>
    assert.ok(Math.abs(a - b) < 4 * Math.hypot(seA, seB), `${what}: kernel ${a} ± ${seA}, detector ${b} ± ${seB}`);
  // The detector reports recurrence times; compare rates (1/T_MR) with the delta-method error.
  const theirRate = 1 / theirs.mistakeRecurrenceS.mean;
  agree('mistake rate (1/s)', ours.mistakeRatePerS, ours.mistakeRateStdErrPerS, theirRate, theirRate * se(theirs.mistakeRecurrenceS) / theirs.mistakeRecurrenceS.mean);
  agree('E(T_M) (s)', ours.mistakeDurationS, ours.mistakeDurationStdErrS, theirs.mistakeDurationS.mean, se(theirs.mistakeDurationS));
  agree('P_A', ours.availability, ours.availabilityStdErr, theirs.queryAccuracy.mean, se(theirs.queryAccuracy));
});

test('the clock kernel\'s sync step is the two-way (NTP on-wire) estimate of src/clocks/sync, with forward = reference → clock', () => {
  // Kernel (src/kernel/README.md): measured = x + (d_fwd − d_back)/2 for a clock at offset x from
  // the reference. In src/clocks/sync the client is the clock, the server the reference:
  // offset = server − client = −x, and the NTP offset θ = ((t2 − t1) + (t3 − t4))/2.
  fc.assert(fc.property(
    fc.double({ min: -1e-3, max: 1e-3, noNaN: true }), fc.double({ min: 0, max: 1e-3, noNaN: true }), fc.double({ min: 0, max: 1e-3, noNaN: true }),
    (x, dFwd, dBack) => {
      const kernelMeasured = x + (dFwd - dBack) * 0.5;
      const t = twoWayTimestamps({ t1: 100, offset: -x, forwardDelay: dBack, returnDelay: dFwd, turnaround: 1e-6 });
      const clockEstimate = -ntpOffset(t);
      assert.ok(Math.abs(clockEstimate - kernelMeasured) <= 1e-12, `${clockEstimate} vs ${kernelMeasured}`);
    }), { numRuns: 500 });
});

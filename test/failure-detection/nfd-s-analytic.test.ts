import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nfdSAnalyticQos, nfdSSuspectProbability } from '../../src/failure-detection/qos/nfd-s-analytic.ts';
import { measureAccuracy, measureDetection } from '../../src/failure-detection/qos/evaluate.ts';
import { generateTrace } from '../../src/failure-detection/trace/heartbeat-trace.ts';
import type { DelayDistribution } from '../../src/failure-detection/trace/delay-distribution.ts';

const EXP20: DelayDistribution = { kind: 'exp', meanS: 0.02 };

test('closed form: the issue\'s check case η = δ = 1 s, p_L = 0.01, Exp(20 ms) → E(T_MR) ≈ 101 s, E(T_M) ≈ 0.030 s, P_A ≈ 0.9997', () => {
  const q = nfdSAnalyticQos(1, 1, 0.01, EXP20);
  assert.ok(Math.abs(q.mistakeRecurrenceS - 101) < 0.05, `${q.mistakeRecurrenceS}`);
  assert.ok(Math.abs(q.mistakeDurationS - 0.030) < 0.0005, `${q.mistakeDurationS}`);
  assert.ok(Math.abs(q.queryAccuracy - 0.9997) < 0.00005, `${q.queryAccuracy}`);
  // By hand for this case: u(0) = 1 − 0.99·(1 − e^−50) ≈ 0.01, p_S = 0.99·u(0) and
  // ∫u = 0.01·(0.01 + 0.99·0.02·(1 − e^−50)) in closed form for the exponential.
  const integral = 0.01 * (0.01 + 0.99 * 0.02);
  assert.ok(Math.abs(q.pS - 0.99 * 0.01) < 1e-8);
  assert.ok(Math.abs(q.mistakeDurationS - integral / q.pS) < 1e-6);
  assert.ok(Math.abs(q.queryAccuracy - (1 - integral)) < 1e-8);
});

test('u(x) boundary cases: no loss and a delay that always fits → never suspects; certain loss → always', () => {
  const tiny: DelayDistribution = { kind: 'pareto', xMinS: 1e-3, alpha: 50 };
  assert.ok(nfdSSuspectProbability(0.5, 1, 0.5, 0, tiny) < 1e-12);
  assert.equal(nfdSSuspectProbability(0.5, 1, 0.5, 1, tiny), 1);
});

/** Simulated QoS agrees with the closed form within its 95 % confidence interval (widened 1.5×). */
function agrees(name: string, sim: { mean: number; ciLow: number; ciHigh: number }, exact: number) {
  const half = 1.5 * (sim.ciHigh - sim.ciLow) / 2;
  assert.ok(Math.abs(sim.mean - exact) <= half, `${name}: simulated ${sim.mean} ± ${half}, closed form ${exact}`);
}

for (const [label, etaS, deltaS, lossP, delay] of [
  ['check case (η = δ = 1 s, p_L = 0.01, Exp 20 ms)', 1, 1, 0.01, EXP20],
  ['frequent mistakes (η = 1 s, δ = 0.05 s, p_L = 0.05, Exp 20 ms)', 1, 0.05, 0.05, EXP20],
  ['lognormal delays crossing periods (η = 0.1 s, δ = 0.02 s, p_L = 0.02)', 0.1, 0.02, 0.02, { kind: 'lognormal', mu: Math.log(0.015), sigma: 0.8 }],
] as const) {
  test(`NFD-S simulation within its CI of the closed form: ${label}`, () => {
    const trace = generateTrace({ count: 400_000, etaS, lossProbability: lossP, delay, seed: 11 });
    const sim = measureAccuracy({ name: 'nfd-s', etaS, deltaS, lossProbability: lossP, delay, seed: 11 }, trace, 0);
    const exact = nfdSAnalyticQos(etaS, deltaS, lossP, delay);
    assert.ok(sim.mistakes > 1000, `${sim.mistakes} mistakes`);
    agrees('E(T_MR)', sim.mistakeRecurrenceS, exact.mistakeRecurrenceS);
    agrees('E(T_M)', sim.mistakeDurationS, exact.mistakeDurationS);
    agrees('P_A', sim.queryAccuracy, exact.queryAccuracy);
  });
}

test('NFD-S detection time never exceeds η + δ, and averages δ + η/2 when the last heartbeat arrives', () => {
  const trace = generateTrace({ count: 20_000, etaS: 1, lossProbability: 0, delay: EXP20, seed: 5 });
  const r = measureDetection({ name: 'nfd-s', etaS: 1, deltaS: 0.5, lossProbability: 0, delay: EXP20, seed: 5 }, trace, 2000, 10, 5, 50);
  assert.equal(r.undetected, 0);
  assert.ok(r.maxS <= 1.5 + 1e-6, `${r.maxS}`);
  // crash uniform in the period after the last heartbeat: T_D = δ + η − U·η, mean δ + η/2
  assert.ok(Math.abs(r.meanS - 1.0) <= 1.5 * (r.ciHighS - r.ciLowS) / 2 + 1e-3, `${r.meanS}`);
});

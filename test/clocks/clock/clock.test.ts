import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Clock, drawOscillator, oscillatorClass, OSCILLATOR_CLASS_NAMES } from '../../../src/clocks/clock/index.ts';
import { simulateOscillator } from '../../../src/oscillators/oscillator/index.ts';
import { RandomStream } from '../../../src/core/random/index.ts';
import { InputError } from '../../../src/core/errors.ts';
import { close, worked } from '../sync/worked-examples.ts';

test('skew accumulates: 20 ppm over 1 s is 20 µs, 1 ppm over a day 86.4 ms (worked examples "skew")', () => {
  const s = worked.skew;
  const c = new Clock({ oscillator: { skewPpb: 20_000 }, spanS: 10, seed: 1 });
  close(c.errorNs(1), s['20ppm_over_1s_ns'], 1e-6, '20 ppm');
  const d = new Clock({ oscillator: { skewPpb: 1000 }, spanS: 86400, seed: 1 });
  close(d.errorNs(86400) / 1e9, s['1ppm_per_day_s'], 1e-12, '1 ppm/day');
  const e = new Clock({ oscillator: { skewPpb: 200_000 }, spanS: 30, seed: 1 });
  close(e.errorNs(30) / 1e9, s['200ppm_per_30s_s'], 1e-12, '200 ppm over 30 s');
});

test('the free-running error is the oscillator model, interpolated between its samples', () => {
  const oscillator = { phaseOffsetS: 1e-6, skewPpb: 50, agingPerDay: 1e-9, noise: { wfm: { adev: 1e-9, tauS: 1 } } };
  const c = new Clock({ oscillator, spanS: 100, seed: 7, stream: 3 });
  const x = simulateOscillator(oscillator, { n: 102, seed: 7, stream: 3 });
  for (const i of [0, 1, 17, 100]) close(c.errorNs(i), x[i] * 1e9, 1e-9, `t = ${i}`);
  close(c.errorNs(17.25), (0.75 * x[17] + 0.25 * x[18]) * 1e9, 1e-9, 'between samples');
});

test('frequency steering: e(t) = e(t0) + a(t − t0) + (1 + a)(x(t) − x(t0)), clamped to ±max', () => {
  const y = 30e-6;
  const c = new Clock({ oscillator: { frequencyOffset: y }, spanS: 100, seed: 1 });
  const e10 = c.errorNs(10);
  assert.equal(c.setFrequencyPpb(10, -30_000), -30_000);
  const a = -30e-6;
  close(c.errorNs(20), e10 + a * 10e9 + (1 + a) * y * 10e9, 1e-6, 'steered');
  // Clamped at ±500 ppm (adjtimex MAXFREQ).
  assert.equal(c.setFrequencyPpb(20, 1e9), 500_000);
  assert.equal(c.frequencyAdjustmentPpb, 500_000);
});

test('step and slew: a step is immediate, a 1 ms slew at 500 ppm takes 2 s', () => {
  const c = new Clock({ oscillator: {}, spanS: 100, seed: 1 });
  c.step(1, 5000);
  assert.equal(c.errorNs(1), 5000);
  assert.equal(c.stepCount, 1);
  const end = c.slew(10, 1e6);
  close(end, 12, 1e-12, 'slew end');
  close(c.errorNs(11), 5000 + 0.5e6, 1e-6, 'half way');
  close(c.errorNs(50), 5000 + 1e6, 1e-6, 'done');
  // A frequency change during a slew keeps the slew's progress.
  const d = new Clock({ oscillator: {}, spanS: 100, seed: 1 });
  d.slew(0, -1e6);
  d.setFrequencyPpb(1, 1000);
  close(d.errorNs(3), -1e6 + 2 * 1000, 1e-6, 'slew then frequency');
  assert.throws(() => d.step(0.5, 1), InputError);
});

test('trueTimeS inverts localNs', () => {
  const c = new Clock({ oscillator: { skewPpb: 40_000, noise: { rwfm: { adev: 1e-8, tauS: 1 } } }, spanS: 1000, seed: 2 });
  c.setFrequencyPpb(5, -1000);
  for (const t of [0.5, 10, 123.456789, 999]) close(c.trueTimeS(c.localNs(t)), t, 1e-12, `t = ${t}`);
});

test('temperature wander: the phase is the integral of A sin(2πt/P)', () => {
  const c = new Clock({ oscillator: {}, spanS: 1000, seed: 1, temperature: { amplitudePpb: 100, periodS: 400 } });
  // Numerical derivative of the phase (ns per s = ppb) against the frequency A sin(2πt/P).
  for (const t of [50, 100, 300]) {
    const h = 1e-3;
    const rate = (c.errorNs(t + h) - c.errorNs(t - h)) / (2 * h);
    close(rate, 100 * Math.sin((2 * Math.PI * t) / 400), 1e-4, `t = ${t}`);
  }
  close(c.errorNs(400), 0, 1e-9, 'back to zero after a period');
});

test('oscillator classes: offsets within the class accuracy; bad input rejected', () => {
  const rng = new RandomStream(5, 0);
  for (const name of OSCILLATOR_CLASS_NAMES) {
    for (let k = 0; k < 50; k++) {
      const m = drawOscillator(name, rng);
      assert.ok(Math.abs(m.frequencyOffset ?? 0) <= oscillatorClass(name).accuracy);
    }
  }
  assert.throws(() => oscillatorClass('sundial'), /oscillator class expected one of tcxo, ocxo, rb, cs, got 'sundial'/);
  assert.throws(() => new Clock({ oscillator: {}, spanS: -1, seed: 1 }), /spanS expected a number of seconds > 0/);
  assert.throws(() => new Clock({ oscillator: {}, spanS: 10, seed: 1 }).errorNs(11), /outside the simulated span/);
  assert.throws(() => new Clock({ oscillator: { noise: { wfm: { adev: -1, tauS: 1 } } }, spanS: 10, seed: 1 }), InputError);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_OSCILLATOR_STREAM, oscillatorNoiseStream, simulateOscillator, type OscillatorModel,
} from '../../../src/oscillators/oscillator/index.ts';
import { powerLawPhase } from '../../../src/oscillators/noise/index.ts';
import { mdev, oadev } from '../../../src/clocks/stability/index.ts';
import { InputError } from '../../../src/core/errors.ts';

const bytes = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
const close = (a: number, b: number, rel: number, what: string) =>
  assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${what}: ${a} vs ${b}`);

test('deterministic phase: offset, skew in ppb and aging per day, by hand', () => {
  // x(t) = x0 + y0 t + D t²/2 with x0 = 1 ms, y0 = 50 ppb, D = 1e-10/day. At t = 1 day:
  // 1e-3 + 5e-8 · 86400 + 0.5 · (1e-10/86400) · 86400² = 1e-3 + 4.32e-3 + 4.32e-6 s.
  const x = simulateOscillator({ phaseOffsetS: 1e-3, skewPpb: 50, agingPerDay: 1e-10 }, { n: 2, tau0S: 86400, seed: 0 });
  assert.equal(x[0], 1e-3);
  close(x[1], 1e-3 + 4.32e-3 + 4.32e-6, 1e-15, 'x(1 day)');
  const same = simulateOscillator({ phaseOffsetS: 1e-3, frequencyOffset: 5e-8, agingPerS: 1e-10 / 86400 }, { n: 2, tau0S: 86400, seed: 0 });
  close(same[1], x[1], 1e-15, 'units');
});

test('deterministic frequency is the exact average over each interval: y0 + D (i + ½) τ0', () => {
  // For a quadratic phase, (x_{i+1} − x_i)/τ0 = y0 + D (t_i + τ0/2) exactly (by hand).
  const model = { frequencyOffset: -3e-9, agingPerS: 2e-14 };
  const x = simulateOscillator(model, { n: 101, tau0S: 10, seed: 0 });
  const y = simulateOscillator(model, { n: 100, tau0S: 10, seed: 0, data: 'freq' });
  for (let i = 0; i < 100; i++) {
    close(y[i], -3e-9 + 2e-14 * (i + 0.5) * 10, 1e-14, `closed form i=${i}`);
    close(y[i], (x[i + 1] - x[i]) / 10, 1e-9, `differenced i=${i}`);
  }
});

test('linear drift gives OADEV = MDEV = D τ / √2 (reference invariant)', () => {
  // /work/shared/reference/README.md, invariant-vectors.json (allantools test suite, LGPL-3.0):
  // linear frequency drift D gives ADEV = OADEV = MDEV = D τ / √2.
  const d = 1e-12;
  const y = simulateOscillator({ agingPerS: d }, { n: 1000, seed: 0, data: 'freq' });
  const a = oadev(y, { dataType: 'freq', taus: [1, 10, 100] });
  const m = mdev(y, { dataType: 'freq', taus: [1, 10, 100] });
  [1, 10, 100].forEach((tau, i) => {
    close(a.devs[i], (d * tau) / Math.SQRT2, 1e-9, `OADEV τ=${tau}`);
    close(m.devs[i], (d * tau) / Math.SQRT2, 1e-9, `MDEV τ=${tau}`);
  });
});

test('each noise type has its own stream: components are powerLawPhase at 8·stream + k', () => {
  const run = { n: 3000, seed: 77, stream: 5, tau0S: 0.5 };
  const wpm = powerLawPhase({ type: 'wpm', n: 3000, seed: 77, stream: oscillatorNoiseStream(5, 'wpm'), tau0S: 0.5, level: { h: 1e-20 } });
  const ffm = powerLawPhase({ type: 'ffm', n: 3000, seed: 77, stream: oscillatorNoiseStream(5, 'ffm'), tau0S: 0.5, level: { adev: 1e-12 } });
  assert.equal(oscillatorNoiseStream(5, 'wpm'), 40);
  assert.equal(oscillatorNoiseStream(5, 'rwfm'), 44);
  const alone = simulateOscillator({ noise: { wpm: { h: 1e-20 } } }, run);
  assert.ok(bytes(alone).equals(bytes(wpm)), 'white PM alone');
  const both = simulateOscillator({ noise: { wpm: { h: 1e-20 }, ffm: { adev: 1e-12 } } }, run);
  for (let i = 0; i < 3000; i++) assert.equal(both[i], wpm[i] + ffm[i]);
});

test('same model and run give the same bytes; another seed or stream differs', () => {
  const model: OscillatorModel = {
    phaseOffsetS: 2e-6, skewPpb: 3, agingPerDay: 5e-11,
    noise: { wpm: { adev: 1e-11 }, fpm: { h: 1e-22 }, wfm: { adev: 2e-12 }, ffm: { adev: 1e-13 }, rwfm: { h: 1e-32 } },
  };
  for (const data of ['phase', 'freq'] as const) {
    const run = { n: 5000, seed: 1, stream: 2, data };
    const a = simulateOscillator(model, run);
    assert.ok(bytes(a).equals(bytes(simulateOscillator(model, { ...run }))), data);
    assert.ok(!bytes(a).equals(bytes(simulateOscillator(model, { ...run, seed: 2 }))), `${data} seed`);
    assert.ok(!bytes(a).equals(bytes(simulateOscillator(model, { ...run, stream: 3 }))), `${data} stream`);
  }
});

test('noise given as ADEV at 1 s shows that ADEV (white FM, frequency output)', () => {
  // White FM's h_α relation is exact at every τ; 2^16 samples give EDF ≈ 5·10⁴ at τ = 1 s
  // (relative σ ≈ 0.3 %), so 1.5 % is a 5σ bound. The skew does not change ADEV.
  const y = simulateOscillator({ skewPpb: 100, noise: { wfm: { adev: 4e-12 } } }, { n: 2 ** 16, seed: 3, data: 'freq' });
  const a = oadev(y, { dataType: 'freq', taus: [1] });
  close(a.devs[0], 4e-12, 0.015, 'ADEV(1 s)');
});

test('bad models and runs are one-line InputErrors naming the field', () => {
  const run = { n: 10, seed: 1 };
  const bad: Array<[() => unknown, RegExp]> = [
    [() => simulateOscillator({ skewPpb: 1, frequencyOffset: 1e-9 }, run), /give frequencyOffset or skewPpb, not both/],
    [() => simulateOscillator({ agingPerS: 1, agingPerDay: 1 }, run), /give agingPerS or agingPerDay, not both/],
    [() => simulateOscillator({ phaseOffsetS: NaN }, run), /phaseOffsetS expected a finite number, got NaN/],
    [() => simulateOscillator({ noise: { pink: { h: 1 } } as never }, run), /noise type expected one of wpm, fpm, wfm, ffm, rwfm, got 'pink'/],
    [() => simulateOscillator({ noise: { wfm: { h: -1 } } }, run), /h expected a finite number >= 0, got -1/],
    [() => simulateOscillator({}, { n: 0, seed: 1 }), /n expected an integer from 1 to 4194304, got 0/],
    [() => simulateOscillator({}, { n: 10, seed: 1, data: 'freq', tau0S: -1 }), /tau0S \(sampling interval\) expected a finite number > 0 s/],
    [() => simulateOscillator({}, { n: 10, seed: -2 }), /seed expected an integer/],
    [() => simulateOscillator({}, { n: 10, seed: 1, stream: MAX_OSCILLATOR_STREAM + 1 }), /stream expected an integer from 0 to/],
    [() => simulateOscillator({}, { n: 10, seed: 1, data: 'x' as never }), /data expected 'phase' or 'freq', got 'x'/],
  ];
  for (const [f, message] of bad) {
    assert.throws(f, (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'));
  }
});

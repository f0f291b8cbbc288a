import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PortClocks } from '../../../src/hardware-timing/index.ts';
import { simulateOscillator } from '../../../src/oscillators/oscillator/index.ts';
import { InputError } from '../../../src/core/errors.ts';

test('offsets: uniform within ±maxOffsetPpm, a pure function of the seed', () => {
  const a = new PortClocks(1000, 42, { maxOffsetPpm: 50 });
  const b = new PortClocks(1000, 42, { maxOffsetPpm: 50 });
  assert.deepEqual(a.offsets, b.offsets);
  assert.ok(a.offsets.every((y) => Math.abs(y) <= 50e-6));
  // Mean of 1000 uniforms on ±50 ppm: standard error 50/√3/√1000 ≈ 0.91 ppm; allow 4.
  const mean = a.offsets.reduce((s, y) => s + y, 0) / 1000;
  assert.ok(Math.abs(mean) < 4 * 0.91e-6);
  assert.notDeepEqual(new PortClocks(1000, 43).offsets, a.offsets);
});

test('wander: each port\'s factor is 1 + offset + the oscillator model\'s frequency for that interval', () => {
  const noise = { wfm: { h: 1e-18 } };
  const clocks = new PortClocks(3, 7, { offsetsPpm: [10, 0, -10], wander: { noise, tau0S: 1e-6, horizonS: 1e-4 } });
  const y1 = simulateOscillator({ noise }, { n: 101, tau0S: 1e-6, seed: 7, stream: 2, data: 'freq' });
  // Port 1 uses oscillator stream 2 (1 + port); at t = 37.5 µs it is in interval 37.
  assert.equal(clocks.factor(1, 37.5e6), 1 + y1[37]);
  assert.equal(clocks.factor(2, 0), 1 - 10e-6 + simulateOscillator({ noise }, { n: 101, tau0S: 1e-6, seed: 7, stream: 3, data: 'freq' })[0]);
  assert.notEqual(clocks.factor(1, 0), clocks.factor(1, 50e6));
});

test('bad clock options throw InputError', () => {
  assert.throws(() => new PortClocks(2, 1, { offsetsPpm: [1] }), InputError);
  assert.throws(() => new PortClocks(2, 1, { offsetsPpm: [1, 101] }), InputError);
  assert.throws(() => new PortClocks(2, 1, { wander: { noise: {}, tau0S: 0, horizonS: 1 } }), InputError);
});

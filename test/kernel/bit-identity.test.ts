import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { log } from '../../src/core/math/log.ts';
import {
  clockEnsembleRaw, heartbeatRaw, kernelsFor, CLOCK_ENSEMBLE_DEFAULTS, HEARTBEAT_DEFAULTS,
  type ClockEnsembleParams, type HeartbeatParams,
} from '../../src/kernel/index.ts';

/** Float64Arrays compared by their bits (so −0/+0 and NaN payloads would count). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

const clockParams = fc.record({
  clocks: fc.integer({ min: 1, max: 6 }).map((k) => 4 * k),
  steps: fc.integer({ min: 1, max: 60 }),
  syncIntervalSteps: fc.integer({ min: 1, max: 25 }),
  stepS: fc.double({ min: 1e-6, max: 1, noNaN: true }),
  whiteFmSigma: fc.double({ min: 0, max: 1e-6, noNaN: true }),
  randomWalkFmSigma: fc.double({ min: 0, max: 1e-8, noNaN: true }),
  initialSkewSigma: fc.double({ min: 0, max: 1e-5, noNaN: true }),
  asymmetryS: fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
  jitterS: fc.double({ min: 0, max: 1e-6, noNaN: true }),
  frequencyGain: fc.double({ min: 0, max: 1, noNaN: true }),
  histogramLowS: fc.double({ min: -1e-6, max: 0, noNaN: true }),
  histogramBinS: fc.double({ min: 1e-9, max: 1e-7, noNaN: true }),
  histogramBins: fc.integer({ min: 1, max: 300 }),
});
const seed = fc.nat({ max: Number.MAX_SAFE_INTEGER });
const task = fc.nat({ max: 0xffffffff });

test('clock ensemble: TypeScript, scalar and SIMD WebAssembly agree bit for bit (property)', () => {
  assert.ok(kernelsFor('simd'), 'Node 20 runs WebAssembly SIMD');
  fc.assert(fc.property(clockParams, seed, task, (params: ClockEnsembleParams, s, t) => {
    const ts = clockEnsembleRaw(params, { seed: s, task: t, engine: 'ts' });
    for (const engine of ['scalar', 'simd'] as const) {
      const other = clockEnsembleRaw(params, { seed: s, task: t, engine });
      assert.ok(sameBits(other.sumOffsetS, ts.sumOffsetS), `${engine} sumOffsetS`);
      assert.ok(sameBits(other.sumSquaredOffsetS2, ts.sumSquaredOffsetS2), `${engine} sumSquaredOffsetS2`);
      assert.ok(sameBits(other.finalOffsetS, ts.finalOffsetS), `${engine} finalOffsetS`);
      assert.ok(sameBits(other.finalFrequency, ts.finalFrequency), `${engine} finalFrequency`);
      assert.deepEqual(other.histogram, ts.histogram);
      assert.ok(Object.is(other.spreadMaxS, ts.spreadMaxS) && Object.is(other.spreadSumS, ts.spreadSumS), `${engine} spread`);
    }
  }), { numRuns: 60 });
});

const heartbeatParams = fc.record({
  streams: fc.integer({ min: 1, max: 6 }).map((k) => 4 * k),
  periods: fc.integer({ min: 1, max: 80 }),
  etaS: fc.double({ min: 0.01, max: 2, noNaN: true }),
  deltaS: fc.double({ min: 0, max: 5, noNaN: true }),
  meanDelayS: fc.double({ min: 1e-4, max: 3, noNaN: true }),
  lossProbability: fc.double({ min: 0, max: 0.9, noNaN: true }),
}).filter((p) => Math.floor(p.deltaS / p.etaS) + 2 <= 64);

test('heartbeat QoS: TypeScript, scalar and SIMD WebAssembly agree bit for bit (property)', () => {
  fc.assert(fc.property(heartbeatParams, seed, task, (params: HeartbeatParams, s, t) => {
    const ts = heartbeatRaw(params, { seed: s, task: t, engine: 'ts' });
    for (const engine of ['scalar', 'simd'] as const) {
      const other = heartbeatRaw(params, { seed: s, task: t, engine });
      assert.ok(sameBits(other.suspectS, ts.suspectS), `${engine} suspectS`);
      assert.ok(sameBits(other.mistakes, ts.mistakes), `${engine} mistakes`);
    }
  }), { numRuns: 60 });
});

test('the SIMD logarithm equals the spine\'s portable log, bit for bit (property and edge cases)', () => {
  const simd = kernelsFor('simd')!;
  // Inputs the kernels pass: u53 values in (0, 1); also around 1 (|f| < 2^-20 branch), powers
  // of two and the band edges of fdlibm's last branch; and positive normals in general.
  const edges: number[] = [2 ** -53 * 0.5, 2 ** -53 * 1.5, 0.5, 0.25, 1 - 2 ** -53, 1 - 2 ** -30, 1 - 2 ** -21, 2 ** -1022, 1.5, 3, 1e300];
  for (let i = -60; i <= 60; i++) edges.push(1 + i * 2 ** -40, 0.5 + i * 2 ** -41, 0.7071067811865476 + i * 2 ** -50);
  const values = new Float64Array(edges);
  const got = simd.simdLog(values);
  for (let i = 0; i < values.length; i++) assert.ok(Object.is(got[i], log(values[i])), `log(${values[i]})`);
  fc.assert(fc.property(fc.array(fc.double({ min: 2 ** -1022, max: 1e308, noNaN: true }), { minLength: 1, maxLength: 64 }), (list) => {
    const input = new Float64Array(list);
    const out = simd.simdLog(input);
    for (let i = 0; i < input.length; i++) assert.ok(Object.is(out[i], log(input[i])), `log(${input[i]})`);
  }), { numRuns: 300 });
});

test('the defaults run identically on every engine (a larger case than the property)', () => {
  const params = { ...CLOCK_ENSEMBLE_DEFAULTS, clocks: 12, steps: 2500 };
  const ts = clockEnsembleRaw(params, { seed: 11, engine: 'ts' });
  const simd = clockEnsembleRaw(params, { seed: 11, engine: 'simd' });
  assert.ok(sameBits(simd.sumSquaredOffsetS2, ts.sumSquaredOffsetS2));
  const hb = { ...HEARTBEAT_DEFAULTS, streams: 8, periods: 3000 };
  assert.ok(sameBits(heartbeatRaw(hb, { seed: 5, engine: 'simd' }).suspectS, heartbeatRaw(hb, { seed: 5, engine: 'ts' }).suspectS));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildC128, c128ClockEnsemble, c128Heartbeat } from '../../bench/kernel-c128.ts';
import {
  clockEnsembleInputs, clockEnsembleReference, heartbeatInputs, heartbeatReference, CLOCK_ENSEMBLE_DEFAULTS, HEARTBEAT_DEFAULTS,
} from '../../src/kernel/index.ts';

// bench/kernel-c128.c is the kernels written again in C with SSE2 from src/kernel/README.md; if
// it reproduces the TypeScript reference bit for bit on random parameters, the README is precise
// enough to rewrite the kernels (the requirement). gcc is installed by .ci/run.
const dir = mkdtempSync(join(tmpdir(), 'kernel-c128-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const binary = buildC128(dir);

test('the C/SSE2 clock ensemble reproduces the TypeScript reference bit for bit (property)', () => {
  assert.ok(binary, 'gcc could not build bench/kernel-c128.c: install gcc (.ci/run does, with apt-get)');
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 30 }),
    fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.nat({ max: 0xffffffff }),
    fc.double({ min: 0, max: 1e-7, noNaN: true }), fc.double({ min: 0, max: 1e-6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
    (quads, steps, syncIntervalSteps, seed, task, whiteFmSigma, jitterS, frequencyGain) => {
      const inputs = clockEnsembleInputs({
        ...CLOCK_ENSEMBLE_DEFAULTS, clocks: 4 * quads, steps, syncIntervalSteps, whiteFmSigma, jitterS, frequencyGain, asymmetryS: 3e-8,
      }, seed, task);
      const ts = clockEnsembleReference(inputs);
      const c = c128ClockEnsemble(binary!, inputs);
      let sum = 0;
      for (const v of ts.sumSquaredOffsetS2) sum += v;
      assert.ok(Object.is(c.sumSquaresS2, sum), `Σx²: C ${c.sumSquaresS2}, TS ${sum}`);
      assert.ok(Object.is(c.spreadMaxS, ts.spreadMaxS) && Object.is(c.spreadSumS, ts.spreadSumS), 'spread');
    }), { numRuns: 25 });
});

test('the C/SSE2 heartbeat kernel reproduces the TypeScript reference bit for bit (property)', () => {
  assert.ok(binary, 'gcc could not build bench/kernel-c128.c: install gcc (.ci/run does, with apt-get)');
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 200 }), fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.nat({ max: 0xffffffff }),
    fc.double({ min: 0.05, max: 2, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 1e-3, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 0.5, noNaN: true }),
    (quads, periods, seed, task, etaS, deltaS, meanDelayS, lossProbability) => {
      const inputs = heartbeatInputs({ ...HEARTBEAT_DEFAULTS, streams: 4 * quads, periods, etaS, deltaS, meanDelayS, lossProbability }, seed, task);
      const ts = heartbeatReference(inputs);
      const c = c128Heartbeat(binary!, inputs);
      let s = 0;
      let m = 0;
      for (let i = 0; i < inputs.streams; i++) { s += ts.suspectS[i]; m += ts.mistakes[i]; }
      assert.ok(Object.is(c.suspectS, s) && Object.is(c.mistakes, m), `C (${c.suspectS}, ${c.mistakes}) vs TS (${s}, ${m})`);
    }), { numRuns: 25 });
});

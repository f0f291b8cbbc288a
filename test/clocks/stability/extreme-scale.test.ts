// Data near the ends of the double range (|x| ~ 1e155 and beyond, τ0 = 1e300, subnormal values)
// are computed at a rescaled working point (run-statistic.ts `workScale`). Every statistic is
// homogeneous (NIST SP 1065 §5: σ(a·x, b·τ0) = (a/b)·σ(x, τ0) for fractional deviations, a·σ for
// TDEV/MTIE/TIE), so scaling data by a power of two must scale each deviation by exactly that
// power: checked bit for bit against the unscaled data, which is never rescaled.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { stability, STATISTIC_NAMES } from '../../../src/clocks/stability/index.ts';

// Ordinary magnitudes (multiples of 2^-20 up to ±1000), so the unscaled run neither over- nor underflows.
const seriesArb = fc.array(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }).map((v) => v / 2 ** 20), { minLength: 16, maxLength: 80 });

test('data scaled by 2^k (k = ±520, ±1000) give each deviation scaled by exactly 2^k, same noise types', () => {
  fc.assert(fc.property(seriesArb, fc.constantFrom(520, -520, 1000 - 10, -1000), fc.constantFrom('phase', 'freq'), (data, k, dataType) => {
    const scaled = data.map((v) => v * 2 ** k);
    fc.pre(scaled.every((v) => Number.isFinite(v)) && data.every((v, i) => scaled[i] / 2 ** k === v)); // no under/overflow
    for (const stat of STATISTIC_NAMES) {
      const options = { dataType: dataType as 'phase' | 'freq', taus: [1, 2, 4] };
      const a = stability(stat, data, options);
      const b = stability(stat, scaled, options);
      assert.deepEqual(Array.from(b.devs, (v) => v / 2 ** k), Array.from(a.devs), stat);
      assert.deepEqual(b.noiseTypes, a.noiseTypes, stat);
    }
  }), { numRuns: 25 });
});

test('τ0 scaled by 2^k scales fractional deviations by 2^-k and leaves tau-free ones, exactly', () => {
  fc.assert(fc.property(seriesArb, fc.constantFrom(600, -600), (data, k) => {
    for (const stat of ['adev', 'mdev', 'hdev', 'totdev', 'mtie']) {
      const a = stability(stat, data, { taus: [1, 2, 4] });
      const b = stability(stat, data, { taus: [1, 2, 4], tau0S: 2 ** k });
      const expected = Array.from(a.devs, (v) => (a.unit === 's' ? v : v / 2 ** k));
      assert.deepEqual(Array.from(b.devs), expected, stat);
    }
  }), { numRuns: 20 });
});

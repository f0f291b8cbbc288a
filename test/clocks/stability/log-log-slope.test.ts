import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { logLogSlope } from '../../../src/clocks/stability/log-log-slope.ts';

test('logLogSlope recovers the exponent of an exact power law (property)', () => {
  fc.assert(
    fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 1e-15, max: 1e3, noNaN: true }), (mu, scale) => {
      const taus = [1, 2, 4, 8, 16, 32];
      assert.ok(Math.abs(logLogSlope(taus, taus.map((t) => scale * t ** mu)) - mu) < 1e-9);
    }),
  );
});

test('logLogSlope: the doc example, and the least-squares slope of a hand-worked case', () => {
  assert.ok(Math.abs(logLogSlope([1, 2, 4, 8], [1, 0.5, 0.25, 0.125]) + 1) < 1e-12);
  // ln τ = 0, ln 2·(1, 2) → x = (0, 1, 2)·ln 2; y = (0, 0, 1)·ln 2 → OLS slope = 1/2 by hand
  // (Σ(x−x̄)(y−ȳ) = 1·(ln 2)²·(1·2/3)... : x̄ = 1, ȳ = 1/3 in units of ln 2; Σ = (−1)(−1/3) + 0 + (1)(2/3) = 1; Σ(x−x̄)² = 2).
  assert.ok(Math.abs(logLogSlope([1, 2, 4], [1, 1, 2]) - 0.5) < 1e-12);
  assert.throws(() => logLogSlope([1], [1]), RangeError);
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { chiSquaredCdf, chiSquaredQuantile, logGamma } from '../../../src/clocks/stability/chi-squared.ts';

describe('chi-squared distribution', () => {
  // Critical values from the NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.4
  // ("Critical values of the chi-square distribution"), printed to 3 decimals.
  const table: [number, number, number][] = [
    // [nu, lower-tail probability p, x]
    [1, 0.95, 3.841], [1, 0.90, 2.706], [2, 0.95, 5.991], [5, 0.95, 11.070], [10, 0.95, 18.307],
    [10, 0.99, 23.209], [10, 0.05, 3.940], [10, 0.01, 2.558], [30, 0.95, 43.773], [30, 0.05, 18.493],
    [100, 0.95, 124.342], [100, 0.05, 77.929],
  ];
  for (const [nu, p, x] of table) {
    test(`quantile(${p}, ${nu}) = ${x} (NIST/SEMATECH table)`, () => {
      assert.ok(Math.abs(chiSquaredQuantile(p, nu) - x) <= 0.0005 + 1e-9, `got ${chiSquaredQuantile(p, nu)}`);
    });
  }

  test('two degrees of freedom: quantile is −2 ln(1 − p) exactly (exponential distribution)', () => {
    for (const p of [1e-6, 0.1587, 0.5, 0.8413, 0.999]) {
      const exact = -2 * Math.log1p(-p);
      assert.ok(Math.abs(chiSquaredQuantile(p, 2) / exact - 1) < 1e-12, `p=${p}`);
    }
  });

  test('ln Γ at known points', () => {
    assert.ok(Math.abs(logGamma(0.5) - Math.log(Math.sqrt(Math.PI))) < 1e-14);
    assert.ok(Math.abs(logGamma(11) - Math.log(3628800)) < 1e-13);
  });

  test('property: cdf(quantile(p)) = p for fractional and large degrees of freedom', () => {
    fc.assert(fc.property(
      fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }), fc.double({ min: 0.3, max: 2e6, noNaN: true }),
      (p, nu) => Math.abs(chiSquaredCdf(chiSquaredQuantile(p, nu), nu) - p) < 1e-9,
    ), { seed: 20260101, numRuns: 300 });
  });
});

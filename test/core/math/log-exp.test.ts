import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { log } from '../../../src/core/math/log.ts';
import { exp } from '../../../src/core/math/exp.ts';

function ulpDistance(a: number, b: number): number {
  const view = new BigInt64Array(new Float64Array([a, b]).buffer);
  const d = view[0] - view[1];
  return Number(d < 0n ? -d : d);
}

test('log and exp agree with the host libm to within 1 ulp (fdlibm promises < 1 ulp)', () => {
  fc.assert(
    fc.property(fc.double({ min: 5e-324, max: 1.7e308, noNaN: true }), (x) => {
      assert.ok(ulpDistance(log(x), Math.log(x)) <= 1, `log(${x})`);
    }),
    { numRuns: 20000 },
  );
  fc.assert(
    fc.property(fc.double({ min: -745, max: 709.7, noNaN: true }), (x) => {
      assert.ok(ulpDistance(exp(x), Math.exp(x)) <= 1, `exp(${x})`);
    }),
    { numRuns: 20000 },
  );
});

test('log and exp: correctly rounded reference values and special cases', () => {
  // Correctly rounded values of ln 2, ln 10 and e (OEIS A002162, A002392, A001113, rounded to double).
  assert.equal(log(2), 0.6931471805599453);
  assert.equal(log(10), 2.302585092994046);
  assert.equal(log(1), 0);
  assert.equal(log(0), -Infinity);
  assert.ok(Number.isNaN(log(-1)));
  assert.equal(log(Infinity), Infinity);
  // ln(2^-1074), the smallest subnormal: -1074·ln 2 = -744.44007192138126...
  assert.equal(log(5e-324), -744.4400719213812);
  assert.equal(exp(0), 1);
  assert.ok(ulpDistance(exp(1), 2.718281828459045) <= 1);
  assert.equal(exp(-Infinity), 0);
  assert.equal(exp(Infinity), Infinity);
  assert.equal(exp(710), Infinity);
  assert.equal(exp(-746), 0);
  assert.ok(Number.isNaN(exp(NaN)));
});

test('log inverts exp on a grid', () => {
  for (let x = -700; x <= 700; x += 0.73) {
    assert.ok(Math.abs(log(exp(x)) - x) <= 1e-15 * Math.max(1, Math.abs(x)));
  }
});

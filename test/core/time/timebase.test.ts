import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Timebase, TimeRangeError, TICKS_PER_SECOND, type Resolution } from '../../../src/core/time/timebase.ts';

const resolutions = Object.keys(TICKS_PER_SECOND) as Resolution[];
const MAX = Number.MAX_SAFE_INTEGER;

test('the horizon at each resolution is 2^53 − 1 ticks, as documented', () => {
  // 2^53 − 1 = 9,007,199,254,740,991 (IEEE-754 binary64: 53-bit significand).
  assert.equal(new Timebase('ps').horizonSeconds, 9007.199254740991);
  assert.equal(new Timebase('ns').horizonSeconds, 9007199.254740991);
  assert.ok(Math.abs(new Timebase('ns').horizonSeconds / 86400 - 104.25) < 0.01); // ≈ 104.2 days
  assert.ok(Math.abs(new Timebase('us').horizonYears - 285.4) < 0.05); // ≈ 285.4 years
});

test('addition never rounds silently: exact (checked with BigInt) or it throws (property)', () => {
  const tb = new Timebase('ps');
  const big = fc.oneof(fc.integer({ min: -MAX, max: MAX }), fc.double({ noNaN: false }));
  fc.assert(
    fc.property(big, big, (a, b) => {
      let sum: number;
      try {
        sum = tb.add(a, b);
      } catch (error) {
        assert.ok(error instanceof TimeRangeError);
        // It threw: then the exact sum was not representable, or an input was not an exact integer.
        if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
          const exact = BigInt(a) + BigInt(b);
          assert.ok(exact > BigInt(MAX) || exact < -BigInt(MAX));
        }
        return;
      }
      assert.equal(BigInt(sum), BigInt(a) + BigInt(b));
    }),
    { numRuns: 5000 },
  );
});

test('unit conversion never rounds silently: exact (checked with BigInt) or it throws (property)', () => {
  fc.assert(
    fc.property(fc.constantFrom(...resolutions), fc.constantFrom(...resolutions), fc.oneof(fc.integer({ min: -MAX, max: MAX }), fc.integer({ min: -1e6, max: 1e6 })), (res, unit, count) => {
      const tb = new Timebase(res);
      const num = BigInt(TICKS_PER_SECOND[res]);
      const den = BigInt(TICKS_PER_SECOND[unit]);
      const exactNumerator = BigInt(count) * num;
      let ticks: number;
      try {
        ticks = tb.ticks(count, unit);
      } catch (error) {
        assert.ok(error instanceof TimeRangeError);
        const wouldBeExact = exactNumerator % den === 0n;
        const q = exactNumerator / den;
        assert.ok(!wouldBeExact || q > BigInt(MAX) || q < -BigInt(MAX));
        return;
      }
      assert.equal(BigInt(ticks) * den, exactNumerator);
    }),
    { numRuns: 5000 },
  );
});

test('ticks(): 5 ns is 5000 ps; 1500 ps is not a whole number of ns', () => {
  assert.equal(new Timebase('ps').ticks(5, 'ns'), 5000);
  assert.equal(new Timebase('ns').ticks(3000, 'ps'), 3);
  assert.throws(() => new Timebase('ns').ticks(1500, 'ps'), TimeRangeError);
  assert.throws(() => new Timebase('ns').ticks(1.5, 'ns'), TimeRangeError);
  assert.throws(() => new Timebase('ps').ticks(10_000, 's'), TimeRangeError); // 1e16 ps > 2^53
});

test('fromSeconds rounds only as asked, and refuses the non-finite and the too large', () => {
  const tb = new Timebase('ns');
  assert.equal(tb.fromSeconds(1.5e-9, 'floor'), 1);
  assert.equal(tb.fromSeconds(1.5e-9, 'ceil'), 2);
  assert.equal(tb.fromSeconds(1.4e-9, 'nearest'), 1);
  assert.throws(() => tb.fromSeconds(Infinity, 'nearest'), TimeRangeError);
  assert.throws(() => tb.fromSeconds(1e8, 'nearest'), TimeRangeError); // 1e17 ns > 2^53
});

test('check() accepts exactly the integers 0..2^53−1', () => {
  const tb = new Timebase('us');
  assert.equal(tb.check(0), 0);
  assert.equal(tb.check(MAX), MAX);
  for (const bad of [-1, 0.5, MAX + 1, NaN, Infinity]) assert.throws(() => tb.check(bad), TimeRangeError);
});

test('multiply is exact or throws', () => {
  const tb = new Timebase('ns');
  assert.equal(tb.multiply(3, 7), 21);
  assert.throws(() => tb.multiply(2 ** 30, 2 ** 30), TimeRangeError);
  assert.throws(() => tb.multiply(3, 0.5), TimeRangeError);
});

test('only the five resolutions and units are accepted, not inherited object keys', () => {
  for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'fs', '']) {
    assert.throws(() => new Timebase(name as Resolution), TimeRangeError);
    assert.throws(() => new Timebase('ns').ticks(1, name as Resolution), TimeRangeError);
  }
});

test('describeHorizon names the horizon in seconds and in human units', () => {
  assert.equal(new Timebase('ps').describeHorizon(), '2^53 - 1 ticks = 9007 s, about 2.50 hours');
  assert.equal(new Timebase('ns').describeHorizon(), '2^53 - 1 ticks = 9.007e+6 s, about 104.2 days');
  assert.equal(new Timebase('us').describeHorizon(), '2^53 - 1 ticks = 9.007e+9 s, about 285.4 years');
});

test('fromSeconds rounds the floating-point product, as documented', () => {
  // 1.001 × 1000 = 1000.9999999999999 in binary64 (IEEE 754 round-to-nearest).
  assert.equal(new Timebase('ms').fromSeconds(1.001, 'floor'), 1000);
  assert.equal(new Timebase('ms').fromSeconds(1.001, 'nearest'), 1001);
});

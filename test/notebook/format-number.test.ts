import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatNumber } from '../../src/notebook/format-number.ts';

test('formatNumber: plain from 0.001 to below a million, scientific with superscripts outside', () => {
  assert.equal(formatNumber(299792.458, 4), '299,800');
  assert.equal(formatNumber(0.0185795201, 4), '0.01858');
  assert.equal(formatNumber(2, 4), '2');
  assert.equal(formatNumber(9460730472580800, 4), '9.461 × 10¹⁵');
  assert.equal(formatNumber(6.671281903963042e-11, 4), '6.671 × 10⁻¹¹');
  assert.equal(formatNumber(1e-10, 4), '1 × 10⁻¹⁰');
  assert.equal(formatNumber(999999.7, 6), '1 × 10⁶');
  assert.equal(formatNumber(-1500, 6), '−1,500');
  assert.equal(formatNumber(0), '0');
  assert.equal(formatNumber(Infinity), '∞');
});

test('property: the text reads back to the value within half a unit in the last shown digit', () => {
  fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), fc.integer({ min: 1, max: 12 }), (x, digits) => {
    fc.pre(x !== 0 && Math.abs(x) > 1e-300);
    const text = formatNumber(x, digits).replace('−', '-').replaceAll(',', '')
      .replace(/ × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/, (_, p: string) => 'e' + [...p].map((ch) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(ch) === 0 ? '-' : String('⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(ch) - 1)).join(''));
    const back = Number(text);
    // toPrecision rounds to `digits` significant digits: relative error at most 5 × 10^-digits.
    assert.ok(Math.abs(back - x) <= 5 * 10 ** -digits * Math.abs(x) * (1 + 1e-12), `${x} ${digits} -> ${text}`);
  }));
});

// The byte-level decimal reader must give exactly what Number(text) gives (the correctly rounded
// double, ECMA-262 §7.1.4.1.1) for every plain decimal: checked with fast-check on 17- and
// 19-digit forms (what numpy's savetxt writes: '%.16e' and its default '%.18e'), subnormals,
// long digit strings, and constructed near-halfway cases (the hard ones for any fast path).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseDecimalBytes, scanDecimal, scanEnd } from '../../../src/core/text/decimal-bytes.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const parse = (s: string) => { const b = bytes(s); return parseDecimalBytes(b, 0, b.length); };
const same = (text: string) => Object.is(parse(text), Number(text));

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const subnormal = fc.double({ min: -2.2250738585072014e-308, max: 2.2250738585072014e-308, noNaN: true });

test('17- and 19-significant-digit forms of any double read back as Number(text)', () => {
  fc.assert(fc.property(fc.oneof(finite, subnormal), (x) => {
    for (const text of [x.toExponential(16), x.toExponential(18), x.toPrecision(17), String(x)]) assert.ok(same(text), text);
  }), { numRuns: 8_000 });
});

test('every precision from 1 to 21 digits and any exponent, with sign and leading zeros', () => {
  fc.assert(fc.property(fc.oneof(finite, subnormal), fc.integer({ min: 1, max: 21 }), fc.constantFrom('', '+', '0', '00'), (x, digits, pad) => {
    const text = x.toPrecision(digits);
    const padded = text.startsWith('-') ? text : pad + text;
    assert.ok(same(padded), padded);
  }), { numRuns: 8_000 });
});

test('random digit strings: up to 30 digits, a decimal point anywhere, exponents from -400 to 400', () => {
  const digitString = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 30 }).map((d) => d.join(''));
  fc.assert(fc.property(digitString, fc.nat(30), fc.integer({ min: -400, max: 400 }), fc.boolean(), (digits, dot, exp, negative) => {
    const at = Math.min(dot, digits.length);
    const text = `${negative ? '-' : ''}${digits.slice(0, at)}.${digits.slice(at)}e${exp}`;
    if (text.includes('.e') && at === 0) return; // '.e5' has no digit: not a number (checked below)
    assert.ok(same(text), text);
  }), { numRuns: 10_000 });
});

/** The exact decimal expansion of the midpoint between x > 0 and the next double up. */
function midpointDigits(x: number): { digits: string; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const e2 = (biased === 0 ? 1 : biased) - 1075; // x = mantissa · 2^e2
  const odd = 2n * mantissa + 1n; // midpoint = odd · 2^(e2 − 1)
  const k = e2 - 1;
  if (k >= 0) return { digits: (odd << BigInt(k)).toString(), exponent: 0 };
  return { digits: (odd * 5n ** BigInt(-k)).toString(), exponent: k }; // odd·5^-k · 10^k
}

test('near-halfway inputs: the exact midpoint between two doubles, cut or nudged at 16 to 40 digits', () => {
  fc.assert(fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), fc.integer({ min: 16, max: 40 }), fc.constantFrom(-1n, 0n, 1n), (x, keep, nudge) => {
    const { digits, exponent } = midpointDigits(x);
    const cut = digits.slice(0, keep);
    const dropped = digits.length - cut.length;
    const nudged = (BigInt(cut) + nudge).toString();
    const text = `${nudged}e${exponent + dropped}`;
    assert.ok(same(text), text);
    const exact = `${digits}e${exponent}`; // the midpoint itself: ties to even
    assert.ok(same(exact), exact.slice(0, 60));
  }), { numRuns: 5_000 });
});

test('the edges: zero, signs, the largest and smallest doubles, overflow and underflow', () => {
  for (const text of ['0', '-0', '0.0e5', '5e-324', '-4.9406564584124654e-324', '2.4703282292062328e-324', '2.4703282292062327e-324',
    '2.2250738585072011e-308', '2.2250738585072014e-308', '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308',
    '1e309', '-1e400', '1e-400', '-1e-400', '9007199254740993', '123456789012345678901234567890', '0.1', '1e23', '8.589973e9']) {
    assert.ok(same(text), text);
  }
});

test('what is not a plain decimal is NaN; scanDecimal stops at the first byte that cannot continue', () => {
  for (const text of ['', '-', '+', '.', 'e5', '.e5', '1e', '1e+', '0x10', '1_000', 'Infinity', 'NaN', ' 1', '1 ', '1,5', '١']) {
    assert.ok(Number.isNaN(parse(text)), JSON.stringify(text));
  }
  const b = bytes('  -12.5e3 # comment');
  assert.equal(scanDecimal(b, 2, b.length), -12500);
  assert.equal(scanEnd, 9);
  assert.ok(Number.isNaN(scanDecimal(b, 0, b.length)));
  assert.equal(scanEnd, 0);
});

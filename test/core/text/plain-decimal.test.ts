import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isPlainDecimal, parsePlainDecimal } from '../../../src/core/text/plain-decimal.ts';

test('plain decimals are accepted with the value Number() gives', () => {
  for (const text of ['0', '42', '-1.5', '+.25', '5e6', '1E-9', '3.', '007']) {
    assert.equal(isPlainDecimal(text), true, text);
    assert.equal(parsePlainDecimal(text), Number(text), text);
  }
});

test('hex, binary, octal, numeric separators, Infinity, NaN, blanks and padding are refused', () => {
  // Each of these is a number to Number() (or to JavaScript source), none is one a user types.
  for (const text of ['0x10', '0b101', '0o17', '1_000', 'Infinity', '-Infinity', 'NaN', '', ' ', ' 1', '1 ', '1e', 'e5', '.', '-', '1e+', '١٢']) {
    assert.equal(isPlainDecimal(text), false, text);
    assert.ok(Number.isNaN(parsePlainDecimal(text)), text);
  }
});

test('every double printed by JavaScript (finite) reads back as itself', () => {
  fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
    const text = String(x);
    assert.ok(Object.is(parsePlainDecimal(text), x) || (x === 0 && parsePlainDecimal(text) === 0), text);
  }));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { escapeControl } from '../../../src/core/text/escape-control.ts';

test('control characters become visible escapes; ordinary text is unchanged', () => {
  assert.equal(escapeControl('\x01\x1b[31mred\x07'), '\\x01\\x1b[31mred\\x07');
  assert.equal(escapeControl('a\nb\tc\rd'), 'a\\nb\\tc\\rd');
  assert.equal(escapeControl('\x7f\x9b\u2028\u202e\ufeff'), '\\x7f\\x9b\\u2028\\u202e\\ufeff');
  assert.equal(escapeControl("τ (s) = 1e-9, 'ok' \\ μ"), "τ (s) = 1e-9, 'ok' \\ μ");
});

test('any string escapes to one line without control characters, and escaping twice changes nothing', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
    const escaped = escapeControl(text);
    assert.doesNotMatch(escaped, /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    assert.equal(escapeControl(escaped), escaped);
  }));
});

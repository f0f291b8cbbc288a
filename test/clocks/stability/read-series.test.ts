import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { parseSeries } from '../../../src/clocks/stability/read-series.ts';
import { InputError } from '../../../src/core/errors.ts';

const bytes = (s: string) => Buffer.from(s, 'utf8');

function throwsLine(text: string, pattern: RegExp): void {
  assert.throws(() => parseSeries(bytes(text), 'in.txt'), (e: unknown) => e instanceof InputError && pattern.test(e.message) && !e.message.includes('\n'));
}

describe('reading a data series', () => {
  test('one value per line, # comments, blank lines, CRLF, surrounding spaces, plain decimal forms', () => {
    const v = parseSeries(bytes('# header\n1\r\n  -2.5e-3  \n\n+.5 # trailing comment\n7.\n1E2\n'), 'in.txt');
    assert.deepEqual(Array.from(v), [1, -0.0025, 0.5, 7, 100]);
  });

  test('gzip is recognised by its magic bytes, whatever the name', () => {
    const v = parseSeries(gzipSync(bytes('3\n4\n')), 'data.txt');
    assert.deepEqual(Array.from(v), [3, 4]);
  });

  test('CSV column by header name', () => {
    const v = parseSeries(bytes('# comment\nt_s,phase_s\n0,1e-9\n1,2e-9\n'), 'in.csv', { column: 'phase_s' });
    assert.deepEqual(Array.from(v), [1e-9, 2e-9]);
    assert.throws(() => parseSeries(bytes('t_s,phase_s\n0,1\n'), 'in.csv', { column: 'x' }), /in\.csv: no CSV column named 'x' \(columns: t_s, phase_s\)/);
    assert.throws(() => parseSeries(bytes('a,b\n1,2\n3\n'), 'in.csv', { column: 'b' }), /in\.csv:3: malformed CSV/);
    assert.throws(() => parseSeries(bytes('a,b\n1,x\n'), 'in.csv', { column: 'b' }), /in\.csv:2: expected a finite number, got 'x'/);
  });

  test('bad input names the file and line', () => {
    throwsLine('1\n2\nabc\n', /^in\.txt:3: expected a finite number, got 'abc'$/);
    throwsLine('1\nNaN\n', /^in\.txt:2: value 'NaN' is not finite/);
    throwsLine('1\n-inf\n', /^in\.txt:2: value '-inf' is not finite/);
    throwsLine('1e999\n', /^in\.txt:1: expected a finite number, got '1e999'$/);
    throwsLine('1 2\n', /^in\.txt:1: expected a finite number/);
    throwsLine('0x10\n', /^in\.txt:1: expected a finite number/);
    throwsLine('# only comments\n\n', /^in\.txt: no data values found/);
    throwsLine('', /^in\.txt: no data values found/);
  });

  test('property: every parsed value is the correctly rounded double, exactly Number(text)', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 17 }), (values, digits) => {
      const texts = values.map((x) => (digits % 2 === 0 ? x.toPrecision(digits) : x.toExponential(digits - 1)));
      if (texts.some((t) => !Number.isFinite(Number(t)))) return true; // rounding up to 2e308 overflows: covered above
      const parsed = parseSeries(bytes(texts.join('\n')), 'p.txt');
      return texts.every((t, i) => Object.is(parsed[i], Number(t)) || (parsed[i] === 0 && Number(t) === 0));
    }), { seed: 42, numRuns: 300 });
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import Papa from 'papaparse';
import { formatCsvValue, tableToCsv } from '../../src/notebook/table-csv.ts';
import { checkColumns } from '../../src/notebook/table.ts';

test('tableToCsv writes the headers with units, then the rows, with \\n line ends and a final newline', () => {
  const csv = tableToCsv(
    [{ name: 'rack', lengthM: 2, delayNs: 6.671281903963041 }, { name: 'a "quoted", name', lengthM: 0.1, delayNs: null }],
    [{ key: 'name', header: 'link' }, { key: 'lengthM', header: 'length (m)' }, { key: 'delayNs', header: 'delay, vacuum (ns)' }],
  );
  // Quoting as RFC 4180 section 2 rules 6 and 7: fields with commas or quotes are quoted, quotes doubled.
  assert.equal(csv, 'link,length (m),"delay, vacuum (ns)"\nrack,2,6.671281903963041\n"a ""quoted"", name",0.1,\n');
});

test('formatCsvValue: shortest round-trip numbers, words for non-finite values, empty for missing', () => {
  // Expected texts from ECMA-262 Number::toString examples and definitions.
  assert.equal(formatCsvValue(0.1), '0.1');
  assert.equal(formatCsvValue(1e21), '1e+21');
  assert.equal(formatCsvValue(1.5e-7), '1.5e-7');
  assert.equal(formatCsvValue(-0), '0');
  assert.equal(formatCsvValue(NaN), 'NaN');
  assert.equal(formatCsvValue(-Infinity), '-Infinity');
  assert.equal(formatCsvValue(true), 'true');
  assert.equal(formatCsvValue(undefined), '');
});

test('property: every double survives a CSV round trip through papaparse bit for bit', () => {
  fc.assert(fc.property(fc.array(fc.double(), { minLength: 1, maxLength: 20 }), fc.string(), (values, text) => {
    const rows = values.map((x) => ({ x, text }));
    const csv = tableToCsv(rows, [{ key: 'x', header: 'x (s)' }, { key: 'text', header: 'note' }]);
    const parsed = Papa.parse<string[]>(csv.slice(0, -1), { newline: '\n' }).data;
    assert.deepEqual(parsed[0], ['x (s)', 'note']);
    parsed.slice(1).forEach((row, i) => {
      const back = Number(row[0]);
      assert.ok(back === values[i] || (Number.isNaN(back) && Number.isNaN(values[i])), `${values[i]} -> ${row[0]}`);
      assert.equal(row[1], text);
    });
  }));
});

test('a numeric column needs a unit in its header; text columns do not', () => {
  const rows = [{ name: 'x', lengthM: 1 }];
  assert.throws(() => checkColumns('t', rows, [{ key: 'lengthM', header: 'length' }]), /numeric column 'length' needs its unit/);
  assert.doesNotThrow(() => checkColumns('t', rows, [{ key: 'name', header: 'link' }, { key: 'lengthM', header: 'length (m)' }]));
  assert.doesNotThrow(() => checkColumns('t', rows, [{ key: 'lengthM', header: 'gain [dB]' }]));
  assert.throws(() => checkColumns('t', rows, []), /at least one column/);
});

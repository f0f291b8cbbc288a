import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notebookTables } from './run-csv.ts';

const table = notebookTables('notebooks/21-asymmetry.ts');

test('NTP and PTP shift by hops·A/2 with the asymmetry (one-way-delay property, simulated)', async () => {
  const rows = await table('asymmetry-error');
  assert.deepEqual(rows.map((r) => Number(r['PTP asymmetry per link (ns)'])), [0, 100, 300, 1000, 3000]);
  for (const r of rows) {
    // −hops·A/2 with hops = 3 (the notebook's default), computed here independently.
    const a = Number(r['PTP asymmetry per link (ns)']);
    assert.equal(Number(r['PTP −hops·A/2 (ns)']) + 0, (-3 * a) / 2 + 0); // + 0: −0 prints as 0
    assert.ok(Math.abs(Number(r['PTP shift from symmetric run (ns)']) + 1.5 * a) <= 0.01 * a + 3, `PTP ${a}`);
    const b = Number(r['NTP asymmetry per link (ns)']);
    assert.equal(b, 100 * a);
    assert.ok(Math.abs(Number(r['NTP shift from symmetric run (ns)']) + 1.5 * b) <= 0.03 * b + 1, `NTP ${b}`);
  }
});

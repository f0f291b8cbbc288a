import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { notebookTables } from './run-csv.ts';

const table = notebookTables('notebooks/22-dtp-precision.ts');
// Bounds from data/reference/sync/worked-examples.json "dtp" (Lee et al., SIGCOMM 2016).
const dtp = JSON.parse(readFileSync('data/reference/sync/worked-examples.json', 'utf8')).dtp;

test('the simulated worst case stays within 4TD at every hop count; the bounds are the paper\'s', async () => {
  const rows = await table('precision-by-hops');
  assert.equal(rows.length, 6);
  for (const r of rows) {
    const d = r['hops D (1)'];
    assert.ok(Math.abs(Number(r['bound 4TD (ns)']) * 1e-9 - dtp.bound_by_hops[d]) < 1e-18, `bound ${d}`);
    assert.ok(Math.abs(Number(r['with daemon 4TD + 8T (ns)']) * 1e-9 - dtp.end_to_end_with_daemon_4TD_plus_8T[d]) < 1e-18, `daemon ${d}`);
    assert.ok(Number(r['worst counter difference (ticks)']) <= 4 * Number(d), `worst at ${d}`);
    assert.ok(Number(r['worst offset (ns)']) <= Number(r['bound 4TD (ns)']) + 1e-9);
  }
  assert.equal(Number(rows[5]['bound 4TD (ns)']), 153.60000000000002); // 153.6 ns over 6 hops
});

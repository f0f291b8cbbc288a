import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { silentProgress } from '../../src/notebook/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb31-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));

const csv = (dir: string, name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(dir, `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;

test('three observers: three permutations that disagree only on concurrent pairs; the Andromeda shift', async () => {
  const { dir } = await runNotebook('notebooks/31-observer-order.ts', { outDir: temp, papersDir: join(temp, 'papers'), progress: silentProgress });
  const orders = csv(dir, 'orders');
  assert.equal(orders.length, 16);
  const columns = ['a', 'b', 'c'].map((o) => orders.map((r) => Number(r[`position seen from ${o} (1)`])));
  for (const col of columns) assert.deepEqual([...col].sort((x, y) => x - y), Array.from({ length: 16 }, (_, i) => i + 1));
  // The orders differ (the point of the notebook) …
  assert.notDeepEqual(columns[0], columns[2]);
  const pairs = csv(dir, 'disagreements');
  assert.equal(pairs.length, 3);
  for (const p of pairs) {
    // … only on concurrent pairs; the Kendall-tau distance counts exactly those pairs.
    assert.equal(Number(p['disagreeing causally related pairs (pairs)']), 0);
    assert.equal(Number(p['Kendall-tau distance (pairs)']), Number(p['disagreeing concurrent pairs (pairs)']));
    assert.ok(Number(p['Kendall-tau distance (pairs)']) > 0);
  }
  // Δt = vD/c² with v = 1.39 m/s, D = 2.5 Mly (IAU light year 9 460 730 472 580 800 m; c exact, SI).
  const expectedDays = (1.39 * 2.5e6 * 9460730472580800) / 299792458 ** 2 / 86400;
  const slices = csv(dir, 'simultaneity');
  const zero = slices.find((r) => r['slice (1)'] === '0')!;
  assert.ok(Math.abs(Number(zero['"now" of the walker (days)']) - expectedDays) < 1e-9 * expectedDays);
  assert.ok(Math.abs(expectedDays - 4.2337) < 1e-3);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';

// OEIS A000798, number of quasi-orders (preorders) on n labelled points: 1, 4, 29, 355, 6942.
// OEIS A001930, number of preorders on n unlabelled points: 1, 3, 9, 33, 139.
const A000798 = [1, 4, 29, 355, 6942];
const A001930 = [1, 3, 9, 33, 139];
// 4^L(n) − 1, L(n) = min(C(n,2), 4n), written out by hand (issue 6: 3, 63, 4,095, …).
const MODES = ['3', '63', '4095', '1048575', '1073741823', '4398046511103', '72057594037927935', '4722366482869645213695'];

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb11-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));
let runDir: Promise<string> | undefined;
const run = () => (runDir ??= runNotebook('notebooks/11-failure-modes.ts', { outDir: temp, papersDir: join(temp, 'papers') }).then((r) => r.dir));
async function csv(name: string): Promise<Record<string, string>[]> {
  return Papa.parse<Record<string, string>>(readFileSync(join(await run(), `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

test('4^L(n) − 1 failure modes for n = 2 … 9, exactly', async () => {
  const rows = await csv('failure-modes');
  assert.deepEqual(rows.map((r) => r['4^L − 1 (exact)']), MODES);
  assert.deepEqual(rows.map((r) => Number(r['L(n) (links)'])), [1, 3, 6, 10, 15, 21, 28, 36]);
});

test('distinct reachability patterns: the preorder counts of OEIS A000798 and A001930', async () => {
  const rows = await csv('reachability-patterns');
  assert.deepEqual(rows.map((r) => Number(r['distinct reachability relations (1)'])), A000798);
  assert.deepEqual(rows.map((r) => Number(r['distinct up to relabelling (1)'])), A001930);
  assert.deepEqual(rows.map((r) => Number(r['link-state patterns (1)'])), [1, 4, 64, 4096, 1048576]);
});

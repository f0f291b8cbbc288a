import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { silentProgress } from '../../src/notebook/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb12-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));

// A small run (16 nodes, 400 messages) keeps the test fast; `npm run figures` runs the defaults.
const small = new Map([['messages', '400'], ['side', '4']]);
let runs: Promise<[string, string]> | undefined;
function run(): Promise<[string, string]> {
  runs ??= (async () => {
    const a = await runNotebook('notebooks/12-exactly-once.ts', { outDir: join(temp, 'a'), papersDir: join(temp, 'pa'), params: small, progress: silentProgress });
    const b = await runNotebook('notebooks/12-exactly-once.ts', { outDir: join(temp, 'b'), papersDir: join(temp, 'pb'), params: small, progress: silentProgress });
    return [a.dir, b.dir] as [string, string];
  })();
  return runs;
}
async function csv(name: string): Promise<Record<string, string>[]> {
  const text = readFileSync(join((await run())[0], `${name}.csv`), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

test('the atomic protocols show no duplicate, loss or conservation error at any failure rate; timeout-retry duplicates', async () => {
  const rows = await csv('failure-sweep');
  for (const row of rows.filter((r) => r.protocol === 'ait' || r.protocol === 'tiktyktik')) {
    assert.equal(row['duplicates (1)'], '0');
    assert.equal(row['lost (1)'], '0');
    assert.equal(row['conservation error (units)'], '0');
  }
  const retry = rows.filter((r) => r.protocol === 'timeout-retry');
  assert.ok(Number(retry.at(-1)!['duplicates (1)']) > 0);
  assert.ok(Number(rows.filter((r) => r.protocol === 'unacked').at(-1)!['lost (1)']) > 0);
});

test('recovery over the triangle: 16 blocks after a loss of signal', async () => {
  // IEEE 802.3 cl. 49.2.13.2.2: block lock lost after 16 invalid sync headers, 6.4 ns per block.
  const rows = await csv('recovery');
  const los = rows.find((r) => r.scenario.includes('loss of signal'))!;
  assert.equal(Number(los['first packet over the detour (ns after the failure)']), 102.4);
  assert.equal(Number(los['the same in 6.4 ns cycles (1)']), 16);
  for (const r of rows) assert.equal(r['duplicates (1)'], '0');
});

test('the Mathis curve: MSS 1460 B, RTT 10 µs, p = 1e-4 gives 143.05 Gb/s', async () => {
  // By hand from Mathis et al. 1997 eq. (3): 8·1460 b / 10 µs · √1.5 / √1e-4 = 1.168e9 · 122.474 = 1.4305e11 b/s.
  const rows = await csv('mathis');
  const row = rows.find((r) => r.curve === 'RTT 10 µs' && Math.abs(Number(r['loss probability p (1)']) - 1e-4) < 1e-12)!;
  assert.ok(Math.abs(Number(row['Mathis bound (Gb/s)']) - 143.05) < 0.01, row['Mathis bound (Gb/s)']);
});

test('same seed gives byte-identical CSV and SVG files', async () => {
  const [a, b] = await run();
  const files = readdirSync(a).filter((f) => /\.(csv|svg)$/.test(f)).sort();
  assert.ok(files.length >= 10);
  for (const f of files) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f);
});

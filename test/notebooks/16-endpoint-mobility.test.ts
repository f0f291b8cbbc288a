import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { silentProgress } from '../../src/notebook/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb16-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));

const small = new Map([['messages', '600'], ['side', '6'], ['eventAtNs', '4000'], ['rebindNs', '3000']]);
let runs: Promise<[string, string]> | undefined;
function run(): Promise<[string, string]> {
  runs ??= (async () => {
    const a = await runNotebook('notebooks/16-endpoint-mobility.ts', { outDir: join(temp, 'a'), papersDir: join(temp, 'pa'), params: small, progress: silentProgress });
    const b = await runNotebook('notebooks/16-endpoint-mobility.ts', { outDir: join(temp, 'b'), papersDir: join(temp, 'pb'), params: small, progress: silentProgress });
    return [a.dir, b.dir] as [string, string];
  })();
  return runs;
}

test('atomic: the moving endpoint and the failing-over group lose, duplicate and reorder nothing; conventional loses', async () => {
  const text = readFileSync(join((await run())[0], 'summary.csv'), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  assert.equal(rows.length, 4);
  for (const r of rows.filter((x) => x.network === 'atomic')) {
    assert.equal(r['delivered (1)'], '600', r.scenario);
    assert.equal(r['lost (1)'], '0');
    assert.equal(r['duplicates (1)'], '0');
    assert.equal(r['out of order (1)'], '0');
    assert.equal(r.judged, 'exactly-once');
  }
  for (const r of rows.filter((x) => x.network === 'conventional')) assert.ok(Number(r['lost (1)']) > 0, r.scenario);
});

test('same seed gives byte-identical CSV and SVG files', async () => {
  const [a, b] = await run();
  const files = readdirSync(a).filter((f) => /\.(csv|svg)$/.test(f)).sort();
  assert.deepEqual(files, ['endpoint-move.svg', 'group-failover.svg', 'summary.csv']);
  for (const f of files) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { silentProgress } from '../../src/notebook/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb14-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));

let runs: Promise<[string, string]> | undefined;
function run(): Promise<[string, string]> {
  runs ??= (async () => {
    const a = await runNotebook('notebooks/14-tiktyktik.ts', { outDir: join(temp, 'a'), papersDir: join(temp, 'pa'), progress: silentProgress });
    const b = await runNotebook('notebooks/14-tiktyktik.ts', { outDir: join(temp, 'b'), papersDir: join(temp, 'pb'), progress: silentProgress });
    return [a.dir, b.dir] as [string, string];
  })();
  return runs;
}
async function csv(name: string): Promise<Record<string, string>[]> {
  const text = readFileSync(join((await run())[0], `${name}.csv`), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

test('nine cut points, red where the spec prints red, no violation, always delivered over the triangle', async () => {
  // OAE spec ch. 10 "TIKTYKTIK": nine failure points; red knowledge at 3, 4 (Alice), 4, 5, 6 (Bob) and 6 (Alice).
  const rows = await csv('cut-points');
  assert.deepEqual(rows.map((r) => r['cut point (1)']), ['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  assert.deepEqual(rows.map((r) => /\[red\]/.test(r['Alice knows (spec)'] + r['Bob knows (spec)'])), [false, false, true, true, true, true, false, false, false]);
  for (const r of rows) {
    assert.equal(r['violations (1)'], '0');
    assert.equal(r['outcome over the triangle'], 'handed-over/delivered');
  }
  assert.equal(rows[0]['outcome, no detour: Alice told / Bob'], 'undeliverable/not delivered');
  assert.equal(rows[8]['outcome, no detour: Alice told / Bob'], 'handed-over/delivered');
});

test('ENTL/AIT trace: HELLO by the larger address, parities, AIT delivered on the final ACK; Lamport times rise', async () => {
  // entl_state_machine.c: the larger address goes to WAIT and sends EVENT 0.
  const rows = await csv('entl-ait-trace');
  const kinds = rows.map((r) => r.kind);
  assert.deepEqual(kinds.slice(0, 3), ['HELLO', 'HELLO', 'EVENT']);
  assert.equal(rows[2].from, 'A (0x0a)');
  const ait = kinds.indexOf('AIT');
  assert.deepEqual(kinds.slice(ait, ait + 3), ['AIT', 'ACK', 'ACK']);
  assert.deepEqual([rows[ait]['A after'], rows[ait]['B after']], ['AM', 'AH']);
  const lamport = rows.map((r) => Number(r['Lamport time of the receive (1)']));
  for (let i = 1; i < lamport.length; i++) assert.ok(lamport[i] > lamport[i - 1]);
});

test('reversible recovery and the 16-transition graph', async () => {
  const rev = await csv('reversible-recovery');
  assert.deepEqual(rev.filter((r) => r.run === 'error at +2').map((r) => r.to), ['+1', '+2', 'ERR+2', 'ERR+1', 'EQBM']);
  assert.ok(rev.filter((r) => r.run.startsWith('error')).every((r) => r['token with'] === 'sender'));
  assert.equal((await csv('alternating-causality')).length, 16);
});

test('same seed gives byte-identical CSV and SVG files', async () => {
  const [a, b] = await run();
  const files = readdirSync(a).filter((f) => /\.(csv|svg)$/.test(f)).sort();
  assert.ok(files.length >= 6);
  for (const f of files) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f);
});

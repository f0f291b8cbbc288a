import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb13-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));
let runDir: Promise<string> | undefined;
// A small run: sizes 16 and 64, failures up to 4 links with 1000 trials.
const run = () => (runDir ??= runNotebook('notebooks/13-mesh-vs-clos.ts', {
  outDir: temp, papersDir: join(temp, 'papers'), params: new Map([['maxNodes', '64'], ['maxFailedLinks', '4'], ['trials', '1000']]),
}).then((r) => r.dir));
async function csv(name: string): Promise<Record<string, string>[]> {
  return Papa.parse<Record<string, string>>(readFileSync(join(await run(), `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

test('metrics table: every design at 16 and 64 hosts, with closed-form spot checks', async () => {
  const rows = await csv('metrics');
  assert.equal(rows.length, 12);
  const get = (design: string, size: number) => rows.find((r) => r.design === design && Number(r['size class (hosts)']) === size)!;
  // 4 × 4 octavalent torus: every node adjacent to 8 of the other 15; λ₂ = 9 − (1 + 2cos(π/2))·3 = 6.
  const m16 = get('mesh8 wrap', 16);
  assert.equal(Number(m16['links (1)']), 64);
  assert.ok(Math.abs(Number(m16['λ₂ (1)']) - 6) < 1e-9);
  assert.equal(Number(m16['links with a one-hop detour (fraction)']), 1);
  // A star is a tree: one spanning tree, λ₂ = 1 (star K_{1,n}: eigenvalues 0, 1 (n−1 times), n+1).
  const star = get('star', 64);
  assert.equal(Number(star['log10 spanning trees (1)']), 0);
  assert.ok(Math.abs(Number(star['λ₂ (1)']) - 1) < 1e-9);
  assert.equal(Number(star['switches (1)']), 1);
  // The 54-host fat-tree (k = 6): 5k²/4 = 45 switches.
  assert.equal(Number(get('fat-tree', 64)['switches (1)']), 45);
  assert.equal(Number(get('fat-tree', 64)['hosts (1)']), 54);
});

test('partition table: probabilities inside their intervals; a star or fat-tree always splits on a host link', async () => {
  const rows = await csv('partition');
  assert.equal(rows.length, 6 * 4);
  for (const r of rows) {
    const p = Number(r['partition probability (1)']);
    assert.ok(Number(r['95% low (1)']) <= p && p <= Number(r['95% high (1)']));
  }
  // Every link of a star is a host link: one failure always splits the hosts.
  assert.equal(Number(rows.find((r) => r.design === 'star' && r['failed links (1)'] === '1')!['partition probability (1)']), 1);
  // One failed link never splits an 8-neighbour torus (every node has 8 links), exactly.
  const mesh = rows.find((r) => r.design === 'mesh8 wrap' && r['failed links (1)'] === '1')!;
  assert.equal(mesh.method, 'exact');
  assert.equal(Number(mesh['partition probability (1)']), 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';

// Metcalfe & Boggs, CACM 19(7), 1976, §6, recomputed here by hand: C = 2.94 Mb/s, T = 16 µs.
const C = 2.94e6;
const T = 16e-6;
function expectedE(P: number, Q: number): number {
  const A = Q === 1 ? 1 : (1 - 1 / Q) ** (Q - 1);
  const W = (1 - A) / A;
  return P / C / (P / C + W * T);
}

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb15-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));
let runDir: Promise<string> | undefined;
const run = () => (runDir ??= runNotebook('notebooks/15-metcalfe-boggs.ts', { outDir: temp, papersDir: join(temp, 'papers') }).then((r) => r.dir));
async function csv(name: string): Promise<Record<string, string>[]> {
  return Papa.parse<Record<string, string>>(readFileSync(join(await run(), `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

test('the 1976 curves: P = 48, 512, 1024, 4096 bits, Q = 1 … 256; E(1) = 1, A(2) = 1/2, A → 1/e', async () => {
  const rows = await csv('metcalfe-boggs');
  assert.deepEqual([...new Set(rows.map((r) => Number(r['P (bits)'])))], [4096, 1024, 512, 48]);
  for (const r of rows) {
    const P = Number(r['P (bits)']);
    const Q = Number(r['Q (stations)']);
    assert.ok(Math.abs(Number(r['E (fraction)']) - expectedE(P, Q)) < 1e-12, `${P} ${Q}`);
  }
  const q256 = rows.filter((r) => Number(r['Q (stations)']) === 256);
  assert.equal(q256.length, 4);
  // A(256) = (255/256)^255 is within 0.2% of 1/e.
  assert.ok(Math.abs(Number(q256[0]['A (probability)']) - 1 / Math.E) < 0.002);
  const q2 = rows.find((r) => Number(r['Q (stations)']) === 2)!;
  assert.equal(Number(q2['A (probability)']), 0.5);
});

test('bilateral efficiency: P/C over P/C + round trip + acknowledgement; below 1 and falling with length', async () => {
  const rows = await csv('bilateral');
  for (const r of rows) {
    const bytesOnWire = Number(r['frame (bytes)']) + 20;
    const bitsPerS = { '10G': 1e10, '100G': 1e11, '400G': 4e11 }[r.rate as '10G'];
    const packetS = (8 * bytesOnWire) / bitsPerS;
    const ackS = (8 * 84) / bitsPerS;
    const rttS = 2 * Number(r['link (m)']) * 5e-9;
    assert.ok(Math.abs(Number(r['bilateral efficiency (fraction)']) - packetS / (packetS + rttS + ackS)) < 1e-12);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';

// The spec table (atomic-Ethernet specification, quoted in issue 6): a 64-byte frame at 100 Gb/s
// is 1.344 m long at 5 ns/m; RTT = 10 ns/m × L + 2.4 ns; U = 6.16 %, 35.14 %, 66.40 %, 72.88 %.
const SPEC: Array<[number, number]> = [[10, 6.16], [1, 35.14], [0.1, 66.4], [0.01, 72.88]];

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb10-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));
let runDir: Promise<string> | undefined;
const run = () => (runDir ??= runNotebook('notebooks/10-snake-utilisation.ts', { outDir: temp, papersDir: join(temp, 'papers') }).then((r) => r.dir));
async function csv(name: string): Promise<Record<string, string>[]> {
  const text = readFileSync(join(await run(), `${name}.csv`), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

test('reproduces the spec table: 1.344 m frame, U = 6.16, 35.14, 66.40, 72.88 % (to 0.01 percentage point)', async () => {
  const rows = await csv('spec-table');
  assert.equal(rows.length, 4);
  rows.forEach((row, i) => {
    const [lengthM, specPct] = SPEC[i];
    assert.equal(Number(row['cable (m)']), lengthM);
    assert.ok(Math.abs(Number(row['frame on the wire (m)']) - 1.344) < 1e-12);
    assert.equal(Number(row['T_tx (ns)']), 6.72);
    assert.ok(Math.abs(Number(row['RTT (ns)']) - (10 * lengthM + 2.4)) < 1e-12);
    const u = Number(row['U computed (%)']);
    // Computed here by hand from the spec's formula, not by the notebook's code.
    assert.ok(Math.abs(u - (100 * 6.72) / (6.72 + 10 * lengthM + 2.4)) < 1e-9);
    assert.ok(Math.abs(u - specPct) < 0.01, `${lengthM} m: ${u} vs ${specPct}`);
  });
});

test('frames in flight: ⌈(T_tx + RTT)/T_tx⌉, and the simulated windowed sender agrees with the formula', async () => {
  for (const row of await csv('utilisation')) {
    const tx = Number(row['T_tx (ns)']);
    const rtt = Number(row['RTT (ns)']);
    const w = Number(row['frames in flight to fill the link (1)']);
    assert.ok(w * tx >= tx + rtt - 1e-9 && (w - 1) * tx < tx + rtt, JSON.stringify(row));
  }
  for (const row of await csv('simulation-check')) {
    const formula = Number(row['U formula (%)']);
    const simulated = Number(row['U simulated, 2000 frames (%)']);
    // The run ends with the last frame, so it gains at most one round trip in 1999.
    assert.ok(simulated >= formula - 1e-9 && simulated <= formula * (1 + 1 / 1999) + 1e-9, JSON.stringify(row));
  }
});

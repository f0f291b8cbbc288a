import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { runClockEnsemble, CLOCK_ENSEMBLE_DEFAULTS } from '../../src/kernel/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb50-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));

let runDir: Promise<string> | undefined;
function run(): Promise<string> {
  // A smaller run than the default keeps the test short; the structure is the same.
  runDir ??= runNotebook('notebooks/50-sweep-clock-ensemble.ts', { outDir: temp, papersDir: join(temp, 'papers'), params: new Map([['clocks', '16'], ['steps', '4000']]) })
    .then((r) => r.dir);
  return runDir;
}

async function csv(name: string): Promise<Record<string, string>[]> {
  const text = readFileSync(join(await run(), `${name}.csv`), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

test('the precision table covers 3 oscillators × 4 jitters × 5 intervals, with units in its headers', async () => {
  const rows = await csv('precision');
  assert.equal(rows.length, 60);
  assert.deepEqual(Object.keys(rows[0]), [
    'oscillator', 'sync interval (s)', 'delay jitter, mean (s)', 'precision, mean spread (s)',
    'precision, largest spread (s)', 'offset to reference, rms (s)', 'task (1)',
  ]);
  assert.deepEqual([...new Set(rows.map((r) => r.oscillator))], ['XO', 'TCXO', 'OCXO']);
});

test('each row is the kernel run of its configuration (same seed and task)', async () => {
  const rows = await csv('precision');
  const row = rows[37]; // TCXO, 1e-5 s jitter, 2 s interval
  const summary = runClockEnsemble({
    ...CLOCK_ENSEMBLE_DEFAULTS, clocks: 16, steps: 4000, stepS: 0.01, syncIntervalSteps: Number(row['sync interval (s)']) / 0.01,
    jitterS: Number(row['delay jitter, mean (s)']), frequencyGain: 0.5, asymmetryS: 0,
    whiteFmSigma: 1e-9, randomWalkFmSigma: 1e-11, initialSkewSigma: 1e-6,
  }, { seed: 50, task: Number(row['task (1)']), engine: 'ts' });
  assert.equal(row.oscillator, 'TCXO');
  assert.equal(Number(row['precision, mean spread (s)']), summary.precisionMeanS);
});

test('at the shortest interval the jitter sets the precision: it scales with the jitter, whatever the oscillator', async () => {
  // Two-way error (J/2)(E_f − E_b) has standard deviation J/√2 (src/kernel/README.md): the spread
  // of the ensemble is proportional to J when the oscillator wander between syncs is negligible.
  const rows = (await csv('precision')).filter((r) => Number(r['sync interval (s)']) === 0.02);
  for (const oscillator of ['XO', 'TCXO', 'OCXO']) {
    const byJitter = rows.filter((r) => r.oscillator === oscillator && Number(r['delay jitter, mean (s)']) >= 1e-7);
    for (const r of byJitter) {
      const ratio = Number(r['precision, mean spread (s)']) / Number(r['delay jitter, mean (s)']);
      assert.ok(ratio > 2 && ratio < 6, `${oscillator}, J = ${r['delay jitter, mean (s)']}: spread/J = ${ratio}`);
    }
  }
});

test('a worse oscillator degrades sooner: at the longest interval and smallest jitter XO > TCXO > OCXO', async () => {
  const rows = (await csv('precision')).filter((r) => Number(r['sync interval (s)']) === 10 && Number(r['delay jitter, mean (s)']) === 1e-8);
  const p = Object.fromEntries(rows.map((r) => [r.oscillator, Number(r['precision, mean spread (s)'])]));
  assert.ok(p.XO > p.TCXO && p.TCXO > p.OCXO, JSON.stringify(p));
  const knees = await csv('interval-that-matters');
  assert.equal(knees.length, 12);
});

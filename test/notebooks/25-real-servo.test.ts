import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notebookTables } from './run-csv.ts';
import { logPhaseSeries, readLog } from '../../src/clocks/logs/index.ts';
import { tdev } from '../../src/clocks/stability/index.ts';

const table = notebookTables('notebooks/25-real-servo.ts');

test('the log side is the reader\'s series after 30 s of settling, with the library\'s TDEV', async () => {
  const rows = await table('comparison');
  assert.deepEqual(rows.map((r) => r.series), ['ptp4l log', 'simulated servo']);
  // Independently: locked samples of data/logs/ptp4l.log from 30 s after the first s2 line.
  const s = logPhaseSeries(readLog('data/logs/ptp4l.log', 'ptp4l'), 'x');
  const kept = Array.from(s.phaseS).filter((_, i) => s.timesS[i] - s.timesS[0] >= 30);
  assert.equal(Number(rows[0]['locked samples (1)']), kept.length);
  const t = tdev(Float64Array.from(kept), { tau0S: 1, taus: [1] });
  assert.ok(Math.abs(Number(rows[0]['TDEV at τ0 (ns)']) - t.devs[0] * 1e9) < 1e-9);
  // The simulated servo, one hop with 8 ns stamps: a few ns rms, and its samples are all locked.
  assert.ok(Number(rows[1]['rms offset (ns)']) < 10 && Number(rows[1]['locked samples (1)']) > 800);
});

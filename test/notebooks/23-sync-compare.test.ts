import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notebookTables } from './run-csv.ts';

const table = notebookTables('notebooks/23-sync-compare.ts');

test('five algorithms on one mesh: each converges, in its own decade', async () => {
  const rows = await table('summary');
  const by = Object.fromEntries(rows.map((r) => [r.algorithm, r]));
  assert.deepEqual(Object.keys(by).sort(), ['DTP', 'Huygens-style', 'NTP', 'PTP', 'TrueTime']);
  const rms = (name: string) => Number(by[name]['rms offset (ns)']);
  // Orders of magnitude expected from the set-ups (hardware stamps of 8 ns, PHY ticks of 6.4 ns,
  // kernel stamps with tens of µs of jitter, TrueTime's 30 s of TCXO drift between polls).
  assert.ok(rms('PTP') < 20 && rms('Huygens-style') < 20 && rms('DTP') < 20);
  assert.ok(rms('NTP') > 1000 && rms('TrueTime') > 1000);
  // DTP's precision on a 4 × 4 mesh (diameter 3 hops) is within 4TD = 76.8 ns.
  assert.ok(Number(by.DTP['precision (ns)']) <= 76.8);
  for (const r of rows) assert.ok(Number(r['convergence (s)']) >= 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notebookTables } from './run-csv.ts';

const table = notebookTables('notebooks/24-clock-coherence.ts');
const c = 299_792_458; // m/s, exact (SI Brochure 2019)
const lightYearM = 9_460_730_472_580_800; // IAU
const auM = 149_597_870_700; // IAU 2012 B2

test('budget: light times from the distances; PHY ticks limit the rack and data centre at 4T per hop', async () => {
  const rows = await table('budget');
  const by = Object.fromEntries(rows.map((r) => [r.scale, r]));
  assert.equal(rows.length, 7);
  // Proxima: 4.246 ly in vacuum is 4.246 Julian years of light time.
  assert.ok(Math.abs(Number(by['Earth–Proxima Centauri']['one-way delay (s)']) - (4.246 * lightYearM) / c) < 1);
  assert.ok(Math.abs(Number(by['Earth–Mars (1.5 AU)']['one-way delay (s)']) - (1.5 * auM) / c) < 1e-6);
  // 4T = 25.6 ns for one 10 GbE hop, 153.6 ns for six (Lee et al. 2016).
  assert.ok(Math.abs(Number(by.rack['best achievable (s)']) - 25.6e-9) < 1e-15);
  assert.ok(Math.abs(Number(by['data centre (6 hops)']['best achievable (s)']) - 153.6e-9) < 1e-15);
  assert.equal(by.rack['limited by'], 'time-stamp ticks (4T per hop)');
  assert.equal(by['WAN (1000 km of fibre)']['limited by'], 'path asymmetry');
  // The swarm's frame convention across 1000 km at 0.2 c: vL/c² = 667 µs.
  assert.ok(Math.abs(Number(by['probe swarm at 0.2 c (1000 km laser links)']['frame convention vL/c², not in the budget (s)'])) < 1e-12);
  assert.ok(Math.abs(Number(by['Earth–Proxima Centauri']['frame convention vL/c², not in the budget (s)']) - (0.2 * 4.246 * lightYearM) / c) < 1);
});

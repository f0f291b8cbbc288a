import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvRows as rows } from './csv-rows.ts';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { silentProgress } from '../../src/notebook/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb40-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));
const small = new Map([['heartbeats', '30000'], ['crashes', '40']]);


test('notebook 40: every detector on the frontier; Cassandra convicts after 18.42 × the mean; same seed, same bytes', async () => {
  const a = await runNotebook('notebooks/40-qos-tradeoff.ts', { outDir: join(temp, 'a'), papersDir: join(temp, 'pa'), params: small, progress: silentProgress });
  const t = rows(a.dir, 'tradeoff');
  assert.deepEqual([...new Set(t.map((r) => r.detector))], ['fixed', 'nfd-s', 'nfd-e', 'phi', 'phi-akka', 'cassandra', 'swim', 'lifeguard']);
  // Cassandra at threshold 8: silence of 8·ln 10 = 18.42 mean intervals (cassandra-phi-test-vectors.json),
  // the mean interval ≈ η(1 + p_L) with losses; the crash is uniform in the period after the
  // last heartbeat (−η/2) and that heartbeat arrived ~25 ms late: E(T_D) ≈ 18.42·1.01 − 0.5 + 0.025.
  const cass = t.find((r) => r.detector === 'cassandra' && r.setting === 'threshold = 8')!;
  assert.ok(Math.abs(Number(cass['E(T_D) (s)']) - (18.42 * 1.01 - 0.5 + 0.025)) < 0.15, cass['E(T_D) (s)']);
  // NFD-S's T_D never exceeds η + δ (Chen et al. 2002 §4).
  for (const r of t.filter((x) => x.detector === 'nfd-s')) {
    assert.ok(Number(r['T_D p99 (s)']) <= 1 + Number(r.setting.split('= ')[1]) + 1e-9, r.setting);
  }
  const b = await runNotebook('notebooks/40-qos-tradeoff.ts', { outDir: join(temp, 'b'), papersDir: join(temp, 'pb'), params: small, progress: silentProgress });
  for (const f of readdirSync(a.dir).filter((x) => /\.(csv|svg)$/.test(x))) {
    assert.ok(readFileSync(join(a.dir, f)).equals(readFileSync(join(b.dir, f))), f);
  }
});

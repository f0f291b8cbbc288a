import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvRows } from './csv-rows.ts';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { silentProgress } from '../../src/notebook/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb43-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));
const small = new Map([['trials', '300'], ['nodes', '12'], ['shards', '24']]);

test('notebook 43: simulated complete isolation within its CI of the exact formula; majority rule; same bytes', async () => {
  const a = await runNotebook('notebooks/43-clique-shutdown.ts', { outDir: join(temp, 'a'), papersDir: join(temp, 'pa'), params: small, progress: silentProgress });
  const rows = csvRows(a.dir, 'shutdown');
  assert.equal(rows.length, 12);
  for (const r of rows) {
    const exact = Number(r['P(shutdown), complete, exact (1)']);
    const sim = Number(r['P(shutdown), complete, simulated (1)']);
    const half = 1.96 * Math.sqrt((exact * (1 - exact)) / 300);
    assert.ok(Math.abs(sim - exact) <= 1.5 * half + 1e-12, `${r['nodes affected (1)']}: ${sim} vs ${exact}`);
    // Half or more of 12 nodes cut off: no strict majority, always down (VoltDB keeps the larger side).
    if (Number(r['nodes affected (1)']) >= 6) assert.equal(exact, 1);
  }
  const b = await runNotebook('notebooks/43-clique-shutdown.ts', { outDir: join(temp, 'b'), papersDir: join(temp, 'pb'), params: small, progress: silentProgress });
  for (const f of readdirSync(a.dir).filter((x) => /\.(csv|svg)$/.test(x))) {
    assert.ok(readFileSync(join(a.dir, f)).equals(readFileSync(join(b.dir, f))), f);
  }
});

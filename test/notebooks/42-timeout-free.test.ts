import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvRows as rows } from './csv-rows.ts';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { silentProgress } from '../../src/notebook/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb42-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));
const small = new Map([['trials', '16'], ['runUs', '500']]);


test('notebook 42: count rule constant in events, no false alarm on a slow node, stuck when isolated', async () => {
  const a = await runNotebook('notebooks/42-timeout-free.ts', { outDir: join(temp, 'a'), papersDir: join(temp, 'pa'), params: small, progress: silentProgress });
  const det = rows(a.dir, 'detection-vs-load');
  // 64 events on 7 other ports ≈ 9 of their round trips, whatever the load; the wall time grows.
  for (const r of det) {
    assert.equal(r['count rule: events on other ports (1)'], '64');
    const rt = Number(r['count rule: detection (round trips)']);
    assert.ok(rt > 7 && rt < 10.5, `${r['link load (1)']}: ${rt}`);
  }
  assert.ok(Number(det.at(-1)!['count rule: detection (ns)']) > 3 * Number(det[0]['count rule: detection (ns)']));
  const fa = rows(a.dir, 'false-alarms');
  const slow = fa.filter((r) => r.case === 'node slows down');
  assert.ok(slow.every((r) => Number(r['count rule: false alarms per second (1/s)']) === 0));
  assert.ok(Number(slow.at(-1)!['clock rule: false alarms per second (1/s)']) > 0);
  const iso = rows(a.dir, 'isolated-node')[0];
  assert.equal(iso['count rule: detection (ns)'], '');
  assert.ok(Number(iso['clock rule: detection (ns)']) > 0);
  const b = await runNotebook('notebooks/42-timeout-free.ts', { outDir: join(temp, 'b'), papersDir: join(temp, 'pb'), params: small, progress: silentProgress });
  for (const f of readdirSync(a.dir).filter((x) => /\.(csv|svg)$/.test(x))) {
    assert.ok(readFileSync(join(a.dir, f)).equals(readFileSync(join(b.dir, f))), f);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvRows as rows } from './csv-rows.ts';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { silentProgress } from '../../src/notebook/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb41-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));
const small = new Map([['trials', '200'], ['rows', '6'], ['cols', '6']]);


test('notebook 41: alternate paths name crash, link and partition; timeouts only crashes; one leader instead of two', async () => {
  const a = await runNotebook('notebooks/41-partitions.ts', { outDir: join(temp, 'a'), papersDir: join(temp, 'pa'), params: small, progress: silentProgress });
  const acc = rows(a.dir, 'accuracy-by-kind');
  const get = (kind: string, lines: string, detector: string) =>
    Number(acc.find((r) => r['failure kind'] === kind && r['broken lines'] === lines && r.detector === detector)!['accuracy (1)']);
  for (const kind of ['crash', 'link-cut', 'link-oneway', 'complete-partition', 'partial-partition']) {
    assert.equal(get(kind, 'loss of signal', 'alternate path'), 1, kind);
    assert.equal(get(kind, 'loss of signal', 'timeout'), kind === 'crash' ? 1 : 0, kind);
  }
  // Silent complete partitions cannot be told from crashes.
  assert.equal(get('complete-partition', 'silent', 'alternate path'), 0);
  const summary = rows(a.dir, 'election-summary');
  assert.equal(Number(summary[0]['fraction with two leaders (1)']), 1);
  assert.equal(Number(summary[1]['fraction with two leaders (1)']), 0);
  const b = await runNotebook('notebooks/41-partitions.ts', { outDir: join(temp, 'b'), papersDir: join(temp, 'pb'), params: small, progress: silentProgress });
  for (const f of readdirSync(a.dir).filter((x) => /\.(csv|svg)$/.test(x))) {
    assert.ok(readFileSync(join(a.dir, f)).equals(readFileSync(join(b.dir, f))), f);
  }
});

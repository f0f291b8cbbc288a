import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { silentProgress } from '../../src/notebook/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb30-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));

test('the events table has every event of the example log with the clock the log gives it', async () => {
  const { dir } = await runNotebook('notebooks/30-spacetime-diagram.ts', { outDir: temp, papersDir: join(temp, 'papers'), progress: silentProgress });
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'events.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  // Independent reading of the log (ShiViz example facebook.log): every `host {clock}` line.
  const logged = new Map<string, Record<string, number>>();
  for (const line of readFileSync('data/reference/causality/shiviz-facebook.log', 'utf8').split('\n')) {
    const m = /^(\w+) (\{.*\})\s*$/.exec(line);
    if (m) { const clock = JSON.parse(m[2]); logged.set(`${m[1]}#${clock[m[1]]}`, clock); }
  }
  assert.equal(rows.length, logged.size);
  for (const r of rows) {
    const clock = logged.get(`${r.host}#${r['index on host (1)']}`)!;
    assert.deepEqual(JSON.parse(r['vector clock']), Object.fromEntries(Object.entries(clock).filter(([, v]) => v !== 0)));
  }
  const svg = readFileSync(join(dir, 'spacetime.svg'), 'utf8');
  assert.ok(svg.includes('loadBalancer'));
});

test('labels from a log are escaped on the page and in the figure', async () => {
  const log = join(temp, 'evil.log');
  writeFileSync(log, '<script>alert(1)</script>\na {"a":1}\n<img src=x onerror=alert(2)>\nb {"b":1, "a":1}\n');
  const { dir } = await runNotebook('notebooks/30-spacetime-diagram.ts', {
    outDir: join(temp, 'evil'), papersDir: join(temp, 'papers'), progress: silentProgress, params: new Map([['log', log]]),
  });
  const page = readFileSync(join(dir, 'index.html'), 'utf8');
  assert.ok(!page.includes('<script>alert'));
  assert.ok(!page.includes('<img src=x'));
  assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
});

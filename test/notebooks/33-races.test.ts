import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { silentProgress } from '../../src/notebook/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb33-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));

const csv = (dir: string, name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(dir, `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;

test('races: concurrent pairs of the log counted independently from its clocks; width sweep within bounds', async () => {
  const { dir } = await runNotebook('notebooks/33-races.ts', {
    outDir: temp, papersDir: join(temp, 'papers'), progress: silentProgress, params: new Map([['maxHosts', '16'], ['eventsPerHost', '50']]),
  });
  // Independent count: the vector clock on each line of the ShiViz example, compared entry-wise.
  const clocks: Array<Record<string, number>> = [];
  for (const line of readFileSync('data/reference/causality/shiviz-simple-reliable-broadcast.log', 'utf8').split('\n')) {
    const m = /\[akka:\/\/Broadcast\/user\/\w+\] (\{.*?\})/.exec(line);
    if (m) clocks.push(JSON.parse(m[1]));
  }
  const leq = (a: Record<string, number>, b: Record<string, number>) => Object.keys(a).every((k) => a[k] <= (b[k] ?? 0));
  let concurrent = 0;
  for (let i = 0; i < clocks.length; i++) for (let j = i + 1; j < clocks.length; j++) if (!leq(clocks[i], clocks[j]) && !leq(clocks[j], clocks[i])) concurrent++;
  const page = readFileSync(join(dir, 'index.html'), 'utf8');
  assert.ok(page.includes(`<strong>${concurrent}</strong>`), `expected ${concurrent} concurrent pairs on the page`);
  assert.ok(csv(dir, 'message-races').length > 0);
  const sweep = csv(dir, 'width-by-hosts');
  assert.deepEqual(sweep.map((r) => r['hosts (1)']), ['2', '4', '8', '16']);
  for (const r of sweep) {
    const w = Number(r['width (events)']);
    assert.ok(w >= 1 && w <= Number(r['hosts (1)']));
  }
});

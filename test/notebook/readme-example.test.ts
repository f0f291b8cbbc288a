// Runs the example notebook in src/notebook/README.md, so the documentation cannot go stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';

test('the example notebook in src/notebook/README.md runs and writes what the README says', async () => {
  const readme = readFileSync('src/notebook/README.md', 'utf8');
  const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(example, 'README has a ```ts example');
  // Written beside the test fixtures rather than into notebooks/, where `figures` would find it;
  // the example's imports are relative to notebooks/, so they gain two levels.
  const file = join('test', 'notebook', 'fixtures', `99-readme-example-${process.pid}.ts`);
  const out = mkdtempSync(join(tmpdir(), 'chronotope-readme-'));
  writeFileSync(file, example.replaceAll("from '../src/", "from '../../../src/"));
  try {
    const result = await runNotebook(file, { outDir: out, papersDir: join(out, 'papers'), params: new Map([['links', '3']]) });
    const rows = Papa.parse<string[]>(readFileSync(join(result.dir, 'delays.csv'), 'utf8').trim()).data;
    assert.deepEqual(rows[0], ['length (m)', 'delay (ns)']);
    assert.deepEqual(rows.slice(1).map((r) => Number(r[0])), [1, 2, 4]);
    // 5 ns per metre plus jitter of standard deviation 0.2 ns: within 2 ns (10 sigma) of 5 ns/m.
    for (const [lengthM, delayNs] of rows.slice(1).map((r) => r.map(Number))) assert.ok(Math.abs(delayNs - 5 * lengthM) < 2);
    assert.match(readFileSync(join(result.dir, 'index.html'), 'utf8'), /<h1>Cable delay with jitter<\/h1>/);
  } finally {
    rmSync(file, { force: true });
    rmSync(out, { recursive: true, force: true });
  }
});

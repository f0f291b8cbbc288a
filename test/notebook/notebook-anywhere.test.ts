// `chronotope run PATH` on a notebook in a temporary folder outside the repository: importing the
// toolkit by package name or by path, with or without a package.json beside it (issue 12: this
// crashed with ERR_REQUIRE_CYCLE_MODULE), and a syntax error there reported as file:line:column.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runProcess, type ProcessResult } from '../run-process.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'chronotope-anywhere-'));
after(() => rmSync(work, { recursive: true, force: true }));
assert.ok(!work.startsWith(ROOT));

function run(cwd: string, args: string[]): Promise<ProcessResult> {
  return runProcess(process.execPath, [join(ROOT, 'bin/chronotope'), ...args], { cwd: cwd });
}

/** A notebook with a parameter, a table and a figure; `from` is where it imports the toolkit. */
function notebookSource(from: string): string {
  return `import * as Plot from '@observablehq/plot';
import { notebook, oadev } from ${JSON.stringify(from)};

export default notebook(
  { title: 'Anywhere', params: { points: { value: 64, min: 8, integer: true } }, seed: 3 },
  (nb, { points }) => {
    const phaseS = Array.from({ length: points }, (_, i) => ((i * 7919) % 13) * 1e-9);
    const sigma = oadev(phaseS, { tau0S: 1, taus: [1, 2, 4] });
    const rows = Array.from(sigma.tausS, (tauS, k) => ({ tauS, adev: sigma.devs[k] }));
    nb.md\`OADEV of \${points} points.\`;
    const table = nb.table('oadev', rows, [{ key: 'tauS', header: 'tau (s)' }, { key: 'adev', header: 'oadev (1)' }]);
    nb.figure('oadev', { x: { type: 'log', label: 'tau (s)' }, y: { type: 'log', label: 'oadev (1)' }, marks: [Plot.dot(rows, { x: 'tauS', y: 'adev' })] }, { data: table });
  },
);
`;
}

const EXPECTED_CSV = 'tau (s),oadev (1)\n'; // the header; the values are checked equal across cases

describe('notebooks outside the repository', { concurrency: 4 }, () => {
  const cases: [string, string, string | undefined][] = [
    ['by package name, no package.json', "chronotope", undefined],
    ['by package name, package.json without "type"', 'chronotope', '{ "name": "my-experiments", "private": true }'],
    ['by package name, "type": "module"', 'chronotope', '{ "name": "my-experiments", "type": "module" }'],
    ['by package name, "type": "commonjs"', 'chronotope', '{ "name": "my-experiments", "type": "commonjs" }'],
    ['by absolute path, no package.json', join(ROOT, 'src/index.ts'), undefined],
  ];
  const csvs: string[] = [];
  for (const [what, from, packageJson] of cases) {
    test(`a notebook importing the toolkit ${what} runs`, async () => {
      const dir = mkdtempSync(join(work, 'project-'));
      if (packageJson !== undefined) writeFileSync(join(dir, 'package.json'), packageJson);
      mkdirSync(join(dir, 'experiments'));
      writeFileSync(join(dir, 'experiments/my-notebook.ts'), notebookSource(from));
      const r = await run(dir, ['run', 'experiments/my-notebook.ts', '--param', 'points=100']);
      assert.equal(r.code, 0, r.stderr);
      const csv = readFileSync(join(dir, 'out/my-notebook/oadev.csv'), 'utf8');
      assert.ok(csv.startsWith(EXPECTED_CSV), csv);
      assert.equal(csv.trim().split('\n').length, 4);
      assert.ok(existsSync(join(dir, 'out/my-notebook/oadev.svg')) && existsSync(join(dir, 'out/my-notebook/index.html')));
      csvs.push(csv);
      if (csvs.length === cases.length) assert.ok(csvs.every((c) => c === csvs[0]), 'every way of importing gives the same table');
    });
  }

  for (const packageJson of [undefined, '{ "name": "p" }']) {
    test(`a syntax error outside the repository (${packageJson === undefined ? 'no' : 'a'} package.json) is file:line:column, exit 2`, async () => {
      const dir = mkdtempSync(join(work, 'broken-'));
      if (packageJson !== undefined) writeFileSync(join(dir, 'package.json'), packageJson);
      writeFileSync(join(dir, 'broken.ts'), "import { notebook } from 'chronotope';\nexport default notebook({ title: 'x' }, (nb) => {\n  nb.md`hi`;\n  const = 1;\n});\n");
      const r = await run(dir, ['run', 'broken.ts']);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.split('\n').length, 2, r.stderr);
      assert.match(r.stderr, /^broken\.ts:4:9: syntax error: Expected identifier but found "="\n$/);
    });
  }
});

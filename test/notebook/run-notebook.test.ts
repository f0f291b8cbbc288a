import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/core/errors.ts';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { isPng } from './png-bytes.ts';

const fixture = 'test/notebook/fixtures/01-random-walk.ts';
const temp = mkdtempSync(join(tmpdir(), 'chronotope-run-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));

const read = (dir: string, file: string) => readFileSync(join(dir, file));

test('a run writes the page, SVG, PNG, CSV and run.json, and the paper copies', async () => {
  const out = join(temp, 'a');
  const papers = join(temp, 'papers-a');
  const result = await runNotebook(fixture, { outDir: out, papersDir: papers });
  assert.equal(result.dir, join(out, '01-random-walk'));
  assert.deepEqual(readdirSync(result.dir).sort(), ['index.html', 'run.json', 'walk.csv', 'walk.png', 'walk.svg']);
  assert.deepEqual(readdirSync(join(papers, 'figures')).sort(), ['walk.csv', 'walk.png', 'walk.svg']);
  assert.deepEqual(read(join(papers, 'figures'), 'walk.svg'), read(result.dir, 'walk.svg'));
  assert.ok(isPng(read(result.dir, 'walk.png')));
  assert.match(read(result.dir, 'walk.csv').toString(), /^step \(1\),position \(m\)\n0,-?\d/);
  const html = read(result.dir, 'index.html').toString();
  assert.match(html, /<h1>Random walk \(test fixture\)<\/h1>/);
  assert.match(html, /<a href="\.\.\/index\.html">/);
  assert.match(html, /<svg [^>]*class="chronotope-figure"/);
  assert.match(html, /id="fig-walk-clip-1"/);
  assert.match(html, /<strong>40<\/strong>/);
  const info = JSON.parse(read(result.dir, 'run.json').toString());
  assert.equal(info.seed, 7);
  assert.deepEqual(info.params, { steps: 40, stepM: 1, fail: false, label: 'walk' });
  assert.deepEqual(info.figures, ['walk']);
  // The site index was written and lists the notebook with its thumbnail.
  assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /<img src="01-random-walk\/walk\.png"/);
});

test('the same seed gives byte-identical CSV, SVG and PNG; another seed changes the data', async () => {
  const runs = [];
  for (const [name, seed] of [['s1', 11], ['s2', 11], ['s3', 12]] as const) {
    runs.push((await runNotebook(fixture, { outDir: join(temp, name), papersDir: join(temp, name, 'papers'), seed })).dir);
  }
  for (const file of ['walk.csv', 'walk.svg', 'walk.png', 'index.html']) {
    assert.deepEqual(read(runs[1], file), read(runs[0], file), file);
  }
  assert.notDeepEqual(read(runs[2], 'walk.csv'), read(runs[0], 'walk.csv'));
  const info = JSON.parse(read(runs[0], 'run.json').toString());
  assert.equal(info.seed, 11);
});

test('parameters from the command line reach the notebook with their types', async () => {
  const result = await runNotebook(fixture, {
    outDir: join(temp, 'p'), papersDir: join(temp, 'p', 'papers'),
    params: new Map([['steps', '3'], ['label', 'short walk']]),
  });
  assert.equal(read(result.dir, 'walk.csv').toString().trim().split('\n').length, 1 + 3);
  assert.match(read(result.dir, 'index.html').toString(), /<h1>short walk<\/h1>/);
});

test('a notebook that throws names its file and leaves the previous results untouched', async () => {
  const out = join(temp, 'f');
  const first = await runNotebook(fixture, { outDir: out, papersDir: join(temp, 'f-papers') });
  const before = read(first.dir, 'run.json');
  await assert.rejects(
    runNotebook(fixture, { outDir: out, papersDir: join(temp, 'f-papers'), params: new Map([['fail', 'true']]) }),
    (e: Error) => {
      assert.ok(!(e instanceof InputError));
      assert.match(e.message, /^test\/notebook\/fixtures\/01-random-walk\.ts: notebook failed: the fixture was asked to fail$/);
      // The stack still shows the notebook line that threw.
      assert.match(e.stack ?? '', /01-random-walk\.ts:\d+/);
      return true;
    },
  );
  assert.deepEqual(read(first.dir, 'run.json'), before);
  assert.deepEqual(readdirSync(out).sort(), ['01-random-walk', 'index.html']);
});

test('bad input is an InputError naming the file or option', async () => {
  const opts = { outDir: join(temp, 'bad'), papersDir: join(temp, 'bad-papers') };
  await assert.rejects(runNotebook('notebooks/99-missing.ts', opts), (e: Error) =>
    e instanceof InputError && e.message === 'notebooks/99-missing.ts: no such notebook file');
  await assert.rejects(runNotebook(fixture, { ...opts, params: new Map([['speed', '1']]) }), (e: Error) =>
    e instanceof InputError && /unknown parameter 'speed'/.test(e.message));
  await assert.rejects(runNotebook(fixture, { ...opts, params: new Map([['steps', '1e9']]) }), (e: Error) =>
    e instanceof InputError && e.message === "--param steps: expected an integer from 1 to 1000, got '1e9'");
  await assert.rejects(runNotebook(fixture, { ...opts, seed: -1 }), (e: Error) => e instanceof InputError && /--seed/.test(e.message));
  await assert.rejects(runNotebook('notebooks/01_bad name.ts', opts), (e: Error) =>
    e instanceof InputError && /01_bad name\.ts: a notebook file name must be/.test(e.message));
  // A TypeScript module whose default export is not a notebook.
  await assert.rejects(runNotebook('test/notebook/png-bytes.ts', opts), (e: Error) =>
    e instanceof InputError && /^test\/notebook\/png-bytes\.ts: not a notebook/.test(e.message));
});

test('an --out or --papers that is not a directory is refused before the notebook runs', async () => {
  const file = join(temp, 'a-file.csv');
  writeFileSync(file, 'x');
  await assert.rejects(runNotebook(fixture, { outDir: file, papersDir: join(temp, 'o-papers') }), (e: Error) =>
    e instanceof InputError && e.message === `--out ${file}: expected a directory, but ${file} is a file`);
  const out = join(temp, 'o-out');
  await assert.rejects(runNotebook(fixture, { outDir: out, papersDir: join(file, 'papers') }), (e: Error) =>
    e instanceof InputError && e.message === `--papers ${join(file, 'papers')}: expected a directory, but ${file} is a file`);
  assert.equal(existsSync(out), false);
});

test('when the paper figures cannot be written, neither they nor the notebook directory change', async () => {
  const out = join(temp, 'pf');
  const papers = join(temp, 'pf-papers');
  const first = await runNotebook(fixture, { outDir: out, papersDir: papers, seed: 1 });
  const before = read(first.dir, 'walk.csv');
  const paperSvg = read(join(papers, 'figures'), 'walk.svg');
  // walk.png's target is now a directory: staging succeeds for the others, then fails there.
  rmSync(join(papers, 'figures', 'walk.png'));
  mkdirSync(join(papers, 'figures', 'walk.png', 'x'), { recursive: true });
  rmSync(join(papers, 'figures', 'walk.csv'));
  mkdirSync(join(papers, 'figures', 'walk.csv'));
  await assert.rejects(runNotebook(fixture, { outDir: out, papersDir: papers, seed: 2 }), (e: Error) =>
    e instanceof InputError && e.message === `${join(papers, 'figures', 'walk.png')}: expected a file to replace, but it is a directory`);
  assert.deepEqual(read(first.dir, 'walk.csv'), before);
  assert.deepEqual(read(join(papers, 'figures'), 'walk.svg'), paperSvg);
  // No temporary files are left behind.
  assert.deepEqual(readdirSync(join(papers, 'figures')).sort(), ['walk.csv', 'walk.png', 'walk.svg']);
  assert.deepEqual(readdirSync(out).sort(), ['01-random-walk', 'index.html']);
});

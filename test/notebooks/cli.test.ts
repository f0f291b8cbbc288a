// End to end: the real `bin/chronotope` in a child process, as a researcher runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isInputError } from '../../src/core/errors.ts';
import { main } from '../../src/cli/main.ts';
import { isPng } from '../notebook/png-bytes.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-cli-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));

function chronotope(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/chronotope', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Two notebooks in a temporary directory: 01-fine, and 02-broken, which throws. */
let notebooksDir: string | undefined;
function makeNotebooks(): string {
  if (notebooksDir) return notebooksDir;
  // Notebooks outside the repository import the runtime by absolute URL.
  const notebooks = join(temp, 'notebooks');
  mkdirSync(notebooks);
  // Without this, tsx would load .ts files outside any package as CommonJS.
  writeFileSync(join(notebooks, 'package.json'), '{ "type": "module" }\n');
  const runtime = pathToFileURL(resolve('src/notebook/index.ts')).href;
  writeFileSync(join(notebooks, '01-fine.ts'), `import { notebook } from '${runtime}';
export default notebook({ title: 'Fine', seed: 1 }, (nb) => { nb.md\`All *good*.\`; });\n`);
  writeFileSync(join(notebooks, '02-broken.ts'), `import { notebook } from '${runtime}';
export default notebook({ title: 'Broken', seed: 1 }, () => { throw new Error('boom in cell 3'); });\n`);
  notebooksDir = notebooks;
  return notebooks;
}

test('chronotope run writes notebook 01 with its page, figures, tables and run.json', () => {
  const out = join(temp, 'out');
  const r = chronotope('run', 'notebooks/01-light-time.ts', '--out', out, '--papers', join(temp, 'papers'));
  assert.equal(r.status, 0, r.stderr);
  const dir = join(out, '01-light-time');
  assert.deepEqual(readdirSync(dir).sort(), [
    'andromeda.csv', 'andromeda.png', 'andromeda.svg', 'index.html',
    'light-time.csv', 'light-time.png', 'light-time.svg', 'run.json',
  ]);
  assert.match(r.stderr, /wrote .*01-light-time/);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<h1>Light-time: from a 2 cm chiplet link to Proxima Centauri<\/h1>/);
  assert.equal((html.match(/<svg /g) ?? []).length, 2);
  assert.equal((html.match(/<table>/g) ?? []).length, 2);
  assert.match(html, /href="\.\.\/index\.html"/);
  assert.doesNotMatch(html, /<script|src="http/);
  for (const name of ['light-time', 'andromeda']) {
    assert.ok(isPng(readFileSync(join(dir, `${name}.png`))), `${name}.png`);
    assert.match(readFileSync(join(dir, `${name}.svg`), 'utf8'), /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  }
  assert.equal(readFileSync(join(dir, 'light-time.csv'), 'utf8').split('\n')[0],
    'link,distance (m),"one-way, vacuum (s)","round trip, vacuum (s)","one-way, cable at 5 ns/m (s)","round trip, cable at 5 ns/m (s)","one-way, vacuum (readable)"');
  const info = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
  assert.equal(info.seed, 1);
  assert.deepEqual(info.params, { cableNsPerM: 5, andromedaMly: 2.5 });
  assert.match(info.git.commit ?? '', /^[0-9a-f]{40}$/);
  assert.equal(typeof info.git.dirty, 'boolean');
  assert.equal(info.versions.node, process.versions.node);
  assert.equal(info.versions['@observablehq/plot'], '0.6.17');
  assert.equal(info.versions.linkedom, '0.18.12');
  assert.ok(info.wallTimeS > 0 && info.wallTimeS < 60);
  assert.ok(!Number.isNaN(Date.parse(info.startedAt)));
  assert.deepEqual(info.figures, ['light-time', 'andromeda']);
  assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /<a href="01-light-time\/index\.html">/);
});

test('chronotope run: bad input gives one line on stderr and exit status 2', async () => {
  const out = join(temp, 'bad');
  // One case through the real process, for the exit status and the single line on stderr.
  const r = chronotope('run', 'notebooks/01-light-time.ts', '--param', 'cableNsPerM=fast', '--out', out);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^--param cableNsPerM: expected a number >= 3\.33564, got 'fast'\n$/);
  // The rest in this process (spawning costs seconds each): each is an InputError, which the CLI
  // turns into status 2, of one line.
  const inProcess: [string[], RegExp][] = [
    [['run', 'notebooks/99-nothing.ts', '--out', out], /^notebooks\/99-nothing\.ts: no such notebook file$/],
    [['run', 'notebooks/01-light-time.ts', '--param', 'speed=3', '--out', out], /^--param: unknown parameter 'speed' \(this notebook has: cableNsPerM, andromedaMly\)$/],
    [['run', 'notebooks/01-light-time.ts', '--seed', '1.5', '--out', out], /^chronotope run: option '--seed' expected an integer/],
    [['run', '--out', out], /^chronotope run: missing notebook file/],
    [['run', 'notebooks/01-light-time.ts', '--colour', 'red'], /^chronotope run: unknown option '--colour'/],
    [['figures', '--notebooks', join(temp, 'none')], /none: no notebooks \(\*\.ts\) found$/],
  ];
  for (const [args, message] of inProcess) {
    await assert.rejects(main(args), (e: Error) => isInputError(e) && message.test(e.message) && !e.message.includes('\n'), args.join(' '));
  }
  assert.ok(!existsSync(out), 'nothing written for bad input');
});

test('chronotope figures runs every notebook, names a failing one and exits 1, keeping the others', () => {
  const notebooks = makeNotebooks();
  const out = join(temp, 'site');
  const r = chronotope('figures', '--notebooks', notebooks, '--out', out, '--papers', join(temp, 'site-papers'));
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /02-broken\.ts: notebook failed: boom in cell 3/);
  assert.match(r.stderr, /figures: 1 notebook failed: .*02-broken\.ts\n$/);
  // Plain progress lines off a terminal.
  assert.match(r.stderr, /figures: 1\/2 .*01-fine\.ts/);
  assert.ok(existsSync(join(out, '01-fine', 'index.html')));
  assert.ok(!existsSync(join(out, '02-broken')));
  const index = readFileSync(join(out, 'index.html'), 'utf8');
  assert.match(index, /01-fine\/index\.html/);
});

test('chronotope figures NN runs only the notebooks named, and refuses a name that matches none', async () => {
  const notebooks = makeNotebooks();
  assert.equal(await main(['figures', '01', '--notebooks', notebooks, '--out', join(temp, 'site2')]), 0);
  assert.deepEqual(readdirSync(join(temp, 'site2')).sort(), ['01-fine', 'index.html']);
  await assert.rejects(main(['figures', '07', '--notebooks', notebooks, '--out', join(temp, 'site3')]),
    (e: Error) => isInputError(e) && /^07: no notebook in .* matches/.test(e.message));
});

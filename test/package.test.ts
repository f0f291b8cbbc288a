// The installable package (issue 12): `npm pack` the repository (its `prepack` script compiles
// dist/ with .d.ts types), install the tarball into an empty temporary project outside the
// repository (npm's local cache first: --prefer-offline), and use it as a researcher would:
// `npx chronotope new notebook` + `run`, every command, and `import ... from 'chronotope'` from
// TypeScript (tsx) and plain JavaScript, including the README's "Use it in your own project"
// example. Slow by nature (packing compiles with tsc, installing copies ~80 packages): about a
// minute on an idle machine, many more on a loaded one.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { commands } from '../src/cli/commands/index.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'chronotope-package-'));
const project = join(work, 'my-study');
after(() => rmSync(work, { recursive: true, force: true }));

function sh(cmd: string, args: string[], cwd: string, timeout = 240_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_update_notifier: 'false' } });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  assert.equal(r.status, 0, `${what}: ${r.stderr}\n${r.error ?? ''}`);
  return r.stdout;
}

const npx = (...args: string[]) => sh('npx', ['--no-install', ...args], project);
/** The installed bin run directly: what npx runs, without npx's own start-up on every call. */
const chronotope = (...args: string[]) => sh(process.execPath, [join(project, 'node_modules/.bin/chronotope'), ...args], project);

describe('the packed tarball in an empty project', () => {
  before(() => {
    const packed = ok(sh('npm', ['pack', '--json', '--pack-destination', work], ROOT), 'npm pack');
    const tarball = join(work, (JSON.parse(packed) as { filename: string }[])[0].filename);
    assert.equal(existsSync(join(ROOT, 'dist')), false, 'postpack removes dist/ from the repository');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-study', private: true }));
    ok(sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project), 'npm install');
  });

  test('the tarball holds compiled JavaScript, types, the WebAssembly kernel and the font, not the sources', () => {
    const pkg = join(project, 'node_modules/chronotope');
    for (const file of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js', 'dist/src/core/random/wasm/philox.wasm', 'dist/assets/fonts/DejaVuSans.ttf', 'bin/chronotope']) {
      assert.ok(existsSync(join(pkg, file)), file);
    }
    assert.equal(existsSync(join(pkg, 'src')), false);
    assert.equal(existsSync(join(pkg, 'test')), false);
  });

  test('npx chronotope new notebook NAME writes a starter that npx chronotope run runs as written', () => {
    ok(npx('chronotope', 'new', 'notebook', 'my-notebook'), 'new');
    ok(npx('chronotope', 'run', 'my-notebook.ts', '--param', 'points=1024'), 'run');
    const csv = readFileSync(join(project, 'out/my-notebook/oadev.csv'), 'utf8').trim().split('\n');
    assert.equal(csv[0], 'tau (s),oadev (1),oadev low (1),oadev high (1)');
    // White FM at ADEV(1 s) = 1e-11 (the starter's default): the first row within 20% of 1e-11.
    assert.ok(Math.abs(Number(csv[1].split(',')[1]) / 1e-11 - 1) < 0.2, csv[1]);
    for (const file of ['index.html', 'oadev.svg', 'oadev.png', 'run.json']) assert.ok(existsSync(join(project, 'out/my-notebook', file)), file);
    const info = JSON.parse(readFileSync(join(project, 'out/my-notebook/run.json'), 'utf8'));
    assert.equal(info.versions.chronotope, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    assert.equal(typeof info.versions['@observablehq/plot'], 'string');
  });

  test('every command answers help, and each runs a small real case', () => {
    for (const { name } of commands) ok(chronotope('help', name), `help ${name}`);
    writeFileSync(join(project, 'phase.txt'), Array.from({ length: 256 }, (_, i) => `${((i * 7919) % 13) * 1e-9}`).join('\n'));
    const json = JSON.parse(ok(chronotope('stability', 'phase.txt', '--stats', 'adev', '--format', 'json', '--plot', 'adev.svg'), 'stability'));
    assert.equal(json[0].n, 254);
    assert.ok(readFileSync(join(project, 'adev.svg'), 'utf8').startsWith('<svg'));
    assert.equal(ok(chronotope('noise', '--type', 'wfm', '--seed', '1', '--n', '8'), 'noise').trim().split('\n').length, 8);
    assert.ok(JSON.parse(ok(chronotope('bench', 'random', '--n', '2000', '--repeats', '1', '--json'), 'bench')).uint32Ns > 0);
    mkdirSync(join(project, 'notebooks'));
    copyFileSync(join(project, 'my-notebook.ts'), join(project, 'notebooks/01-starter.ts'));
    ok(chronotope('figures', '--out', 'site'), 'figures');
    assert.ok(existsSync(join(project, 'site/index.html')) && existsSync(join(project, 'site/01-starter/oadev.csv')));
    // The other domains' commands, each on a small case (their own tests check the numbers).
    assert.ok(JSON.parse(ok(chronotope('phy', '--rate', '10G', '--json'), 'phy')));
    assert.ok(JSON.parse(ok(chronotope('topology', '--kind', 'mesh8', '--nodes', '16', '--json'), 'topology')));
    assert.equal(JSON.parse(ok(chronotope('simulate', 'exactly-once', '--protocol', 'ait', '--nodes', '16', '--messages', '20', '--json'), 'simulate')).sent, 20);
    assert.ok(JSON.parse(ok(chronotope('sync', '--algorithm', 'ptp-e2e', '--topology', 'star', '--nodes', '4', '--duration', '10', '--seed', '1', '--json'), 'sync')).nodes.length > 0);
    // sweep runs its tasks on worker threads: the packed worker entry must load the compiled task.
    writeFileSync(join(project, 'spec.json'), JSON.stringify({
      model: 'heartbeat-qos', seed: 1, replicates: 1,
      fixed: { streams: 4, periods: 200, etaS: 1, meanDelayS: 0.02 },
      grid: { deltaS: { values: [0.05, 0.1] } },
      outputs: ['availability'],
    }));
    ok(chronotope('sweep', 'spec.json', '--out', 'sweep-out', '--workers', '1'), 'sweep');
    ok(chronotope('sweep', 'merge', 'sweep-out', '--out', 'sweep.csv'), 'sweep merge');
    assert.equal(readFileSync(join(project, 'sweep.csv'), 'utf8').trim().split('\n').length, 3);
    const bad = chronotope('stability', 'phase.txt', '--tau0', '0x10');
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, "chronotope stability: option '--tau0' expected a number of seconds > 0, got '0x10'\n");
  });

  test("import { oadev, Simulation, notebook } from 'chronotope' works from plain JavaScript and from TypeScript (tsx)", () => {
    const code = `import { oadev, Simulation, notebook } from 'chronotope';
const sim = new Simulation({ resolution: 'ns' });
const seen = [];
sim.schedule(5, sim.entity('a', (s) => seen.push(s.now)));
sim.run();
const sigma = oadev([0, 1e-9, 0, 1e-9, 0, 1e-9, 0], { tau0S: 1, taus: [1] });
console.log(seen[0], sigma.devs[0], typeof notebook);
`;
    writeFileSync(join(project, 'use.mjs'), code);
    writeFileSync(join(project, 'use.ts'), code.replace('const seen = [];', 'const seen: number[] = [];'));
    const js = ok(sh(process.execPath, ['use.mjs'], project), 'node use.mjs');
    const [arrivalNs, adev, kind] = js.trim().split(' ');
    assert.equal(arrivalNs, '5');
    // Alternating 0, 1 ns phase: second differences ±2 ns, so ADEV(1 s) = sqrt(4e-18 / 2) = √2e-9.
    assert.ok(Math.abs(Number(adev) / (Math.SQRT2 * 1e-9) - 1) < 1e-12, js);
    assert.equal(kind, 'function');
    assert.equal(ok(npx('tsx', 'use.ts'), 'tsx use.ts'), js, 'TypeScript gives the same output');
  });

  test("the README's \"Use it in your own project\" example runs in the installed project", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use it in your own project'));
    const block = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(block, 'a ```js block in the section');
    writeFileSync(join(project, 'readme-example.mjs'), block);
    const out = ok(sh(process.execPath, ['readme-example.mjs'], project), 'README example');
    assert.match(out, /^OADEV at 1 s: \d/m);
  });
});

// `chronotope new notebook NAME`: the starter it writes runs as written (from a folder outside
// the repository, importing 'chronotope' by name), and its bad input is one line, exit 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const ROOT = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'chronotope-new-'));
after(() => rmSync(work, { recursive: true, force: true }));

const chronotope = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/chronotope'), ...args], { cwd: work, encoding: 'utf8' });

test('new notebook NAME writes NAME.ts, which runs as written with its parameters', () => {
  const made = chronotope('new', 'notebook', 'drift-study');
  assert.equal(made.status, 0, made.stderr);
  assert.equal(made.stderr, 'wrote drift-study.ts; run it with: npx chronotope run drift-study.ts\n');
  const source = readFileSync(join(work, 'drift-study.ts'), 'utf8');
  assert.match(source, /title: "drift-study"/);
  assert.match(source, /from 'chronotope'/);
  const ran = chronotope('run', 'drift-study.ts', '--param', 'points=512', '--param', 'adev1s=2e-12');
  assert.equal(ran.status, 0, ran.stderr);
  const rows = readFileSync(join(work, 'out/drift-study/oadev.csv'), 'utf8').trim().split('\n');
  assert.equal(rows[0], 'tau (s),oadev (1),oadev low (1),oadev high (1)');
  // White FM generated at ADEV(1 s) = 2e-12 (Kasdin & Walter, tested in test/oscillators/noise):
  // 511 overlapping terms, so within 20% at τ = 1 s.
  assert.ok(Math.abs(Number(rows[1].split(',')[1]) / 2e-12 - 1) < 0.2, rows[1]);
  assert.ok(existsSync(join(work, 'out/drift-study/oadev.svg')));
});

test('bad input: one line, exit 2, nothing written or overwritten', () => {
  writeFileSync(join(work, 'taken.ts'), 'mine');
  const cases: [string[], string][] = [
    [['new'], "chronotope new: missing what to create ('notebook') (see 'chronotope help new')"],
    [['new', 'figure', 'x'], "chronotope new: cannot create 'figure' (expected one of: notebook)"],
    [['new', 'notebook'], "chronotope new: missing notebook NAME (see 'chronotope help new')"],
    [['new', 'notebook', 'a', 'b'], "chronotope new: unexpected argument 'b' (see 'chronotope help new')"],
    [['new', 'notebook', 'my study'], "chronotope new: notebook NAME expected letters, digits and '-' (for example drift-study), got 'my study'"],
    [['new', 'notebook', 'taken'], 'chronotope new: taken.ts already exists (choose another NAME; nothing was written)'],
    [['new', 'notebook', 'x', '--force'], "chronotope new: unknown option '--force' (see 'chronotope help new')"],
  ];
  for (const [args, message] of cases) {
    const r = chronotope(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stderr, message + '\n');
  }
  assert.equal(readFileSync(join(work, 'taken.ts'), 'utf8'), 'mine');
  assert.equal(existsSync(join(work, 'my study.ts')), false);
});

// `chronotope bench stability` on a small input: the three inputs (12- and 17-digit text, .npy)
// hold the same random walk, so they give the same number of octave taus; the 17-digit text and
// the .npy hold the same doubles exactly. (Times themselves belong in bench/README.md, not here.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadSeries } from '../../src/clocks/stability/index.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'chronotope-bench-stability-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('bench stability --points 2000 times every input; .npy and 17-digit text hold the same doubles', async () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/chronotope'), 'bench', 'stability', '--points', '2000', '--json'], { cwd: work, encoding: 'utf8', env: { ...process.env, ALLANTOOLS_PATH: '' } });
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout) as Record<string, number | string>;
  for (const key of ['text12', 'text17', 'npy']) {
    assert.ok(Number(result[`${key}_read_s`]) >= 0 && Number(result[`${key}_total_s`]) > 0, key);
    assert.equal(result[`${key}_octave_taus`], result.text12_octave_taus, key);
  }
  const npy = await loadSeries(join(work, '.cache/stability-bench-2000-1.npy'));
  const text17 = await loadSeries(join(work, '.cache/stability-bench-2000-1.d17.txt'));
  assert.equal(npy.length, 2000);
  assert.deepEqual(npy, text17);
  // The 12-digit text is the same walk rounded to 12 significant digits.
  const text12 = readFileSync(join(work, '.cache/stability-bench-2000-1.txt'), 'utf8').trim().split('\n').slice(1).map(Number);
  text12.forEach((v, i) => assert.equal(v, Number(npy[i].toPrecision(12))));
});

test('bench stability --inputs with an unknown input: one line, exit 2', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/chronotope'), 'bench', 'stability', '--inputs', 'npy,csv'], { cwd: work, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.equal(r.stderr, "chronotope bench stability: option '--inputs' expected one of text12, text17, npy, got 'csv'\n");
});

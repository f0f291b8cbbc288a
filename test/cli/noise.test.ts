import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { powerLawFrequency, powerLawPhase } from '../../src/oscillators/noise/index.ts';
import { main } from '../../src/cli/main.ts';
import { InputError } from '../../src/core/errors.ts';

function chronotope(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/chronotope', 'noise', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('prints the library series, one shortest round-trip value per line, the same bytes each run', () => {
  const args = ['--type', 'ffm', '--n', '2000', '--seed', '17', '--stream', '2', '--tau0', '0.5', '--h', '4e-24'];
  const first = chronotope(...args);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stderr, '');
  const expected = powerLawPhase({ type: 'ffm', n: 2000, seed: 17, stream: 2, tau0S: 0.5, level: { h: 4e-24 } });
  assert.equal(first.stdout, Array.from(expected, String).join('\n') + '\n');
  // String(x) is the shortest decimal that parses back to the same double.
  assert.deepEqual(first.stdout.trimEnd().split('\n').map(Number), Array.from(expected));
  assert.equal(chronotope(...args).stdout, first.stdout);
});

test('--data freq, --adev level and --out (written atomically, no temporary file left)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronotope-noise-'));
  try {
    const out = join(dir, 'y.txt');
    const r = chronotope('--type', 'rwfm', '--n', '500', '--seed', '3', '--data', 'freq', '--adev', '1e-13',
      '--adev-tau', '10', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const expected = powerLawFrequency({ type: 'rwfm', n: 500, seed: 3, level: { adev: 1e-13, tauS: 10 } });
    assert.equal(readFileSync(out, 'utf8'), Array.from(expected, String).join('\n') + '\n');
    assert.deepEqual(readdirSync(dir), ['y.txt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad options: exit code 2 and one line on stderr (child process)', () => {
  const r = chronotope('--type', 'pink', '--seed', '1');
  assert.equal(r.code, 2);
  assert.equal(r.stderr, "chronotope noise: option '--type' expected one of wpm, fpm, wfm, ffm, rwfm, got 'pink'\n");
  assert.equal(r.stdout, '');
});

test('bad options: one-line InputErrors naming the option (in process, to keep the suite fast)', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--type', 'wpm'], /^chronotope noise: missing option '--seed'/],
    [['--seed', '1'], /^chronotope noise: missing option '--type'/],
    [['--type', 'wpm', '--seed', '1', '--n', '1.5'], /option '--n' expected an integer from 1 to 4194304, got '1.5'$/],
    [['--type', 'wpm', '--seed', '1', '--n', '4194305'], /option '--n' expected an integer from 1 to 4194304/],
    [['--type', 'wpm', '--seed', '-3'], /option '--seed' expected an integer from 0 to/], // joined as --seed=-3
    [['--type', 'wpm', '--seed=-3'], /option '--seed' expected an integer from 0 to/],
    [['--type', 'wpm', '--seed', '1', '--tau0=-1'], /option '--tau0' expected a number of seconds > 0, got '-1'$/],
    [['--type', 'wpm', '--seed', '1', '--h', 'abc'], /option '--h' expected a number >= 0, got 'abc'$/],
    [['--type', 'wpm', '--seed', '1', '--h', '1', '--adev', '1'], /'--h' and '--adev' both set the level/],
    [['--type', 'wpm', '--seed', '1', '--adev', '1', '--tau0', '2', '--adev-tau', '1'], /'--adev-tau' expected a number of seconds >= --tau0 \(2\), got '1'$/],
    [['--type', 'wpm', '--seed', '1', '--adev-tau', '1'], /'--adev-tau' needs '--adev'/],
    [['--type', 'wpm', '--seed', '1', '--data', 'phase2'], /option '--data' expected one of phase, freq, got 'phase2'$/],
    [['--type', 'wpm', '--seed', '1', '--bogus'], /unknown option '--bogus'/],
  ];
  for (const [args, message] of cases) {
    await assert.rejects(main(['noise', ...args]),
      (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'), args.join(' '));
  }
});

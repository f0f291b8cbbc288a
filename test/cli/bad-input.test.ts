// The bad-input holes of issue 12, each shown closed end to end (the CLI as users run it):
// numbers on the command line, output paths that cannot be written, statistics that would
// overflow, a byte-order mark, control characters in an echoed value.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runProcess, type ProcessResult } from '../run-process.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'chronotope-bad-input-'));
after(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[]): Promise<ProcessResult> {
  return runProcess(process.execPath, [join(ROOT, 'bin/chronotope'), ...args], { cwd: work });
}

async function badInput(args: string[], message: RegExp): Promise<void> {
  const r = await run(args);
  assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.split('\n').length, 2, `one line: ${JSON.stringify(r.stderr)}`);
  assert.match(r.stderr.trimEnd(), message);
}

// A small random-walk-like series (integers, so the file is exact).
const walk = Array.from({ length: 64 }, (_, i) => ((i * 7919) % 13) - 6);
writeFileSync(join(work, 'walk.txt'), walk.join('\n') + '\n');

describe('issue 12 bad input', { concurrency: 4 }, () => {
  test('--tau0 0x10, 1_000 and Infinity are not numbers (plain decimals only)', async () => {
    await badInput(['stability', 'walk.txt', '--tau0', '0x10'], /^chronotope stability: option '--tau0' expected a number of seconds > 0, got '0x10'$/);
    await badInput(['stability', 'walk.txt', '--tau0', '1_000'], /got '1_000'$/);
    await badInput(['stability', 'walk.txt', '--tau0', 'Infinity'], /got 'Infinity'$/);
    await badInput(['noise', '--type', 'wfm', '--seed', '1', '--n', '0x10'], /^chronotope noise: option '--n' expected an integer .* got '0x10'$/);
  });

  test('--plot whose parent is a file: one line naming the path and why, exit 2, nothing written', async () => {
    writeFileSync(join(work, 'afile'), 'keep');
    await badInput(['stability', 'walk.txt', '--plot', 'afile/x.svg'], /^chronotope stability: afile\/x\.svg: cannot write \(.*afile is a file, not a directory\)$/);
    assert.equal(readFileSync(join(work, 'afile'), 'utf8'), 'keep');
  });

  test('--plot onto an existing directory, and noise --out onto one: one line, the directory untouched', async () => {
    mkdirSync(join(work, 'adir.svg'));
    await badInput(['stability', 'walk.txt', '--plot', 'adir.svg'], /^chronotope stability: adir\.svg: cannot write \(it is a directory\)$/);
    mkdirSync(join(work, 'noise-dir'));
    await badInput(['noise', '--type', 'wfm', '--seed', '1', '--n', '16', '--out', 'noise-dir'], /^noise-dir: cannot write \(it is a directory\)$|^chronotope noise: noise-dir: cannot write \(it is a directory\)$/);
    assert.deepEqual(readdirSync(join(work, 'adir.svg')), []);
    assert.deepEqual(readdirSync(join(work, 'noise-dir')), []);
  });

  test('data whose squares overflow (|x| ~ 1e155) give the statistics scaled exactly, not a crash', async () => {
    writeFileSync(join(work, 'huge.txt'), walk.map((v) => `${v}e155`).join('\n') + '\n');
    const huge = await run(['stability', 'huge.txt', '--stats', 'adev,oadev,mdev,tdev,hdev,ohdev,totdev,mtie,tierms', '--format', 'json']);
    const plain = await run(['stability', 'walk.txt', '--stats', 'adev,oadev,mdev,tdev,hdev,ohdev,totdev,mtie,tierms', '--format', 'json']);
    assert.equal(huge.code, 0, huge.stderr);
    const a = JSON.parse(huge.stdout) as { stat: string; dev: number; noise: string | null }[];
    const b = JSON.parse(plain.stdout) as { stat: string; dev: number; noise: string | null }[];
    assert.equal(a.length, b.length);
    a.forEach((row, k) => {
      // 1e155 is not a power of two, so the data differ by rounding: agree to 1e-13.
      assert.ok(Math.abs(row.dev / (b[k].dev * 1e155) - 1) < 1e-13, `${row.stat}: ${row.dev} vs ${b[k].dev}e155`);
      assert.equal(row.noise, b[k].noise);
    });
  });

  test('--data freq --tau0 1e300 gives the same ADEV as tau0 1 (ADEV of y does not depend on tau0)', async () => {
    const big = await run(['stability', 'walk.txt', '--data', 'freq', '--tau0', '1e300', '--stats', 'adev,mdev,totdev', '--format', 'json']);
    const one = await run(['stability', 'walk.txt', '--data', 'freq', '--tau0', '1', '--stats', 'adev,mdev,totdev', '--format', 'json']);
    assert.equal(big.code, 0, big.stderr);
    const a = JSON.parse(big.stdout) as { dev: number; tau: number }[];
    const b = JSON.parse(one.stdout) as { dev: number; tau: number }[];
    a.forEach((row, k) => {
      assert.ok(Math.abs(row.dev / b[k].dev - 1) < 1e-13);
      assert.equal(row.tau, b[k].tau * 1e300);
    });
  });

  test('statistics beyond the double range: one line naming the statistic, exit 2 (tierms no longer prints Infinity)', async () => {
    writeFileSync(join(work, 'max.txt'), walk.map((v) => (v % 2 === 0 ? '1.7e308' : '-1.7e308')).join('\n') + '\n');
    await badInput(['stability', 'max.txt', '--stats', 'tierms'], /^chronotope stability: max\.txt: tierms: the deviation at tau \d+ s is beyond the range of double precision \(largest \|value\| 1\.7e\+308\); rescale the data$/);
    writeFileSync(join(work, 'max-alternating.txt'), walk.map((_, i) => (i % 2 === 0 ? '1.7e308' : '-1.7e308')).join('\n') + '\n');
    // Alternating ±1.7e308 fractional frequency: ADEV(τ0) = |Δy|/√2 = 2.4e308 > 1.8e308.
    await badInput(['stability', 'max-alternating.txt', '--data', 'freq', '--stats', 'adev'], /^chronotope stability: max-alternating\.txt: adev: the deviation at tau 1 s is beyond the range of double precision/);
    // Phase data with ADEV(1 s) = 5.06 s/s (see the test above) at τ0 = 1e-308 s: 5e308.
    await badInput(['stability', 'walk.txt', '--tau0', '1e-308', '--stats', 'adev', '--taus', '1'], /^chronotope stability: walk\.txt: adev: the deviation at tau 1e-308 s is beyond the range/);
    // A subnormal τ0 is fine where the result is representable: frequency data, ADEV of y.
    const tiny = await run(['stability', 'walk.txt', '--data', 'freq', '--tau0', '1e-320', '--stats', 'adev', '--taus', '1', '--format', 'json']);
    const one = await run(['stability', 'walk.txt', '--data', 'freq', '--stats', 'adev', '--taus', '1', '--format', 'json']);
    assert.equal(tiny.code, 0, tiny.stderr);
    assert.ok(Math.abs(JSON.parse(tiny.stdout)[0].dev / JSON.parse(one.stdout)[0].dev - 1) < 1e-13);
  });

  test('a UTF-8 byte-order mark is skipped, in plain text and in CSV', async () => {
    writeFileSync(join(work, 'bom.txt'), '\ufeff' + walk.map((v) => `${v}e-9`).join('\n'));
    writeFileSync(join(work, 'bom.csv'), '\ufefft_s,x_s\n' + walk.map((v, i) => `${i},${v}e-9`).join('\n'));
    writeFileSync(join(work, 'nobom.txt'), walk.map((v) => `${v}e-9`).join('\n'));
    const outs = await Promise.all([['bom.txt'], ['bom.csv', '--column', 't_s'], ['bom.csv', '--column', 'x_s'], ['nobom.txt']].map((a) => run(['stability', ...a, '--format', 'json'])));
    for (const r of outs) assert.equal(r.code, 0, r.stderr);
    assert.equal(outs[0].stdout, outs[3].stdout);
    assert.equal(outs[2].stdout, outs[3].stdout);
  });

  test('figures --notebooks FILE (found by the fuzz test): one line, exit 2', async () => {
    await badInput(['figures', '--notebooks', 'walk.txt'], /^--notebooks walk\.txt: expected a directory of notebooks, but it is a file$/);
  });

  test('control characters in an echoed value are escaped: one line, no raw control bytes', async () => {
    writeFileSync(join(work, 'garbage.txt'), Buffer.from([0x31, 0x0a, 0x01, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x72, 0x65, 0x64, 0x07, 0x0d, 0x0a]));
    await badInput(['stability', 'garbage.txt'], /^chronotope stability: garbage\.txt:2: expected a finite number, got '\\x01\\x1b\[31mred\\x07'$/);
    await badInput(['stability', 'walk.txt', '--format', 'x\ny\x1b'], /^chronotope stability: option '--format' expected one of table, csv, json, got 'x\\ny\\x1b'$/);
    await badInput(['stability', 'walk.txt', '--bo\x07gus'], /^chronotope stability: unknown option '--bo\\x07gus'/);
  });
});

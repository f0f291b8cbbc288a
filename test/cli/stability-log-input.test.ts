// `chronotope stability --input FORMAT`: every sample log of data/logs (synthetic, in each tool's
// documented format; data/logs/README.md) feeds the stability statistics, with the same numbers
// as the library gives from the reader's phase series; bad input is one line and exit code 2.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { LOG_FORMATS, readLogPhaseSeries } from '../../src/clocks/logs/index.ts';
import { tdev } from '../../src/clocks/stability/index.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/chronotope'), 'stability', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const SAMPLES: Record<(typeof LOG_FORMATS)[number], string> = {
  ptp4l: 'data/logs/ptp4l.log',
  phc2sys: 'data/logs/phc2sys.log',
  'chrony-tracking': 'data/logs/chrony-tracking.log',
  'chrony-measurements': 'data/logs/chrony-measurements.log',
  'chrony-statistics': 'data/logs/chrony-statistics.log',
  'ntpd-peerstats': 'data/logs/ntpd-peerstats',
  'ntpd-loopstats': 'data/logs/ntpd-loopstats',
};

test('every log format feeds chronotope stability, matching the library (TDEV at the log τ0)', async () => {
  await Promise.all(LOG_FORMATS.map(async (format) => {
    const r = await run([SAMPLES[format], '--input', format, '--stats', 'tdev', '--taus', '1,2', '--format', 'json']);
    assert.equal(r.code, 0, `${format}: ${r.stderr}`);
    const rows = JSON.parse(r.stdout) as Array<{ tau: number; dev: number; n: number }>;
    const series = readLogPhaseSeries(SAMPLES[format], format);
    const lib = tdev(series.phaseS, { dataType: 'phase', tau0S: series.tau0S, taus: [1, 2] });
    assert.deepEqual(rows.map((x) => x.tau), [series.tau0S, 2 * series.tau0S], format);
    assert.deepEqual(rows.map((x) => x.dev), Array.from(lib.devs), format);
  }));
});

test('bad input: unknown format, a malformed line, conflicting options (exit 2, one line)', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['data/logs/ptp4l.log', '--input', 'ntp'], /^chronotope stability: option '--input' expected one of ptp4l, phc2sys, chrony-tracking, chrony-measurements, chrony-statistics, ntpd-peerstats, ntpd-loopstats, got 'ntp'\n$/],
    [['data/logs/ptp4l.log', '--input', 'ntpd-loopstats'], /^chronotope stability: data\/logs\/ptp4l.log:1: ntpd loopstats line expected MJD seconds offset freq-ppm jitter wander time-constant, got 'ptp4l\[5017.332\]: selected \/dev\/ptp0 as PTP clock'\n$/],
    [['data/logs/ptp4l.log', '--input', 'ptp4l', '--data', 'freq'], /^chronotope stability: option '--input' reads phase from a log; it cannot be combined with --data freq\n$/],
  ];
  await Promise.all(cases.map(async ([args, message]) => {
    const r = await run(args);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }));
});

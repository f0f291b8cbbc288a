import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  LOG_FORMATS, logPhaseSeries, parseLog, readLog, readLogPhaseSeries,
} from '../../../src/clocks/logs/index.ts';
import { InputError } from '../../../src/core/errors.ts';

const file = (name: string) => `data/logs/${name}`;

test('ptp4l: every summary line, states, signs and units (ptp4l(8))', () => {
  const r = readLog(file('ptp4l.log'), 'ptp4l');
  assert.equal(r.length, 900);
  // First line of the sample: "ptp4l[5023.118]: master offset -23947 s0 freq +0 path delay 789".
  assert.equal(r[0].timeS, 5023.118);
  assert.equal(r[0].phaseS, -23947e-9);
  assert.equal(r[0].locked, false);
  assert.equal(r[0].frequencyPpb, 0);
  assert.equal(r[0].delayS, 789e-9);
  assert.equal(r.filter((x) => !x.locked).length, 4); // three s0, one s1
  assert.equal(r[0].line, 7); // after six start-up lines
  const s = readLogPhaseSeries(file('ptp4l.log'), 'ptp4l');
  assert.equal(s.phaseS.length, 896);
  assert.equal(s.tau0S, 1);
  // A line typed by hand, with a syslog prefix.
  const one = parseLog('Sep  8 15:11:40 host ptp4l: [30.051] master offset  -4552 s2 freq -30035 path delay   10385\n', 'ptp4l', 'x');
  assert.deepEqual([one[0].timeS, one[0].phaseS, one[0].frequencyPpb, one[0].delayS], [30.051, -4552e-9, -30035, 10385e-9]);
});

test('phc2sys: source label, state and delay', () => {
  const r = readLog(file('phc2sys.log'), 'phc2sys');
  assert.equal(r.length, 300);
  assert.equal(r[0].source, 'CLOCK_REALTIME phc');
  assert.equal(r[0].phaseS, 38411e-9);
  assert.equal(r[2].locked, true);
  const noDelay = parseLog('phc2sys[1.000]: eth0 sys offset 12 s2 freq -3 \n', 'phc2sys', 'x');
  assert.ok(Number.isNaN(noDelay[0].delayS));
  assert.equal(logPhaseSeries(r, 'phc2sys.log').phaseS.length, 298);
});

test('chrony tracking, measurements and statistics: columns and signs (chrony.conf(5) log)', () => {
  const t = readLog(file('chrony-tracking.log'), 'chrony-tracking');
  assert.equal(t.length, 120);
  const firstTracking = readFileSync(file('chrony-tracking.log'), 'utf8').split('\n')[3].trim().split(/\s+/);
  assert.equal(t[0].timeS, Date.UTC(2026, 10, 30, 12, 0, 0) / 1000);
  assert.equal(t[0].phaseS, Number(firstTracking[6])); // + : local fast
  assert.equal(t[0].frequencyPpb, Number(firstTracking[4]) * 1000);
  const m = readLog(file('chrony-measurements.log'), 'chrony-measurements');
  assert.equal(m.length, 200);
  const firstMeasurement = readFileSync(file('chrony-measurements.log'), 'utf8').split('\n')[3].trim().split(/\s+/);
  assert.equal(m[0].phaseS, -Number(firstMeasurement[11])); // θ + : local slow
  assert.equal(m[0].delayS, Number(firstMeasurement[12]));
  // Two servers: the series takes the one with the most records, or the one asked for.
  const s = logPhaseSeries(m, 'm', { source: '198.51.100.7' });
  assert.equal(s.phaseS.length, 100);
  assert.equal(s.tau0S, 64);
  assert.ok(s.phaseS.every((x) => x > 100e-6)); // that server is 150 µs off: local is fast of it
  const st = readLog(file('chrony-statistics.log'), 'chrony-statistics');
  assert.equal(st.length, 100);
});

test('ntpd peerstats and loopstats: MJD time, offsets negated (ntpd monitoring options)', () => {
  const p = readLog(file('ntpd-peerstats'), 'ntpd-peerstats');
  assert.equal(p.length, 300);
  assert.equal(p[0].timeS, 61374 * 86400 + 43200);
  assert.equal(p[0].source, '192.0.2.11');
  const firstPeer = readFileSync(file('ntpd-peerstats'), 'utf8').split('\n')[0].split(' ');
  assert.equal(p[0].phaseS, -Number(firstPeer[4]));
  // The documentation's own example lines (older layout, no dispersion column).
  const doc = parseLog('48773 10847.650 127.127.4.1 9714 -0.001605 0.00000 0.00142\n', 'ntpd-peerstats', 'x');
  assert.equal(doc[0].phaseS, 0.001605);
  const loop = parseLog('50935 75440.031 0.000006019 13.778190 0.000351733 0.013380 6\n', 'ntpd-loopstats', 'x');
  assert.equal(loop[0].phaseS, -0.000006019);
  assert.equal(loop[0].frequencyPpb, 13778.19);
  assert.equal(readLog(file('ntpd-loopstats'), 'ntpd-loopstats').length, 150);
});

test('bad input: one line naming the file and line', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['ptp4l', 'ptp4l[1.0]: master offset 12 s2 freq +3\n', /^f:1: ptp4l line expected 'master offset N sK freq F path delay D', got 'ptp4l\[1.0\]: master offset 12 s2 freq \+3'$/],
    ['phc2sys', 'ok\nphc2sys[1.0]: CLOCK_REALTIME phc offset x12 s2 freq +3\n', /^f:2: phc2sys line expected/],
    ['chrony-tracking', '2026-11-30 12:00:00 1.2.3.4 2 -3.5 0.07\n', /^f:1: chrony tracking line expected 14 columns/],
    ['chrony-measurements', '====\nnot a date at all but many many columns here 1 2 3 4 5 6 7 8 9\n', /^f:2: chrony measurements line expected/],
    ['chrony-statistics', '2026-11-30 12:00:00 1.2.3.4 4.6e-06 abc 1e-6 1e-8 1e-6 0.07 8 0 4\n', /^f:1: chrony statistics line expected/],
    ['ntpd-peerstats', '61374 43200.0 1.2.3.4 9614 0.0001\n', /^f:1: ntpd peerstats line expected/],
    ['ntpd-loopstats', '61374 4320O.0 0.1 1 1 1 6\n', /^f:1: ntpd loopstats line expected/],
    ['ptp4l', 'nothing here\n', /^f: no ptp4l records found$/],
    ['sundial', 'x', /^log format expected one of ptp4l, phc2sys/],
  ];
  for (const [format, text, message] of cases) {
    assert.throws(() => parseLog(text, format, 'f'), (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'), `${format}: ${text}`);
  }
  const back = parseLog('[2.0] master offset 1 s2 freq +0 path delay 5\n[1.0] master offset 1 s2 freq +0 path delay 5\n', 'ptp4l', 'f');
  assert.throws(() => logPhaseSeries(back, 'f'), /: f:2: time stamps must increase/);
  assert.throws(() => logPhaseSeries(back.slice(0, 1), 'f'), /at least 2 records/);
  assert.throws(() => logPhaseSeries(back, 'f', { source: 'x' }), /source 'x' not in the log/);
  assert.equal(LOG_FORMATS.length, 7);
});

import { InputError } from '../../core/errors.ts';
import type { LogRecord } from './log-record.ts';
import { logMessages } from './messages.ts';

/**
 * chronyd's log files, as the `log` directive of chrony.conf(5) documents them. Each starts
 * (and repeats every `logbanner` lines) with a banner of '=' lines and a header; data lines
 * begin with the UTC date and time. Signs, per the same page:
 * - tracking.log, column 7: the estimated local offset, positive when the local clock is fast of
 *   UTC → x = +offset; column 5 the frequency in ppm (positive: local runs fast);
 * - measurements.log, column 12: θ of RFC 5905, positive when the local clock is slow of the
 *   source → x = −θ; column 13 the peer delay;
 * - statistics.log, column 5: the estimated offset of the source, positive when the local clock
 *   is fast → x = +offset; column 7 the estimated frequency difference (ppm).
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})\s+(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function isBanner(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('=') || /^Date \(UTC\)/.test(t);
}

/** Seconds since 1970-01-01 UTC of a chrony date and time. */
function utcSeconds(date: string, time: string): number {
  const m = DATE_TIME.exec(`${date} ${time}`);
  if (!m) return NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), 0);
  return ms / 1000 + Number(m[6]);
}

interface Layout {
  readonly name: string;
  readonly minFields: number;
  readonly expected: string;
  /** 0-based columns: offset, its sign, frequency (ppm, or -1), delay (s, or -1), source (or -1). */
  readonly offset: number;
  readonly sign: 1 | -1;
  readonly freqPpm: number;
  readonly delay: number;
  readonly source: number;
}

const TRACKING: Layout = {
  name: 'chrony tracking', minFields: 14, expected: '14 columns: date time address stratum freq skew offset leap combined sd remaining root-delay root-disp max-error',
  offset: 6, sign: 1, freqPpm: 4, delay: 11, source: -1,
};
const MEASUREMENTS: Layout = {
  name: 'chrony measurements', minFields: 17, expected: 'date time address leap stratum tests… poll score offset delay dispersion root-delay root-disp …',
  offset: 11, sign: -1, freqPpm: -1, delay: 12, source: 2,
};
const STATISTICS: Layout = {
  name: 'chrony statistics', minFields: 12, expected: 'date time address sd est-offset offset-sd diff-freq skew stress Ns Bs Nr [asym]',
  offset: 4, sign: 1, freqPpm: 6, delay: -1, source: 2,
};

function parseChrony(text: string, where: string, layout: Layout): LogRecord[] {
  const out: LogRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBanner(line)) continue;
    const f = line.trim().split(/\s+/);
    const bad = () => new InputError(logMessages.badLine(where, i + 1, layout.name, layout.expected, line));
    if (f.length < layout.minFields) throw bad();
    const timeS = utcSeconds(f[0], f[1]);
    const numeric = [layout.offset, layout.freqPpm, layout.delay].filter((c) => c >= 0);
    if (!Number.isFinite(timeS) || numeric.some((c) => !NUMBER.test(f[c]))) throw bad();
    out.push({
      timeS, phaseS: layout.sign * Number(f[layout.offset]), line: i + 1, source: layout.source >= 0 ? f[layout.source] : '',
      locked: true, frequencyPpb: layout.freqPpm >= 0 ? Number(f[layout.freqPpm]) * 1000 : NaN,
      delayS: layout.delay >= 0 ? Number(f[layout.delay]) : NaN,
    });
  }
  return out;
}

export const parseChronyTracking = (text: string, where: string) => parseChrony(text, where, TRACKING);
export const parseChronyMeasurements = (text: string, where: string) => parseChrony(text, where, MEASUREMENTS);
export const parseChronyStatistics = (text: string, where: string) => parseChrony(text, where, STATISTICS);

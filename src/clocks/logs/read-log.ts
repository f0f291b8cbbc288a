import { readFileSync } from 'node:fs';
import { InputError } from '../../core/errors.ts';
import { parseChronyMeasurements, parseChronyStatistics, parseChronyTracking } from './chrony.ts';
import { parsePhc2sys, parsePtp4l } from './linuxptp.ts';
import { LOG_FORMATS, type LogFormat, type LogRecord } from './log-record.ts';
import { logMessages } from './messages.ts';
import { parseNtpdLoopstats, parseNtpdPeerstats } from './ntpd.ts';

const PARSERS: Record<LogFormat, (text: string, where: string) => LogRecord[]> = {
  ptp4l: parsePtp4l,
  phc2sys: parsePhc2sys,
  'chrony-tracking': parseChronyTracking,
  'chrony-measurements': parseChronyMeasurements,
  'chrony-statistics': parseChronyStatistics,
  'ntpd-peerstats': parseNtpdPeerstats,
  'ntpd-loopstats': parseNtpdLoopstats,
};

export function isLogFormat(name: string): name is LogFormat {
  return (LOG_FORMATS as readonly string[]).includes(name);
}

/** Parses log text of the given format; `where` names it in error messages (file name). */
export function parseLog(text: string, format: string, where: string): LogRecord[] {
  if (!isLogFormat(format)) throw new InputError(logMessages.unknownFormat(format, LOG_FORMATS));
  const records = PARSERS[format](text, where);
  if (records.length === 0) throw new InputError(logMessages.noRecords(where, format));
  return records;
}

/** Reads and parses a log file ('-' is standard input). */
export function readLog(file: string, format: string): LogRecord[] {
  if (!isLogFormat(format)) throw new InputError(logMessages.unknownFormat(format, LOG_FORMATS));
  const where = file === '-' ? '<stdin>' : file;
  return parseLog(readFileSync(file === '-' ? 0 : file, 'utf8'), format, where);
}

export interface PhaseSeries {
  /** The source the series measures ('' when the log has only one). */
  readonly source: string;
  readonly timesS: Float64Array;
  /** Time error x = local − reference, seconds, one per record. */
  readonly phaseS: Float64Array;
  /** Median spacing of the records, seconds: the τ0 for stability statistics. */
  readonly tau0S: number;
}

export interface PhaseSeriesOptions {
  /** Which source (server address, clock pair) to take; default the one with the most records. */
  readonly source?: string;
  /** Keep only records taken with the servo locked (ptp4l/phc2sys s2; default true). */
  readonly lockedOnly?: boolean;
}

/**
 * A log's records as a phase series for the stability statistics: one source, the servo locked,
 * in time order (times must increase: a log that goes back in time is bad input).
 */
export function logPhaseSeries(records: readonly LogRecord[], where: string, options: PhaseSeriesOptions = {}): PhaseSeries {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
  let source = options.source;
  if (source === undefined) {
    source = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  } else if (!counts.has(source)) {
    throw new InputError(logMessages.unknownSource(where, source, [...counts.keys()]));
  }
  const kept = records.filter((r) => r.source === source && (!(options.lockedOnly ?? true) || r.locked));
  if (kept.length < 2) throw new InputError(logMessages.tooFewForSeries(where, kept.length));
  for (let i = 1; i < kept.length; i++) {
    if (!(kept[i].timeS > kept[i - 1].timeS)) throw new InputError(logMessages.notMonotonic(where, kept[i].line));
  }
  const timesS = Float64Array.from(kept, (r) => r.timeS);
  const phaseS = Float64Array.from(kept, (r) => r.phaseS);
  const gaps = Array.from({ length: kept.length - 1 }, (_, i) => timesS[i + 1] - timesS[i]).sort((a, b) => a - b);
  const tau0S = gaps[Math.floor(gaps.length / 2)];
  return { source, timesS, phaseS, tau0S };
}

/** readLog then logPhaseSeries: what `chronotope stability --input FORMAT` uses. */
export function readLogPhaseSeries(file: string, format: string, options: PhaseSeriesOptions = {}): PhaseSeries {
  return logPhaseSeries(readLog(file, format), file === '-' ? '<stdin>' : file, options);
}

/**
 * One record of a synchronisation daemon's log, reduced to what a phase series needs. Every
 * reader turns its tool's own sign convention into the time error of the local clock, x = local
 * − reference (seconds): positive when the local clock is ahead, the convention of NIST SP 1065
 * phase data and of ptp4l's "master offset".
 */
export interface LogRecord {
  /** Time of the record in seconds (the log's own clock: monotonic, UTC or MJD-based). */
  readonly timeS: number;
  /** Local clock minus reference, seconds. */
  readonly phaseS: number;
  /** Line number (1-based) in the file. */
  readonly line: number;
  /** Which source the record measures (server address, clock name); '' when the log has one. */
  readonly source: string;
  /** Whether the tool considered the servo locked (ptp4l/phc2sys s2); true for the others. */
  readonly locked: boolean;
  /** Frequency adjustment or estimate the tool printed, ppb (NaN if none). */
  readonly frequencyPpb: number;
  /** Path or round-trip delay the tool printed, seconds (NaN if none). */
  readonly delayS: number;
}

export const LOG_FORMATS = [
  'ptp4l', 'phc2sys', 'chrony-tracking', 'chrony-measurements', 'chrony-statistics', 'ntpd-peerstats', 'ntpd-loopstats',
] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

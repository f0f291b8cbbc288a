/**
 * Real-log readers: ptp4l and phc2sys (linuxptp), chrony's tracking, measurements and statistics
 * logs, ntpd's peerstats and loopstats, each turned into records and into a phase series
 * (local − reference, seconds) for the stability statistics.
 */
export { LOG_FORMATS, type LogFormat, type LogRecord } from './log-record.ts';
export { parsePhc2sys, parsePtp4l } from './linuxptp.ts';
export { parseChronyMeasurements, parseChronyStatistics, parseChronyTracking } from './chrony.ts';
export { parseNtpdLoopstats, parseNtpdPeerstats } from './ntpd.ts';
export {
  isLogFormat, logPhaseSeries, parseLog, readLog, readLogPhaseSeries, type PhaseSeries, type PhaseSeriesOptions,
} from './read-log.ts';
export { logMessages } from './messages.ts';

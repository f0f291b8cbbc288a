import { InputError } from '../../core/errors.ts';
import { LOG_FORMATS } from './log-record.ts';
import { isLogFormat, readLogPhaseSeries } from './read-log.ts';

/** Help text of `chronotope stability --input`, kept here so the stability command stays small. */
export const STABILITY_INPUT_USAGE = `  --input FORMAT     FILE is a daemon's log: ${LOG_FORMATS.join(', ')};
                     read as phase (local - reference, s) after the servo locks, the busiest
                     source; --tau0 defaults to the log's median record spacing`;

/**
 * The hook of `chronotope stability --input FORMAT FILE`: the log's phase series and its τ0.
 * Options that make no sense for a log (--data freq, --column, --nominal-hz) are refused.
 */
export function stabilityLogInput(
  command: string, format: string, file: string, conflicts: { dataFreq: boolean; column: boolean; nominalHz: boolean },
): { data: Float64Array; tau0S: number } {
  if (!isLogFormat(format)) {
    throw new InputError(`chronotope ${command}: option '--input' expected one of ${LOG_FORMATS.join(', ')}, got '${format}'`);
  }
  for (const [flag, given] of [['--data freq', conflicts.dataFreq], ['--column', conflicts.column], ['--nominal-hz', conflicts.nominalHz]] as const) {
    if (given) throw new InputError(`chronotope ${command}: option '--input' reads phase from a log; it cannot be combined with ${flag}`);
  }
  const series = readLogPhaseSeries(file, format);
  return { data: series.phaseS, tau0S: series.tau0S };
}

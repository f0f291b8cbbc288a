import { InputError } from '../../core/errors.ts';
import type { LogRecord } from './log-record.ts';
import { logMessages } from './messages.ts';

/**
 * ntpd's statistics files, as its "Monitoring Options" page (ntp_mon(5), html/monopt.html)
 * documents them. Both begin with the Modified Julian Day and the seconds past UTC midnight.
 * - peerstats: MJD, seconds, peer address, status (hex), offset, delay, dispersion, RMS jitter
 *   (seconds; older versions omit the dispersion). The offset is θ of RFC 5905, server minus
 *   local → x = −offset.
 * - loopstats: MJD, seconds, time offset (s), frequency offset (ppm), RMS jitter (s), wander
 *   (ppm), time constant. The offset is the loop's θ → x = −offset.
 * Time is returned as seconds since the MJD epoch: MJD·86400 + seconds.
 */
const INTEGER = /^\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseNtpd(
  text: string, where: string, name: string, expected: string, minFields: number,
  read: (f: string[]) => { phaseS: number; source: string; frequencyPpb: number; delayS: number; numeric: number[] },
): LogRecord[] {
  const out: LogRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const f = line.trim().split(/\s+/);
    const bad = () => new InputError(logMessages.badLine(where, i + 1, name, expected, line));
    if (f.length < minFields || !INTEGER.test(f[0]) || !NUMBER.test(f[1])) throw bad();
    const r = read(f);
    if (r.numeric.some((c) => !NUMBER.test(f[c]))) throw bad();
    out.push({
      timeS: Number(f[0]) * 86400 + Number(f[1]), phaseS: r.phaseS, line: i + 1, source: r.source, locked: true,
      frequencyPpb: r.frequencyPpb, delayS: r.delayS,
    });
  }
  return out;
}

export function parseNtpdPeerstats(text: string, where: string): LogRecord[] {
  return parseNtpd(text, where, 'ntpd peerstats', 'MJD seconds address status offset delay [dispersion] jitter', 7, (f) => ({
    phaseS: -Number(f[4]), source: f[2], frequencyPpb: NaN, delayS: Number(f[5]), numeric: [4, 5],
  }));
}

export function parseNtpdLoopstats(text: string, where: string): LogRecord[] {
  return parseNtpd(text, where, 'ntpd loopstats', 'MJD seconds offset freq-ppm jitter wander time-constant', 5, (f) => ({
    phaseS: -Number(f[2]), source: '', frequencyPpb: Number(f[3]) * 1000, delayS: NaN, numeric: [2, 3],
  }));
}

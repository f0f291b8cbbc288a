import { InputError } from '../../core/errors.ts';
import type { LogRecord } from './log-record.ts';
import { logMessages } from './messages.ts';

/**
 * linuxptp's summary lines. ptp4l(8) ("master offset … s2 freq … path delay …": offset from the
 * master in ns, servo state s0 unlocked / s1 clock step / s2 locked, frequency adjustment in ppb,
 * path delay in ns; the format string is in clock.c) and phc2sys(8) ("<clock> <source> offset …
 * s2 freq … delay …", phc2sys.c). Each may carry linuxptp's own prefix `name[monotonic s]:` or a
 * syslog prefix; lines without a summary (port state changes, "Waiting for ptp4l…") are skipped.
 * Offsets are slave minus master, already local − reference.
 */

/** `[1234.567]` anywhere before the message: linuxptp's print.c time stamp. */
const STAMP = /\[(\d+(?:\.\d+)?)\]/;
const PTP4L_HINT = /\bmaster offset\b/;
const PTP4L = /\bmaster offset\s+(-?\d+)\s+s(\d)\s+freq\s+([+-]?\d+)\s+path delay\s+(-?\d+)\s*$/;
const PHC2SYS_HINT = /\boffset\s+\S+\s+s\d\b/;
const PHC2SYS = /(?:^|\s)(\S+)\s+(\S+)\s+offset\s+(-?\d+)\s+s(\d)\s+freq\s+([+-]?\d+)(?:\s+delay\s+(-?\d+))?\s*$/;

function stampOf(text: string, fallback: number): number {
  const m = STAMP.exec(text);
  return m ? Number(m[1]) : fallback;
}

export function parsePtp4l(text: string, where: string): LogRecord[] {
  const out: LogRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!PTP4L_HINT.test(line)) continue;
    const m = PTP4L.exec(line);
    if (!m) throw new InputError(logMessages.badLine(where, i + 1, 'ptp4l', "'master offset N sK freq F path delay D'", line));
    out.push({
      timeS: stampOf(line.slice(0, m.index), out.length), phaseS: Number(m[1]) / 1e9, line: i + 1, source: '',
      locked: m[2] === '2', frequencyPpb: Number(m[3]), delayS: Number(m[4]) / 1e9,
    });
  }
  return out;
}

export function parsePhc2sys(text: string, where: string): LogRecord[] {
  const out: LogRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!PHC2SYS_HINT.test(line)) continue;
    const m = PHC2SYS.exec(line);
    if (!m) throw new InputError(logMessages.badLine(where, i + 1, 'phc2sys', "'CLOCK SOURCE offset N sK freq F [delay D]'", line));
    out.push({
      timeS: stampOf(line.slice(0, m.index), out.length), phaseS: Number(m[3]) / 1e9, line: i + 1, source: `${m[1]} ${m[2]}`,
      locked: m[4] === '2', frequencyPpb: Number(m[5]), delayS: m[6] === undefined ? NaN : Number(m[6]) / 1e9,
    });
  }
  return out;
}

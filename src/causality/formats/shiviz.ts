import { InputError } from '../../core/errors.ts';
import type { EventInput } from '../event.ts';
import { causalityMessages as m } from '../messages.ts';
import { CausalCycleError } from '../timestamper.ts';
import { Trace } from '../trace.ts';
import { GOVECTOR_PARSER, SHIVIZ_DEFAULT_PARSER, ShivizRegExp } from './shiviz-regexp.ts';

/** One logged event: its host, its vector clock (zero entries dropped), text and line. */
export interface LoggedEvent {
  readonly host: string;
  readonly clock: Readonly<Record<string, number>>;
  readonly text: string;
  /** Line of the clock in the file (1-based). */
  readonly line: number;
  /** Other named groups (ShiViz shows them beside the event), `host` included. */
  readonly fields: Readonly<Record<string, string>>;
}

/** One execution of a log (a log without a delimiter has one, labelled ""). */
export interface Execution {
  readonly label: string;
  readonly trace: Trace;
  readonly logged: readonly LoggedEvent[];
}

export interface ShivizReadOptions {
  /** Parser regex; overrides the file's first line (used as typed in ShiViz's form, not wrapped). */
  readonly parser?: string;
  /** Execution delimiter regex; overrides the file's second line. */
  readonly delimiter?: string;
  /** File name for error messages. */
  readonly file?: string;
}

const REQUIRED_GROUPS = ['event', 'host', 'clock'] as const;

/**
 * Reads a ShiViz log. As ShiViz's file upload does (shiviz.js), a first line holding a regex
 * (here: containing a named group `(?<`) is the parser, wrapped in ^…$, and the second line, when
 * not blank, the execution delimiter, wrapped likewise; the log starts on line 3. Otherwise the
 * whole file is the log and the default parser applies. Both regexes run with the multiline flag.
 * Each execution is validated as ShiViz's ModelGraph does (modelGraph.js) — own clock entry starts
 * at 1 and grows by exactly 1, no unknown host, no entry past a host's last event — and further:
 * no cycle, and every clock equal to what the inferred messages give. Errors name file and line.
 */
export function readShiviz(text: string, options: ShivizReadOptions = {}): Execution[] {
  const file = options.file;
  let parser = options.parser;
  let delimiter = options.delimiter;
  let parserSource = 'option --parser';
  let delimiterSource = 'option --delimiter';
  let log = text;
  let lineOffset = 0;
  const firstBreak = text.indexOf('\n');
  const firstLine = (firstBreak < 0 ? text : text.slice(0, firstBreak)).replace(/\r$/, '');
  if (firstLine.includes('(?<')) {
    const secondBreak = firstBreak < 0 ? -1 : text.indexOf('\n', firstBreak + 1);
    const secondLine = firstBreak < 0 ? '' : (secondBreak < 0 ? text.slice(firstBreak + 1) : text.slice(firstBreak + 1, secondBreak)).replace(/\r$/, '');
    if (parser === undefined) { parser = `^${firstLine}$`; parserSource = `${file ?? '(log)'}:1`; }
    if (delimiter === undefined && secondLine.trim() !== '') { delimiter = `^${secondLine.trim()}$`; delimiterSource = `${file ?? '(log)'}:2`; }
    log = secondBreak < 0 ? '' : text.slice(secondBreak + 1);
    lineOffset = 2;
  }
  if (parser === undefined) { parser = SHIVIZ_DEFAULT_PARSER; parserSource = 'default parser'; }
  return readLog(log, lineOffset, new ShivizRegExp(parser.trim(), 'm', parserSource), parserSource,
    delimiter === undefined || delimiter.trim() === '' ? undefined : new ShivizRegExp(delimiter.trim(), 'm', delimiterSource), file);
}

/** Reads a GoVector log (`host {clock}` line, then the message line; no header lines). */
export function readGoVector(text: string, file?: string): Execution[] {
  return readLog(text, 0, new ShivizRegExp(GOVECTOR_PARSER, 'm', 'GoVector layout'), 'GoVector layout', undefined, file);
}

function readLog(
  log: string, lineOffset: number, parser: ShivizRegExp, parserSource: string,
  delimiter: ShivizRegExp | undefined, file: string | undefined,
): Execution[] {
  const missing = REQUIRED_GROUPS.filter((g) => !parser.names.includes(g));
  if (missing.length > 0) throw new InputError(m.regexMissingGroups(parserSource, missing));
  const lineStarts: number[] = [0];
  for (let i = log.indexOf('\n'); i >= 0; i = log.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1; }
    return lo + 1 + lineOffset;
  };
  // Executions: the text between delimiter matches (ShiViz: split on the delimiter; labels from
  // its `trace` group, "" for text before the first delimiter).
  const pieces: Array<{ label: string; start: number; end: number }> = [];
  if (delimiter === undefined) pieces.push({ label: '', start: 0, end: log.length });
  else {
    let start = 0, label = '', count = 0;
    for (const d of delimiter.matches(log)) {
      pieces.push({ label, start, end: d.index });
      count++;
      label = d.groups.trace ?? `execution ${count}`;
      start = d.end;
    }
    pieces.push({ label, start, end: log.length });
  }
  const executions: Execution[] = [];
  const seen = new Set<string>();
  for (const piece of pieces) {
    const body = log.slice(piece.start, piece.end);
    if (body.trim() === '') continue;
    if (seen.has(piece.label)) throw new InputError(m.duplicateExecution(file, piece.label));
    seen.add(piece.label);
    const logged: LoggedEvent[] = [];
    for (const match of parser.matches(body)) {
      const clockText = match.groups.clock ?? '';
      const line = lineAt(piece.start + (match.groupStart.clock ?? match.index));
      const host = match.groups.host ?? '';
      const fields: Record<string, string> = {};
      for (const name of parser.names) if (name !== 'clock' && name !== 'event') fields[name] = match.groups[name] ?? '';
      logged.push({ host, clock: parseClock(clockText, host, line, file), text: match.groups.event ?? '', line, fields });
    }
    if (logged.length === 0) throw new InputError(m.noEvents(file, piece.label));
    executions.push({ label: piece.label, trace: buildTrace(logged, file), logged });
  }
  if (executions.length === 0) throw new InputError(m.noEvents(file, ''));
  return executions;
}

/** ShiViz's parseTimestamp: JSON, else JSON with \" unescaped (TLA+ logs); zero entries dropped. */
function parseClock(text: string, host: string, line: number, file: string | undefined): Record<string, number> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    try {
      value = JSON.parse(text.replace(/\\"/g, '"'));
    } catch {
      throw new InputError(m.badClockJson(file, line, text));
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(m.badClockJson(file, line, text));
  const clock: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new InputError(m.badClockEntry(file, line, k, v));
    if (v !== 0) clock[k] = v;
  }
  if (!Object.hasOwn(value, host)) throw new InputError(m.missingOwnEntry(file, line, host));
  return clock;
}

/**
 * Validates one execution and infers its messages as ShiViz's ModelGraph does: for each event,
 * the entries that grew since the host's previous event point at candidate parents; candidates
 * already in another candidate's past are dropped; each remaining one sent a message to it.
 */
function buildTrace(logged: readonly LoggedEvent[], file: string | undefined): Trace {
  const byHost = new Map<string, number[]>();
  logged.forEach((e, i) => {
    let list = byHost.get(e.host);
    if (list === undefined) byHost.set(e.host, list = []);
    list.push(i);
  });
  const own = (i: number): number => logged[i].clock[logged[i].host] ?? 0;
  for (const [host, list] of byHost) {
    list.sort((a, b) => own(a) - own(b) || a - b); // ShiViz sorts by own entry (stable)
    for (let k = 0; k < list.length; k++) {
      const e = logged[list[k]];
      if (own(list[k]) !== k + 1) {
        throw new InputError(k === 0
          ? m.clockStart(file, e.line, host, own(list[k]))
          : m.clockIncrement(file, e.line, host, own(list[k - 1]), own(list[k]), logged[list[k - 1]].line));
      }
    }
  }
  const sends: string[][] = logged.map(() => []);
  const receives: string[][] = logged.map(() => []);
  for (const [host, list] of byHost) {
    const latest: Record<string, number> = {};
    for (const i of list) {
      const e = logged[i];
      latest[host] = own(i);
      const candidates: number[] = [];
      for (const [other, time] of Object.entries(e.clock)) {
        if (latest[other] !== undefined && latest[other] >= time) continue;
        latest[other] = time;
        const otherList = byHost.get(other);
        if (otherList === undefined) throw new InputError(m.unknownHost(file, e.line, other));
        if (time < 1 || time > otherList.length) throw new InputError(m.clockOutOfRange(file, e.line, other, time, otherList.length));
        candidates.push(otherList[time - 1]);
      }
      const dominated = new Set<string>();
      for (const c of candidates) {
        for (const [other, time] of Object.entries(logged[c].clock)) if (other !== logged[c].host) dominated.add(`${other}\u0000${time}`);
      }
      for (const c of candidates) {
        const p = logged[c];
        if (dominated.has(`${p.host}\u0000${own(c)}`)) continue;
        const msg = `${p.host}:${own(c)}>${host}:${own(i)}`;
        sends[c].push(msg);
        receives[i].push(msg);
      }
    }
  }
  // Events go to the timestamper in file order, except that a host's events follow its own clock
  // entry (ShiViz sorts them so; a log may list them out of order): the k-th line of a host
  // carries that host's k-th event.
  const taken = new Map<string, number>();
  const inputs: EventInput[] = logged.map((first) => {
    const k = taken.get(first.host) ?? 0;
    taken.set(first.host, k + 1);
    const i = byHost.get(first.host)![k];
    const e = logged[i];
    return {
      host: e.host, label: e.text, line: e.line, fields: e.fields,
      sends: sends[i].length > 0 ? sends[i] : undefined,
      receives: receives[i].length > 0 ? receives[i] : undefined,
    };
  });
  let trace: Trace;
  try {
    trace = Trace.fromEvents(inputs, file);
  } catch (error) {
    if (error instanceof CausalCycleError) throw new InputError(m.clockCycle(file, error.line ?? 0));
    throw error;
  }
  // The clocks the messages imply must be the logged ones (ShiViz's stepThroughAndVerify rule).
  const byLine = new Map<number, LoggedEvent>();
  for (const e of logged) byLine.set(e.line, e);
  for (const e of trace.events) {
    const given = byLine.get(e.line!)!;
    const computed = trace.vectorRecord(e);
    if (!sameClock(given.clock, computed)) throw new InputError(m.impermissibleClock(file, e.line!, JSON.stringify(computed)));
  }
  return trace;
}

function sameClock(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

/** A label on one line (ShiViz's `.*` stops at a line break). */
function oneLine(text: string): string { return text.replace(/\r\n|\r|\n/g, ' '); }

function checkHost(format: string, host: string): void {
  if (!/^\S+$/.test(host)) throw new InputError(m.exportHost(format, host));
}

function eventLabel(e: Trace['events'][number]): string {
  if (e.label !== undefined) return e.label;
  const msgs = [...e.receives.map((r) => `recv ${r}`), ...e.sends.map((s) => `send ${s}`)];
  return msgs.length > 0 ? msgs.join(', ') : 'local';
}

function clockText(trace: Trace, e: Trace['events'][number], sortKeys: boolean): string {
  const record = trace.vectorRecord(e);
  const keys = Object.keys(record);
  if (sortKeys) keys.sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${record[k]}`).join(', ')}}`;
}

/**
 * Writes a trace as a ShiViz log that opens by file upload: the default parser on line 1, a blank
 * delimiter line, then each event's label and its `host {clock}` line. Labels lose line breaks.
 */
export function writeShiviz(trace: Trace): string {
  for (const h of trace.hosts) checkHost('ShiViz', h);
  const parts = [SHIVIZ_DEFAULT_PARSER, ''];
  for (const e of trace.events) parts.push(oneLine(eventLabel(e)), `${e.host} ${clockText(trace, e, false)}`);
  return parts.join('\n') + '\n';
}

/** Writes a trace as a GoVector log: `host {clock}` with sorted keys, then the message. */
export function writeGoVector(trace: Trace): string {
  for (const h of trace.hosts) checkHost('GoVector', h);
  const parts: string[] = [];
  for (const e of trace.events) parts.push(`${e.host} ${clockText(trace, e, true)}`, oneLine(eventLabel(e)));
  return parts.join('\n') + '\n';
}

/**
 * Writes several executions as one ShiViz log: the default parser, the delimiter
 * `=== (?<trace>.*) ===` on line 2, and each execution after a `=== label ===` line. One unlabelled
 * execution is written as `writeShiviz` does.
 */
export function writeShivizExecutions(executions: readonly Execution[]): string {
  if (executions.length === 1 && executions[0].label === '') return writeShiviz(executions[0].trace);
  const parts = [SHIVIZ_DEFAULT_PARSER, '=== (?<trace>.*) ==='];
  for (const x of executions) {
    parts.push(`=== ${oneLine(x.label)} ===`);
    const body = writeShiviz(x.trace).split('\n').slice(2).join('\n');
    parts.push(body.replace(/\n$/, ''));
  }
  return parts.join('\n') + '\n';
}

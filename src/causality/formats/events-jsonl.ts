import { InputError } from '../../core/errors.ts';
import { EVENT_TYPES, type EventInput, type EventType, type RawEvent } from '../event.ts';
import { causalityMessages as m } from '../messages.ts';

/**
 * Parses one line of the JSON-lines raw trace, `{"host":"a","type":"send","msg":"m1","label":"…"}`
 * (`label` optional; `msg` required for send and recv, ignored for local). Returns null for a blank
 * line.
 */
/**
 * The common shape of a line, keys in the documented order and no escapes in the strings: read by
 * one regular expression, about three times faster than JSON.parse with checks (profiled on
 * 10^6-event traces). Anything else goes through JSON.parse.
 */
const FAST_LINE = /^\{"host":"([^"\\]+)","type":"(send|recv|local)"(?:,"msg":"([^"\\]+)")?(?:,"label":"([^"\\]*)")?\}$/;

export function parseEventLine(text: string, line: number, file?: string): EventInput | null {
  const fast = FAST_LINE.exec(text);
  if (fast !== null) {
    const [, host, type, msg, label] = fast;
    if (type === 'local') return { host, label, line };
    if (msg !== undefined) return type === 'send' ? { host, sends: [msg], label, line } : { host, receives: [msg], label, line };
  }
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(m.badJson(file, line, (error as Error).message));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(m.badJson(file, line, 'not an object'));
  }
  const o = value as Record<string, unknown>;
  if (typeof o.host !== 'string' || o.host === '') throw new InputError(m.emptyHost(file, line));
  const type = o.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    throw new InputError(m.badType(file, line, type));
  }
  if (o.label !== undefined && typeof o.label !== 'string') throw new InputError(m.badField(file, line, 'label', 'a string'));
  const label = o.label as string | undefined;
  if (type === 'local') return { host: o.host, label, line };
  if (typeof o.msg !== 'string' || o.msg === '') throw new InputError(m.missingMsg(file, line, type));
  return type === 'send'
    ? { host: o.host, sends: [o.msg], label, line }
    : { host: o.host, receives: [o.msg], label, line };
}

/** One raw event as a JSON line (no newline). */
export function formatEventLine(event: RawEvent): string {
  const o: Record<string, string> = { host: event.host, type: event.type };
  if (event.msg !== undefined) o.msg = event.msg;
  if (event.label !== undefined) o.label = event.label;
  return JSON.stringify(o);
}

/** Parses a whole JSON-lines trace held in memory (line numbers from 1). */
export function parseEventLines(text: string, file?: string): EventInput[] {
  const out: EventInput[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const e = parseEventLine(lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i], i + 1, file);
    if (e !== null) out.push(e);
  }
  return out;
}

export type { EventType };

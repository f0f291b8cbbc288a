import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../../core/errors.ts';
import type { StampedEvent } from '../event.ts';
import { causalityMessages as m } from '../messages.ts';
import { SummaryAccumulator, summarizeTrace, type TraceSummary } from '../summary.ts';
import { Timestamper } from '../timestamper.ts';
import { Trace, keepEvent } from '../trace.ts';
import { parseEventLine } from './events-jsonl.ts';
import { readLines } from './line-reader.ts';
import { readGoVector, readShiviz, type Execution } from './shiviz.ts';

export type TraceFormat = 'events' | 'shiviz' | 'govector';
export const TRACE_FORMATS: readonly TraceFormat[] = ['events', 'shiviz', 'govector'];

export interface TraceFileOptions {
  readonly format?: TraceFormat;
  readonly parser?: string;
  readonly delimiter?: string;
}

/**
 * The format of a trace file when none is given: JSON lines when the name ends in .jsonl or
 * .ndjson, or its first non-blank line starts with "{"; otherwise a ShiViz log.
 */
export function detectFormat(path: string): TraceFormat {
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'events';
  for (const line of readLines(path)) {
    if (line.trim() === '') continue;
    return line.trimStart().startsWith('{') ? 'events' : 'shiviz';
  }
  return 'events';
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(m.unreadable(path, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
}

/** Reads a whole trace file into executions (a JSON-lines trace is one execution labelled ""). */
export function readTraceFile(path: string, options: TraceFileOptions = {}): Execution[] {
  checkReadable(path);
  const format = options.format ?? detectFormat(path);
  if (format === 'shiviz') return readShiviz(readText(path), { parser: options.parser, delimiter: options.delimiter, file: path });
  if (options.parser !== undefined || options.delimiter !== undefined) throw new InputError(m.parserNeedsShiviz(format));
  if (format === 'govector') return readGoVector(readText(path), path);
  const events: ReturnType<typeof keepEvent>[] = [];
  const t = new Timestamper((e) => events.push(keepEvent(e)), path);
  let line = 0;
  for (const text of readLines(path)) {
    const e = parseEventLine(text, ++line, path);
    if (e !== null) t.push(e);
  }
  t.finish();
  return [{ label: '', trace: new Trace(t.hosts, events, t.messages), logged: [] }];
}

function checkReadable(path: string): number {
  try {
    const s = statSync(path);
    if (!s.isFile()) throw new InputError(m.unreadable(path, 'not a file'));
    return s.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(m.unreadable(path, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
}

/**
 * Summarises a JSON-lines trace streamed from a file: memory holds the messages in flight, the
 * events held back by a receive listed before its send, and the causal graph for the width
 * (12 bytes per event) — never the events or their clocks. `onEvent`, when given, sees each
 * stamped event (its vector lent, as `Timestamper` does). `onBytes` reports progress.
 */
export function summarizeEventsFile(
  path: string,
  onEvent?: (e: StampedEvent) => void,
  onBytes?: (bytesRead: number, totalBytes: number) => void,
): TraceSummary {
  const total = checkReadable(path);
  const acc = new SummaryAccumulator();
  const t = new Timestamper(onEvent === undefined ? (e) => acc.add(e) : (e) => { acc.add(e); onEvent(e); }, path);
  let line = 0, bytes = 0, reported = 0;
  for (const text of readLines(path)) {
    line++;
    bytes += text.length + 1;
    if (onBytes !== undefined && bytes - reported >= 1 << 24) { reported = bytes; onBytes(bytes, total); }
    const e = parseEventLine(text, line, path);
    if (e !== null) t.push(e);
  }
  t.finish();
  return acc.result(t.hosts, t.messages);
}

export { summarizeTrace };

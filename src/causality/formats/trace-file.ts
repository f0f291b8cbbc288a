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
 * .ndjson, or its first non-blank line starts with "{"; GoVector when that line is
 * `host {clock}` (GoVector writes the clock line first); otherwise a ShiViz log.
 */
export function detectFormat(path: string): TraceFormat {
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'events';
  for (const line of readLines(path)) {
    if (line.trim() === '') continue;
    if (line.trimStart().startsWith('{')) return 'events';
    return /^\S+ \{\s*".*\}\s*$/.test(line) ? 'govector' : 'shiviz';
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
 * Summarises a JSON-lines trace streamed from a file, never holding its events or their clocks.
 * First pass: clocks, messages, concurrent pairs, holding only the messages in flight and the
 * events held back by a receive listed before its send. When the hosts' last events are pairwise
 * concurrent the width is the number of hosts and the job is done; otherwise a second pass keeps
 * the causal graph (12 bytes per event) for the width's minimum flow. `onBytes` reports progress.
 */
export function summarizeEventsFile(
  path: string,
  onBytes?: (bytesRead: number, totalBytes: number, pass: 1 | 2) => void,
): TraceSummary {
  const total = checkReadable(path);
  const pass = (keepGraph: boolean, passNumber: 1 | 2) => {
    const acc = new SummaryAccumulator({ keepGraph });
    const t = new Timestamper((e) => acc.add(e), path);
    let line = 0, bytes = 0, reported = 0;
    for (const text of readLines(path)) {
      line++;
      bytes += text.length + 1;
      if (onBytes !== undefined && bytes - reported >= 1 << 24) { reported = bytes; onBytes(bytes, total, passNumber); }
      const e = parseEventLine(text, line, path);
      if (e !== null) t.push(e);
    }
    t.finish();
    return { acc, t };
  };
  const first = pass(false, 1);
  if (first.t.lastEventsConcurrent()) return first.acc.result(first.t.hosts, first.t.messages, first.t.hosts.length);
  const second = pass(true, 2);
  return second.acc.result(second.t.hosts, second.t.messages);
}

export { summarizeTrace };

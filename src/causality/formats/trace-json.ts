import type { TraceSummary } from '../summary.ts';
import type { Trace } from '../trace.ts';

/** One event as `chronotope causality --json` prints it: host, 1-based index, Lamport, vector. */
export function eventJson(trace: Trace, e: Trace['events'][number]): string {
  return `{"host":${JSON.stringify(e.host)},"index":${e.index},"lamport":${e.lamport},"vector":${JSON.stringify(trace.vectorRecord(e))}}`;
}

/**
 * The `--json` object: `{"events":[…],"hosts":[…],"messages":K,"concurrentPairs":C,"width":W}`;
 * without `trace` (`--summary`) the same object without `events`. `execution` (a label) comes
 * first when the log holds several executions.
 */
export function traceJson(summary: TraceSummary, trace?: Trace, execution?: string): string {
  const parts: string[] = [];
  if (execution !== undefined) parts.push(`"execution":${JSON.stringify(execution)}`);
  if (trace !== undefined) parts.push(`"events":[${trace.events.map((e) => eventJson(trace, e)).join(',')}]`);
  parts.push(`"hosts":${JSON.stringify(summary.hosts)}`, `"messages":${summary.messages}`,
    `"concurrentPairs":${summary.concurrentPairs}`, `"width":${summary.width}`);
  return `{${parts.join(',')}}`;
}

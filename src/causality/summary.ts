import { CausalGraphBuilder } from './causal-graph.ts';
import type { StampedEvent } from './event.ts';
import type { Trace } from './trace.ts';
import { traceWidth } from './width.ts';

/** What `chronotope causality --summary` prints. */
export interface TraceSummary {
  readonly hosts: readonly string[];
  /** Messages received (send → receive pairs). */
  readonly messages: number;
  readonly events: number;
  /** Unordered pairs of distinct events neither of which happened before the other. */
  readonly concurrentPairs: number;
  /** Largest set of pairwise concurrent events. */
  readonly width: number;
}

/**
 * Accumulates a summary from stamped events without holding them: the ordered pairs are counted
 * at their later event, whose past has sum(vector) − 1 events, so
 * concurrentPairs = n(n − 1)/2 − Σ pastSize — no pair loop. Width needs the causal graph
 * (12 bytes per event, see `traceWidth`) unless it is known otherwise (`keepGraph: false` and a
 * width passed to `result`).
 */
export class SummaryAccumulator {
  private n = 0;
  private orderedPairs = 0;
  private readonly graph: CausalGraphBuilder | null;

  constructor(options: { readonly keepGraph?: boolean } = {}) {
    this.graph = options.keepGraph === false ? null : new CausalGraphBuilder();
  }

  add(e: Pick<StampedEvent, 'id' | 'hostId' | 'pastSize' | 'senderIds'>): void {
    this.n++;
    this.orderedPairs += e.pastSize;
    this.graph?.add(e);
  }

  /** The summary; `width`, when known (e.g. from `Timestamper.lastEventsConcurrent`), skips the flow. */
  result(hosts: readonly string[], messages: number, width?: number): TraceSummary {
    const n = this.n;
    if (width === undefined && this.graph === null) throw new Error('SummaryAccumulator: no causal graph kept and no width given');
    return {
      hosts, messages, events: n,
      concurrentPairs: (n * (n - 1)) / 2 - this.orderedPairs,
      width: width ?? traceWidth(this.graph!.build()),
    };
  }
}

/** The summary of an in-memory trace (the width by the last-events shortcut when it applies). */
export function summarizeTrace(trace: Trace): TraceSummary {
  const last: Array<Trace['events'][number] | undefined> = trace.hosts.map(() => undefined);
  for (const e of trace.events) last[e.hostId] = e;
  const allConcurrent = last.every((g, i) => last.every((h, j) => i === j || (g!.vector[j] ?? 0) < h!.index));
  const acc = new SummaryAccumulator({ keepGraph: !allConcurrent });
  for (const e of trace.events) {
    let sum = 0;
    for (let i = 0; i < e.vector.length; i++) sum += e.vector[i];
    acc.add({ id: e.id, hostId: e.hostId, pastSize: sum - 1, senderIds: e.senderIds });
  }
  return acc.result(trace.hosts, trace.messages, allConcurrent ? trace.hosts.length : undefined);
}

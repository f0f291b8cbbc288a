import { RandomStream } from '../core/random/stream.ts';
import type { EventInput } from './event.ts';

export interface RandomTraceOptions {
  readonly hosts: number;
  readonly events: number;
  readonly seed: number;
  /** Random stream id (default 0). */
  readonly stream?: number;
  /** Probability that an event sends a message to a uniformly chosen other host (default 0.3). */
  readonly sendProbability?: number;
  /** Probability that an event receives its host's oldest pending message, if any (default 0.3). */
  readonly receiveProbability?: number;
}

/**
 * A synthetic message-passing trace for benchmarks, tests and notebooks: each event is on a
 * uniformly chosen host (Philox stream `seed`, `stream`) and is a receive of that host's oldest
 * pending message, a send to another host, or a local event. Events come in the order they
 * happen, so it can be written straight to a file (generated lazily, never held).
 */
export function* randomTrace(options: RandomTraceOptions): Generator<EventInput> {
  const { hosts, events, seed } = options;
  const pSend = options.sendProbability ?? 0.3;
  const pReceive = options.receiveProbability ?? 0.3;
  const rng = new RandomStream(seed, options.stream ?? 0);
  const names = Array.from({ length: hosts }, (_, i) => `h${i}`);
  // Pending messages per destination, FIFO (array + head index).
  const pending: string[][] = names.map(() => []);
  const heads = new Int32Array(hosts);
  let next = 0;
  for (let i = 0; i < events; i++) {
    const h = rng.uniformInt(hosts);
    const u = rng.uniform();
    const queue = pending[h];
    if (u < pReceive && heads[h] < queue.length) {
      const msg = queue[heads[h]++];
      if (heads[h] > 1024 && heads[h] * 2 > queue.length) { pending[h] = queue.slice(heads[h]); heads[h] = 0; }
      yield { host: names[h], receives: [msg] };
    } else if (u < pReceive + pSend && hosts > 1) {
      let to = rng.uniformInt(hosts - 1);
      if (to >= h) to++;
      const msg = `m${next++}`;
      pending[to].push(msg);
      yield { host: names[h], sends: [msg] };
    } else {
      yield { host: names[h] };
    }
  }
}

/** The raw JSON line of a generated event. */
export function randomTraceLine(e: EventInput): string {
  if (e.sends !== undefined) return `{"host":"${e.host}","type":"send","msg":"${e.sends[0]}"}`;
  if (e.receives !== undefined) return `{"host":"${e.host}","type":"recv","msg":"${e.receives[0]}"}`;
  return `{"host":"${e.host}","type":"local"}`;
}

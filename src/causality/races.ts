import type { Trace, TraceEvent } from './trace.ts';

/** Every pair of concurrent events (i < j by id): O(n²), for small traces and figures. */
export function concurrentEventPairs(trace: Trace): Array<[TraceEvent, TraceEvent]> {
  const out: Array<[TraceEvent, TraceEvent]> = [];
  const ev = trace.events;
  for (let i = 0; i < ev.length; i++) for (let j = i + 1; j < ev.length; j++) if (trace.concurrent(ev[i], ev[j])) out.push([ev[i], ev[j]]);
  return out;
}

/** Two receives on one host whose messages could have arrived in the other order. */
export interface MessageRace {
  readonly first: TraceEvent;
  readonly second: TraceEvent;
  /** The send of the second receive's message. */
  readonly secondSend: TraceEvent;
}

/**
 * Message races (Netzer & Miller 1992, "Optimal tracing and replay for debugging message-passing
 * programs", §3): receives r1 before r2 on one host race when the send of r2's message does not
 * happen after r1 — nothing forced it to arrive second. Only pairs whose messages come from
 * different events count.
 */
export function messageRaces(trace: Trace): MessageRace[] {
  const out: MessageRace[] = [];
  const receivesByHost: TraceEvent[][] = trace.hosts.map(() => []);
  for (const e of trace.events) if (e.senderIds.length > 0) receivesByHost[e.hostId].push(e);
  for (const list of receivesByHost) {
    list.sort((a, b) => a.index - b.index);
    for (let b = 0; b < list.length; b++) {
      for (const s of list[b].senderIds) {
        const send = trace.events[s];
        for (let a = 0; a < b; a++) {
          if (list[a].senderIds.includes(s)) continue;
          if (!trace.happenedBefore(list[a], send)) out.push({ first: list[a], second: list[b], secondSend: send });
        }
      }
    }
  }
  return out;
}

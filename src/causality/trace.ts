import type { EventInput, EventType, RawEvent, StampedEvent } from './event.ts';
import { eventInputFromRaw } from './event.ts';
import { Timestamper } from './timestamper.ts';

/**
 * An event of an in-memory trace: the stamped event with its vector clock copied (entries past
 * its length are 0, for hosts seen later), without the timestamper's running counts.
 */
export type TraceEvent = Omit<StampedEvent, 'hostCount' | 'pastSize'>;

/** Copies what a stamped event's callback lends (its live vector) into a trace event. */
export function keepEvent(e: StampedEvent): TraceEvent {
  return {
    id: e.id, host: e.host, hostId: e.hostId, index: e.index, lamport: e.lamport,
    vector: e.vector.slice(0, e.hostCount), type: e.type, sends: e.sends, receives: e.receives,
    senderIds: e.senderIds.slice(), label: e.label, line: e.line, fields: e.fields,
  };
}

/**
 * A whole trace in memory, events in causal order (each after everything that happened before
 * it), with Lamport and vector clocks. For traces too large to hold, stream with `Timestamper`.
 */
export class Trace {
  constructor(
    readonly hosts: readonly string[],
    readonly events: readonly TraceEvent[],
    /** Number of messages received (send → receive pairs). */
    readonly messages: number,
  ) {}

  /** Timestamps general events (any interleaving of hosts); throws InputError on a bad trace. */
  static fromEvents(inputs: Iterable<EventInput>, file?: string): Trace {
    const events: TraceEvent[] = [];
    const t = new Timestamper((e) => events.push(keepEvent(e)), file);
    for (const input of inputs) t.push(input);
    t.finish();
    return new Trace(t.hosts, events, t.messages);
  }

  /** Timestamps raw events (`{host, type, msg, label}`), line numbers counted from 1. */
  static fromRaw(raws: Iterable<RawEvent>, file?: string): Trace {
    const inputs: EventInput[] = [];
    let line = 0;
    for (const raw of raws) inputs.push(eventInputFromRaw(raw, ++line));
    return Trace.fromEvents(inputs, file);
  }

  /** Events of one host, in host order. */
  eventsOf(host: string): TraceEvent[] { return this.events.filter((e) => e.host === host); }

  /** The event at 1-based `index` on `host`. */
  event(host: string, index: number): TraceEvent | undefined {
    return this.events.find((e) => e.host === host && e.index === index);
  }

  /**
   * Happened-before a → b (Lamport 1978). By the vector-clock theorem (Mattern 1989, Thm 10),
   * a → b iff a ≠ b and a's own entry is at most b's entry for a's host.
   */
  happenedBefore(a: TraceEvent, b: TraceEvent): boolean {
    return a.id !== b.id && entry(b.vector, a.hostId) >= a.index;
  }

  /** Neither happened before the other (and they are distinct). */
  concurrent(a: TraceEvent, b: TraceEvent): boolean {
    return a.id !== b.id && !this.happenedBefore(a, b) && !this.happenedBefore(b, a);
  }

  /** The vector clock of an event as `{host: entry}`, zero entries left out, in host-id order. */
  vectorRecord(e: TraceEvent): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < e.vector.length; i++) if (e.vector[i] !== 0) out[this.hosts[i]] = e.vector[i];
    return out;
  }
}

function entry(v: Int32Array, i: number): number { return i < v.length ? v[i] : 0; }

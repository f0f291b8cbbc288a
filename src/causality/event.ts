/**
 * The event model every chronotope trace uses (link protocols, failure detectors, imported logs).
 *
 * A trace is a set of processes ("hosts"), each a sequence of events; an event is a `send`, a
 * `recv` (receive) or a `local` event. Messages are named by an id (`msg`): a send names the
 * message it sends, a receive the message it receives. Happened-before (Lamport 1978, §2) is the
 * smallest transitive relation containing host order and send → receive.
 */

/** The three kinds of event in the raw JSON-lines trace format. */
export type EventType = 'send' | 'recv' | 'local';

export const EVENT_TYPES: readonly EventType[] = ['send', 'recv', 'local'];

/**
 * One line of the JSON-lines raw trace: `{"host":"a","type":"send","msg":"m1","label":"…"}`.
 * Each host's events appear in the order they happened on that host; lines of different hosts may
 * interleave in any order (a receive may even come before its send: it waits for it).
 */
export interface RawEvent {
  readonly host: string;
  readonly type: EventType;
  /** Message id; required for send and recv. */
  readonly msg?: string;
  readonly label?: string;
}

/**
 * The general event the timestamper consumes. An event may send and receive several messages
 * (ShiViz logs infer a multicast send, or a receive from several hosts at once); a raw event is
 * the case of at most one message.
 */
export interface EventInput {
  readonly host: string;
  readonly sends?: readonly string[];
  readonly receives?: readonly string[];
  readonly label?: string;
  /** Line in the source file, for error messages. */
  readonly line?: number;
  /** Extra named fields (ShiViz named groups other than event, host, clock). */
  readonly fields?: Readonly<Record<string, string>>;
}

/** Converts one raw event to the general form. */
export function eventInputFromRaw(raw: RawEvent, line?: number): EventInput {
  const msg = raw.msg === undefined ? undefined : [raw.msg];
  return {
    host: raw.host,
    sends: raw.type === 'send' ? msg : undefined,
    receives: raw.type === 'recv' ? msg : undefined,
    label: raw.label,
    line,
  };
}

/**
 * An event with its clocks, as the timestamper reports it. The object is lent: the timestamper
 * refills the same object for every event (no garbage per event), so read what you need in the
 * callback or copy it (`keepEvent`). `vector` is the host's live vector: entries 0..hostCount-1
 * in host-id order (entry i counts the events of host i in this event's causal past, this event
 * included).
 */
export interface StampedEvent {
  /** Position in the causal order the timestamper reports events in (0-based). */
  readonly id: number;
  readonly host: string;
  readonly hostId: number;
  /** 1-based position of the event on its host. */
  readonly index: number;
  /** Lamport clock (Lamport 1978, IR1/IR2): 1 + the largest clock before it. */
  readonly lamport: number;
  readonly vector: Int32Array;
  /** Number of hosts known when the event was reported (entries of `vector` that are valid). */
  readonly hostCount: number;
  /** Number of events that happened before this one (sum of the vector − 1). */
  readonly pastSize: number;
  readonly type: EventType;
  readonly sends: readonly string[];
  readonly receives: readonly string[];
  /** Ids of the send events of `receives`, in the same order. */
  readonly senderIds: readonly number[];
  readonly label: string | undefined;
  readonly line: number | undefined;
  readonly fields: Readonly<Record<string, string>> | undefined;
}

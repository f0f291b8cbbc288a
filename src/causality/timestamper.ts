import { InputError } from '../core/errors.ts';
import type { EventInput, EventType, StampedEvent } from './event.ts';
import { causalityMessages as m } from './messages.ts';

const NONE: readonly string[] = [];

/** A receive that waits on its own future: the trace has a causal cycle. */
export class CausalCycleError extends InputError {
  constructor(message: string, readonly line: number | undefined) { super(message); }
}
const NO_IDS: readonly number[] = [];

interface HostState {
  readonly name: string;
  readonly id: number;
  vector: Int32Array;
  /** Sum of the vector's entries, kept up to date so an event's past size costs O(1). */
  vectorSum: number;
  count: number;
  lamport: number;
  /** Events waiting, in host order, because the first one receives a message not yet sent. */
  queue: EventInput[] | null;
  /** Index of the first event of `queue` not yet stamped. */
  queueHead: number;
}

interface InFlight {
  /** Copy of the sender's vector; entries past `length` are stale. */
  readonly vector: Int32Array;
  readonly length: number;
  readonly lamport: number;
  readonly sendId: number;
  readonly hostId: number;
  readonly line: number | undefined;
}

/**
 * Streams events, in any interleaving of hosts, and reports each with its Lamport and vector
 * clocks (Fidge 1988, Mattern 1989) in a causal order: every event after the events that happened
 * before it. A receive whose send has not appeared yet holds its host back until the send comes,
 * so memory is bounded by the messages in flight and the events held back, not by the trace.
 *
 * Rules (bad input throws `InputError` naming the file and line): each message id is sent once
 * while in flight (an id may be reused after it is received) and received at most once, by another
 * host; every receive needs its send; no cycles. `finish()` reports receives still waiting.
 */
export class Timestamper {
  private readonly hostStates: HostState[] = [];
  private readonly hostIds = new Map<string, number>();
  private readonly inFlight = new Map<string, InFlight>();
  /** msg → host waiting for it. */
  private readonly waiting = new Map<string, number>();
  private capacity = 8;
  /** Spare vectors of length `capacity` for messages in flight. */
  private pool: Int32Array[] = [];
  private nextId = 0;
  /** Hosts whose awaited message was just sent; run by `drain` (never re-entrantly). */
  private readonly toRelease: number[] = [];
  private messageCount = 0;

  constructor(
    private readonly onEvent: (event: StampedEvent) => void,
    private readonly file?: string,
  ) {}

  /** Host names in id order (the order of their first event). */
  get hosts(): string[] { return this.hostStates.map((h) => h.name); }

  /** Events reported so far. */
  get eventCount(): number { return this.nextId; }

  /** Messages received so far (send → receive pairs). */
  get messages(): number { return this.messageCount; }

  /** The id of a host, registering it if new. */
  hostId(name: string): number {
    let id = this.hostIds.get(name);
    if (id === undefined) {
      id = this.hostStates.length;
      if (id >= this.capacity) this.grow();
      this.hostIds.set(name, id);
      this.hostStates.push({ name, id, vector: new Int32Array(this.capacity), vectorSum: 0, count: 0, lamport: 0, queue: null, queueHead: 0 });
    }
    return id;
  }

  private grow(): void {
    this.capacity *= 2;
    this.pool = [];
    for (const h of this.hostStates) {
      const v = new Int32Array(this.capacity);
      v.set(h.vector);
      h.vector = v;
    }
  }

  /** Adds one event; it is reported now, or once the messages it receives have been sent. */
  push(event: EventInput): void {
    if (typeof event.host !== 'string' || event.host === '') throw new InputError(m.emptyHost(this.file, event.line));
    const host = this.hostStates[this.hostId(event.host)];
    if (host.queue !== null) { host.queue.push(event); return; }
    if (!this.ready(host, event)) { host.queue = [event]; host.queueHead = 0; return; }
    this.stamp(host, event);
    if (this.toRelease.length > 0) this.drain();
  }

  private drain(): void {
    while (this.toRelease.length > 0) this.release(this.toRelease.pop()!);
  }

  /** True when every message the event receives is in flight; else records that the host waits. */
  private ready(host: HostState, event: EventInput): boolean {
    const receives = event.receives;
    if (receives === undefined) return true;
    for (let i = 0; i < receives.length; i++) {
      const msg = receives[i];
      if (!this.inFlight.has(msg)) {
        const other = this.waiting.get(msg);
        if (other !== undefined && other !== host.id) throw new InputError(m.duplicateReceive(this.file, event.line, msg));
        this.waiting.set(msg, host.id);
        return false;
      }
    }
    return true;
  }

  private stamp(host: HostState, event: EventInput): void {
    const v = host.vector;
    let lamport = host.lamport;
    let sum = host.vectorSum;
    const receives = event.receives ?? NONE;
    let senderIds = NO_IDS;
    if (receives.length > 0) {
      const ids: number[] = [];
      for (let r = 0; r < receives.length; r++) {
        const msg = receives[r];
        const sent = this.inFlight.get(msg)!;
        if (sent.hostId === host.id) throw new InputError(m.selfReceive(this.file, event.line, msg));
        this.inFlight.delete(msg);
        if (this.waiting.size > 0) this.waiting.delete(msg);
        this.messageCount++;
        ids.push(sent.sendId);
        if (sent.lamport > lamport) lamport = sent.lamport;
        const sv = sent.vector;
        const len = sent.length;
        for (let i = 0; i < len; i++) {
          const x = sv[i];
          if (x > v[i]) { sum += x - v[i]; v[i] = x; }
        }
        // The copy goes back to the pool (vectors are reused: fewer allocations, less GC).
        if (sv.length === this.capacity) this.pool.push(sv);
      }
      senderIds = ids;
    }
    host.count++;
    v[host.id] = host.count;
    sum += 1;
    host.vectorSum = sum;
    lamport += 1;
    host.lamport = lamport;
    const id = this.nextId++;
    const sends = event.sends ?? NONE;
    const hostCount = this.hostStates.length;
    for (let s = 0; s < sends.length; s++) {
      const msg = sends[s];
      const previous = this.inFlight.get(msg);
      if (previous !== undefined) throw new InputError(m.duplicateSend(this.file, event.line, msg, previous.line));
      const copy = this.pool.length > 0 ? this.pool.pop()! : new Int32Array(this.capacity);
      copy.set(v.subarray(0, hostCount));
      this.inFlight.set(msg, { vector: copy, length: hostCount, lamport, sendId: id, hostId: host.id, line: event.line });
    }
    const type: EventType = receives.length > 0 ? 'recv' : sends.length > 0 ? 'send' : 'local';
    this.onEvent({
      id, host: host.name, hostId: host.id, index: host.count, lamport, vector: v, hostCount,
      pastSize: sum - 1, type, sends, receives, senderIds, label: event.label, line: event.line,
      fields: event.fields,
    });
    for (let s = 0; s < sends.length; s++) {
      const waiter = this.waiting.get(sends[s]);
      if (waiter !== undefined) this.toRelease.push(waiter);
    }
  }

  /** Runs a waiting host's queue until it empties or waits again. */
  private release(hostId: number): void {
    const host = this.hostStates[hostId];
    const queue = host.queue;
    if (queue === null) return;
    while (host.queueHead < queue.length) {
      const event = queue[host.queueHead];
      if (!this.ready(host, event)) return;
      host.queueHead++;
      this.stamp(host, event);
    }
    host.queue = null;
    host.queueHead = 0;
  }

  /**
   * Ends the trace: throws when a receive still waits, naming the earliest such line, as a
   * cycle when its send is itself held back and as a missing send otherwise.
   */
  finish(): void {
    let first: { event: EventInput; msg: string } | null = null;
    const heldSends = new Set<string>();
    for (const host of this.hostStates) {
      if (host.queue === null) continue;
      const held = host.queue.slice(host.queueHead);
      for (const e of held) for (const s of e.sends ?? NONE) heldSends.add(s);
      const head = held[0];
      const msg = (head.receives ?? NONE).find((r) => !this.inFlight.has(r))!;
      if (first === null || (head.line ?? Infinity) < (first.event.line ?? Infinity)) first = { event: head, msg };
    }
    if (first === null) return;
    const { event, msg } = first;
    if (heldSends.has(msg)) throw new CausalCycleError(m.cycle(this.file, event.line, msg), event.line);
    throw new InputError(m.receiveWithoutSend(this.file, event.line, msg));
  }
}

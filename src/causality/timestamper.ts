import { InputError } from '../core/errors.ts';
import type { EventInput, EventType, StampedEvent } from './event.ts';
import { causalityMessages as m } from './messages.ts';

const NONE: readonly string[] = [];

/** A receive that waits on its own future: the trace has a causal cycle. */
export class CausalCycleError extends InputError {
  constructor(message: string, readonly line: number | undefined) { super(message); }
}

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

/** The stamped event handed to the callback: one object, refilled for every event (lent). */
class LentEvent {
  id = 0; host = ''; hostId = 0; index = 0; lamport = 0; vector: Int32Array = new Int32Array(0); hostCount = 0;
  pastSize = 0; type: EventType = 'local'; sends: readonly string[] = NONE; receives: readonly string[] = NONE;
  senderIds: number[] = []; label: string | undefined = undefined; line: number | undefined = undefined;
  fields: Readonly<Record<string, string>> | undefined = undefined;
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
  /**
   * Messages in flight: msg → slot. A slot holds a copy of the sender's vector (row `slot` of
   * `slotVectors`, `capacity` entries wide) and the send's Lamport clock, id, host and line, in
   * typed arrays reused through a free list: no object per message, little garbage.
   */
  private readonly inFlight = new Map<string, number>();
  private slotVectors = new Int32Array(8 * 64);
  private slotLength = new Int32Array(64);
  private slotLamport = new Float64Array(64);
  private slotSendId = new Float64Array(64);
  private slotHost = new Int32Array(64);
  private slotLine = new Float64Array(64);
  private readonly freeSlots: number[] = [];
  private slotsUsed = 0;
  private readonly lent = new LentEvent();
  /** msg → host waiting for it. */
  private readonly waiting = new Map<string, number>();
  private capacity = 8;
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

  /**
   * Whether the last events of all hosts are pairwise concurrent: no host's last vector counts
   * another host's last event. Then the width is the number of hosts (each host is a chain, so no
   * antichain is larger: Dilworth), found in O(H²) without the causal graph.
   */
  lastEventsConcurrent(): boolean {
    const hosts = this.hostStates;
    for (const g of hosts) for (const h of hosts) if (g !== h && g.vector[h.id] >= h.count) return false;
    return true;
  }

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
    const old = this.capacity;
    this.capacity *= 2;
    for (const h of this.hostStates) {
      const v = new Int32Array(this.capacity);
      v.set(h.vector);
      h.vector = v;
    }
    const slots = this.slotLength.length;
    const vectors = new Int32Array(slots * this.capacity);
    for (let k = 0; k < slots; k++) vectors.set(this.slotVectors.subarray(k * old, k * old + old), k * this.capacity);
    this.slotVectors = vectors;
  }

  /** A free in-flight slot, growing the slab when all are taken. */
  private takeSlot(): number {
    if (this.freeSlots.length > 0) return this.freeSlots.pop()!;
    if (this.slotsUsed === this.slotLength.length) {
      const n = this.slotsUsed * 2;
      const grown = <T extends Int32Array | Float64Array>(a: T, size: number): T => { const b = new (a.constructor as new (n: number) => T)(size); b.set(a); return b; };
      this.slotVectors = grown(this.slotVectors, n * this.capacity);
      this.slotLength = grown(this.slotLength, n);
      this.slotLamport = grown(this.slotLamport, n);
      this.slotSendId = grown(this.slotSendId, n);
      this.slotHost = grown(this.slotHost, n);
      this.slotLine = grown(this.slotLine, n);
    }
    return this.slotsUsed++;
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
    const senderIds = this.lent.senderIds;
    senderIds.length = 0;
    if (receives.length > 0) {
      const sv = this.slotVectors;
      const width = this.capacity;
      for (let r = 0; r < receives.length; r++) {
        const msg = receives[r];
        const slot = this.inFlight.get(msg)!;
        if (this.slotHost[slot] === host.id) throw new InputError(m.selfReceive(this.file, event.line, msg));
        this.inFlight.delete(msg);
        if (this.waiting.size > 0) this.waiting.delete(msg);
        this.messageCount++;
        senderIds.push(this.slotSendId[slot]);
        if (this.slotLamport[slot] > lamport) lamport = this.slotLamport[slot];
        const base = slot * width;
        const len = this.slotLength[slot];
        for (let i = 0; i < len; i++) {
          const x = sv[base + i];
          if (x > v[i]) { sum += x - v[i]; v[i] = x; }
        }
        this.freeSlots.push(slot);
      }
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
      if (previous !== undefined) {
        const line = this.slotLine[previous];
        throw new InputError(m.duplicateSend(this.file, event.line, msg, line < 0 ? undefined : line));
      }
      const slot = this.takeSlot();
      const sv = this.slotVectors;
      const base = slot * this.capacity;
      for (let i = 0; i < hostCount; i++) sv[base + i] = v[i];
      this.slotLength[slot] = hostCount;
      this.slotLamport[slot] = lamport;
      this.slotSendId[slot] = id;
      this.slotHost[slot] = host.id;
      this.slotLine[slot] = event.line ?? -1;
      this.inFlight.set(msg, slot);
    }
    const e = this.lent;
    e.id = id; e.host = host.name; e.hostId = host.id; e.index = host.count; e.lamport = lamport;
    e.vector = v; e.hostCount = hostCount; e.pastSize = sum - 1;
    e.type = receives.length > 0 ? 'recv' : sends.length > 0 ? 'send' : 'local';
    e.sends = sends; e.receives = receives; e.label = event.label; e.line = event.line; e.fields = event.fields;
    this.onEvent(e);
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

import { Timebase, TimeRangeError, type Resolution } from '../time/timebase.ts';
import { CalendarQueue, RECORD_FIELDS, RECORD_STRIDE } from './calendar-queue.ts';

// An event's fields live in its calendar-queue record (one cache line per event).
const ENTITY = RECORD_FIELDS.a;
const KIND = RECORD_FIELDS.b;
const DATA = RECORD_FIELDS.c;
const GENERATION = RECORD_FIELDS.d;
/** Bit 1: cancelled; bit 2: has a payload; bit 4: the slot is free (no event). */
const FLAGS = RECORD_FIELDS.e;
const CANCELLED = 1;
const HAS_PAYLOAD = 2;
const FREE = 4;

/**
 * The discrete-event engine.
 *
 * Events are timestamped in integer ticks of the simulation's `Timebase` and delivered to named
 * **entities** (a NIC, a clock, a logical process...). Each event carries an integer `kind` and a
 * number `data` (for speed), plus an optional object `payload`.
 *
 * Order: events run in increasing time; events with equal time run in the order they were
 * scheduled (FIFO, by a global sequence number). The sequence number makes the order total and
 * independent of how the queue stores events, so a run is reproducible exactly.
 *
 * Cancellation is lazy: `cancel(id)` marks the event, which is discarded when it reaches the front.
 *
 * Observers see every event just before its handler runs; with none attached, the run loop
 * skips them on a flag read once per `run`, so tracing costs nothing when unused.
 *
 * Implementation: pending events live in a ladder-style calendar queue (`calendar-queue.ts`:
 * Brown 1988's day buckets, left unsorted until their day comes as in Tang, Goh & Thng's ladder
 * queue, 2005), which takes O(1) work per event where a heap takes O(log n). Each event's fields sit in its
 * slot's queue record, and slots are reused last-in first-out, so the hot loop allocates nothing
 * and an event costs about one cache line.
 */

/** Handles the events addressed to an entity. `sim.now` is the event's time. */
export type EventHandler = (sim: Simulation, entity: number, kind: number, data: number, payload: unknown) => void;

/** Sees each event before it runs: for trace recorders. */
export interface Observer {
  onEvent(timeTicks: number, entity: number, kind: number, data: number, payload: unknown): void;
  /** Called once when `run` returns. */
  onRunEnd?(sim: Simulation): void;
}

export interface SimulationOptions {
  /** Tick length; default 'ns'. */
  resolution?: Resolution;
  /** Initial capacity of the event store (it grows as needed, up to 2^24 pending events). */
  capacity?: number;
}

export interface RunOptions {
  /** Stop before the first event later than this time (ticks). */
  untilTicks?: number;
  /** Stop after this many events have run. */
  maxEvents?: number;
}

/** An event id packs the storage slot and its generation, so a stale id cannot cancel a new event. */
const SLOT_BITS = 2 ** 24;

export class Simulation {
  readonly timebase: Timebase;
  /** Current simulated time in ticks. */
  now = 0;
  /** Events run so far. */
  eventsRun = 0;

  private readonly entityNames: string[] = [];
  private readonly entityIndex = new Map<string, number>();
  private handlers: EventHandler[] = [];
  private readonly observers: Observer[] = [];
  private running = false;

  // Pending events: one slot each; the fields live in the queue's record for the slot.
  /** Payloads by slot, set only for events scheduled with one. */
  private slotPayload: unknown[] = [];
  private freeSlots: Int32Array;
  private freeCount: number;

  private readonly queue: CalendarQueue;
  private nextSeq = 0;

  constructor(options: SimulationOptions = {}) {
    this.timebase = new Timebase(options.resolution ?? 'ns');
    const requested = options.capacity ?? 1024;
    if (!Number.isInteger(requested) || requested < 0 || requested > SLOT_BITS) {
      throw new RangeError(`capacity must be an integer from 0 to ${SLOT_BITS} (pending events), got ${requested}`);
    }
    const capacity = Math.max(16, requested);
    this.freeSlots = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.freeSlots[i] = capacity - 1 - i;
    this.freeCount = capacity;
    this.queue = new CalendarQueue(capacity);
    this.markFree(0, capacity);
  }

  /** Flags slots [from, to) as free, so `cancel` refuses ids that were never issued. */
  private markFree(from: number, to: number): void {
    const records = this.queue.records;
    for (let slot = from; slot < to; slot++) records[RECORD_STRIDE * slot + FLAGS] = FREE;
  }

  /** Registers a named entity with its handler and returns its id (0, 1, 2, ... in order). */
  entity(name: string, handler: EventHandler): number {
    if (this.entityIndex.has(name)) throw new Error(`entity '${name}' already exists`);
    const id = this.entityNames.length;
    this.entityNames.push(name);
    this.entityIndex.set(name, id);
    this.handlers.push(handler);
    return id;
  }

  /** The id of a named entity. */
  entityId(name: string): number {
    const id = this.entityIndex.get(name);
    if (id === undefined) throw new Error(`no entity named '${name}'`);
    return id;
  }

  /** The name of an entity id. */
  entityName(id: number): string {
    const name = this.entityNames[id];
    if (name === undefined) throw new Error(`no entity with id ${id}`);
    return name;
  }

  /** Number of registered entities. */
  get entityCount(): number {
    return this.entityNames.length;
  }

  /** Number of events waiting, including cancelled ones not yet discarded. */
  get pending(): number {
    return this.queue.size;
  }

  /** Attaches a trace recorder. Not allowed during `run`. */
  observe(observer: Observer): void {
    if (this.running) throw new Error('observers must be attached before run()');
    this.observers.push(observer);
  }

  /**
   * Schedules an event `delayTicks` (a non-negative integer) after now, for `entity`.
   * Returns an id for `cancel`.
   */
  schedule(delayTicks: number, entity: number, kind = 0, data = 0, payload?: unknown): number {
    const time = this.now + delayTicks;
    // One combined check: delay is a non-negative integer and the sum stays exact.
    if (!(delayTicks >= 0) || time > Number.MAX_SAFE_INTEGER || Math.floor(delayTicks) !== delayTicks) {
      this.rejectTime(delayTicks, time);
    }
    if (!(entity >= 0 && entity < this.handlers.length) || (entity | 0) !== entity) this.rejectEntity(entity);
    return this.insert(time, entity, kind, data, payload);
  }

  /** Schedules an event at absolute time `timeTicks` (≥ now). */
  scheduleAt(timeTicks: number, entity: number, kind = 0, data = 0, payload?: unknown): number {
    if (!(timeTicks >= this.now) || timeTicks > Number.MAX_SAFE_INTEGER || Math.floor(timeTicks) !== timeTicks) {
      if (timeTicks < this.now) throw new TimeRangeError(`cannot schedule at ${timeTicks} ticks: it is before now (${this.now})`);
      this.rejectTime(timeTicks - this.now, timeTicks);
    }
    if (!(entity >= 0 && entity < this.handlers.length) || (entity | 0) !== entity) this.rejectEntity(entity);
    return this.insert(timeTicks, entity, kind, data, payload);
  }

  private rejectEntity(entity: number): never {
    throw new RangeError(`no entity with id ${entity} (registered: 0..${this.handlers.length - 1})`);
  }

  private rejectTime(delayTicks: number, time: number): never {
    if (!(delayTicks >= 0)) throw new TimeRangeError(`delay must be a non-negative integer number of ticks, got ${delayTicks}`);
    if (Math.floor(delayTicks) !== delayTicks) {
      throw new TimeRangeError(`delay must be a whole number of ${this.timebase.resolution} ticks, got ${delayTicks}; round explicitly with timebase.fromSeconds`);
    }
    throw new TimeRangeError(`event at ${time} ticks is past the horizon: ${this.timebase.describeHorizon()} at ${this.timebase.resolution} resolution`);
  }

  /** Cancels a pending event. Returns false if it already ran or was cancelled. */
  cancel(eventId: number): boolean {
    if (!Number.isSafeInteger(eventId) || eventId < 0) return false;
    const slot = eventId % SLOT_BITS;
    const generation = Math.floor(eventId / SLOT_BITS);
    const records = this.queue.records;
    const r = RECORD_STRIDE * slot;
    if (slot >= this.queue.capacity || records[r + GENERATION] !== generation || (records[r + FLAGS] & (CANCELLED | FREE))) return false;
    // A freed slot has had its generation bumped, so a stale id fails the check above; a slot
    // never used is flagged FREE, so an id never issued does too.
    records[r + FLAGS] |= CANCELLED;
    return true;
  }

  /**
   * Runs events in order until none remain, or `untilTicks` / `maxEvents` is reached. Returns the
   * number of events run by this call. `now` is left at the last event's time, or at `untilTicks`
   * when no event due by then is left (a run stopped by `maxEvents` does not skip time).
   */
  run(options: RunOptions = {}): number {
    if (this.running) throw new Error('run() is not re-entrant');
    const until = options.untilTicks ?? Number.MAX_SAFE_INTEGER;
    const maxEvents = options.maxEvents ?? Number.MAX_SAFE_INTEGER;
    if (options.untilTicks !== undefined) this.timebase.check(until);
    this.running = true;
    const before = this.eventsRun;
    try {
      this.loop(until, maxEvents);
    } finally {
      this.running = false;
    }
    // Advance to the bound only if nothing due by then is left (maxEvents may have stopped the
    // run first): time must never go back when the next run picks up those events.
    if (options.untilTicks !== undefined && this.now < until && !this.hasLiveEventBy(until)) this.now = until;
    for (const observer of this.observers) observer.onRunEnd?.(this);
    return this.eventsRun - before;
  }

  private loop(until: number, maxEvents: number): void {
    const handlers = this.handlers;
    const observers = this.observers;
    // Read once per run: with no observer the per-event test is a never-taken, perfectly
    // predicted branch, so tracing costs nothing when unused.
    const observed = observers.length > 0;
    const queue = this.queue;
    let budget = maxEvents;
    while (budget > 0) {
      const slot = queue.popUntil(until);
      if (slot === -1) break;
      const records = queue.records;
      const r = RECORD_STRIDE * slot;
      const flags = records[r + FLAGS];
      if (flags & CANCELLED) {
        this.releaseSlot(slot);
        continue;
      }
      const time = queue.timeOf(slot);
      this.now = time;
      budget--;
      this.eventsRun++;
      const entity = records[r + ENTITY];
      const kind = records[r + KIND];
      const data = records[r + DATA];
      const payload = flags & HAS_PAYLOAD ? this.takePayload(slot) : undefined;
      // Release before the handler runs: the event is consumed even if the handler throws.
      this.releaseSlot(slot);
      if (observed) {
        for (let i = 0; i < observers.length; i++) observers[i].onEvent(time, entity, kind, data, payload);
      }
      handlers[entity](this, entity, kind, data, payload);
    }
  }

  /** True if an event that is not cancelled is due at or before `timeTicks`; discards cancelled ones in front. */
  private hasLiveEventBy(timeTicks: number): boolean {
    const queue = this.queue;
    for (;;) {
      const slot = queue.peek();
      if (slot === -1 || queue.timeOf(slot) > timeTicks) return false;
      if (!(queue.records[RECORD_STRIDE * slot + FLAGS] & CANCELLED)) return true;
      queue.popUntil(timeTicks);
      this.releaseSlot(slot);
    }
  }

  private insert(time: number, entity: number, kind: number, data: number, payload: unknown): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.freeSlots[--this.freeCount];
    const records = this.queue.records;
    const r = RECORD_STRIDE * slot;
    records[r + ENTITY] = entity;
    records[r + KIND] = kind;
    records[r + DATA] = data;
    if (payload === undefined) {
      records[r + FLAGS] = 0;
    } else {
      records[r + FLAGS] = HAS_PAYLOAD;
      this.slotPayload[slot] = payload;
    }
    this.queue.push(slot, time, this.nextSeq++);
    return records[r + GENERATION] * SLOT_BITS + slot;
  }

  private releaseSlot(slot: number): void {
    const r = RECORD_STRIDE * slot;
    const records = this.queue.records;
    // Generations wrap below 2^29 so ids stay below 2^53 (no `%`: it is a slow fmod in V8).
    const generation = records[r + GENERATION] + 1;
    records[r + GENERATION] = generation === 536870912 ? 0 : generation;
    if (records[r + FLAGS] & HAS_PAYLOAD) this.slotPayload[slot] = undefined; // a cancelled one
    records[r + FLAGS] = FREE;
    this.freeSlots[this.freeCount++] = slot;
  }

  private grow(): void {
    const old = this.queue.capacity;
    if (old >= SLOT_BITS) throw new RangeError(`more than ${SLOT_BITS} pending events`);
    const capacity = Math.min(old * 2, SLOT_BITS);
    this.queue.ensureCapacity(capacity);
    this.markFree(old, capacity);
    const free = new Int32Array(capacity);
    free.set(this.freeSlots);
    this.freeSlots = free;
    for (let i = old; i < capacity; i++) this.freeSlots[this.freeCount++] = capacity - 1 - (i - old);
  }

  private takePayload(slot: number): unknown {
    const payload = this.slotPayload[slot];
    this.slotPayload[slot] = undefined;
    return payload;
  }
}

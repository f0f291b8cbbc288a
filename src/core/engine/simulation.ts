import { Timebase, TimeRangeError, type Resolution } from '../time/timebase.ts';
import { CalendarQueue } from './calendar-queue.ts';

/**
 * The discrete-event engine.
 *
 * Events are timestamped in integer ticks of the simulation's `Timebase` and delivered to named
 * **entities** (a NIC, a clock, a logical process...). Each event carries an integer `kind` and a
 * number `data` (for speed), plus an optional object `payload`.
 *
 * Order: events run in increasing time; events with equal time run in the order they were
 * scheduled (FIFO, by a global sequence number). The sequence number makes the order total and
 * independent of heap layout, so a run is reproducible exactly.
 *
 * Cancellation is lazy: `cancel(id)` marks the event, which is discarded when it reaches the front.
 *
 * Observers see every event just before its handler runs. The run loop is chosen once per `run`
 * call: with no observer attached, the loop has no observer code at all, so tracing costs nothing
 * when unused.
 *
 * Implementation: pending events live in a calendar queue (`calendar-queue.ts`, Brown 1988),
 * which takes O(1) work per event where a heap takes O(log n); event fields are kept in typed
 * arrays indexed by a reusable slot number, so the hot loop allocates nothing.
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
  /** Initial capacity of the event store (it grows as needed). */
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

  // Event store, one slot per pending event (struct of arrays).
  private slotEntity: Int32Array;
  private slotKind: Int32Array;
  private slotData: Float64Array;
  private slotGeneration: Uint32Array;
  private slotCancelled: Uint8Array;
  private slotPayload: unknown[] = [];
  private freeSlots: Int32Array;
  private freeCount: number;

  private readonly queue: CalendarQueue;
  private nextSeq = 0;

  constructor(options: SimulationOptions = {}) {
    this.timebase = new Timebase(options.resolution ?? 'ns');
    const capacity = Math.max(16, options.capacity ?? 1024);
    this.slotEntity = new Int32Array(capacity);
    this.slotKind = new Int32Array(capacity);
    this.slotData = new Float64Array(capacity);
    this.slotGeneration = new Uint32Array(capacity);
    this.slotCancelled = new Uint8Array(capacity);
    this.freeSlots = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.freeSlots[i] = capacity - 1 - i;
    this.freeCount = capacity;
    this.queue = new CalendarQueue(capacity);
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
    return this.insert(time, entity, kind, data, payload);
  }

  /** Schedules an event at absolute time `timeTicks` (≥ now). */
  scheduleAt(timeTicks: number, entity: number, kind = 0, data = 0, payload?: unknown): number {
    if (!(timeTicks >= this.now) || timeTicks > Number.MAX_SAFE_INTEGER || Math.floor(timeTicks) !== timeTicks) {
      if (timeTicks < this.now) throw new TimeRangeError(`cannot schedule at ${timeTicks} ticks: it is before now (${this.now})`);
      this.rejectTime(timeTicks - this.now, timeTicks);
    }
    return this.insert(timeTicks, entity, kind, data, payload);
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
    const slot = eventId % SLOT_BITS;
    const generation = Math.floor(eventId / SLOT_BITS);
    if (slot >= this.slotGeneration.length || this.slotGeneration[slot] !== generation || this.slotCancelled[slot]) return false;
    // A freed slot has had its generation bumped, so a stale id fails the check above.
    this.slotCancelled[slot] = 1;
    return true;
  }

  /**
   * Runs events in order until none remain, or `untilTicks` / `maxEvents` is reached. Returns the
   * number of events run by this call. `now` is left at the last event's time (or `untilTicks`).
   */
  run(options: RunOptions = {}): number {
    if (this.running) throw new Error('run() is not re-entrant');
    const until = options.untilTicks ?? Number.MAX_SAFE_INTEGER;
    const maxEvents = options.maxEvents ?? Number.MAX_SAFE_INTEGER;
    if (options.untilTicks !== undefined) this.timebase.check(until);
    this.running = true;
    const before = this.eventsRun;
    try {
      if (this.observers.length === 0) this.loopPlain(until, maxEvents);
      else this.loopObserved(until, maxEvents);
    } finally {
      this.running = false;
    }
    if (options.untilTicks !== undefined && this.now < until) this.now = until;
    for (const observer of this.observers) observer.onRunEnd?.(this);
    return this.eventsRun - before;
  }

  // The two loops are the same but for the observer call: duplicated on purpose so the common,
  // unobserved case carries no per-event check at all.
  private loopPlain(until: number, maxEvents: number): void {
    const handlers = this.handlers;
    const queue = this.queue;
    let budget = maxEvents;
    while (budget > 0) {
      const slot = queue.popUntil(until);
      if (slot === -1) break;
      const time = queue.timeOf(slot);
      if (this.slotCancelled[slot]) {
        this.releaseSlot(slot);
        continue;
      }
      this.now = time;
      budget--;
      this.eventsRun++;
      const entity = this.slotEntity[slot];
      const kind = this.slotKind[slot];
      const data = this.slotData[slot];
      const payload = this.slotPayload[slot];
      // Release before the handler runs: the event is consumed even if the handler throws.
      this.releaseSlot(slot);
      handlers[entity](this, entity, kind, data, payload);
    }
  }

  private loopObserved(until: number, maxEvents: number): void {
    const handlers = this.handlers;
    const observers = this.observers;
    const queue = this.queue;
    let budget = maxEvents;
    while (budget > 0) {
      const slot = queue.popUntil(until);
      if (slot === -1) break;
      const time = queue.timeOf(slot);
      if (this.slotCancelled[slot]) {
        this.releaseSlot(slot);
        continue;
      }
      this.now = time;
      budget--;
      this.eventsRun++;
      const entity = this.slotEntity[slot];
      const kind = this.slotKind[slot];
      const data = this.slotData[slot];
      const payload = this.slotPayload[slot];
      this.releaseSlot(slot);
      for (let i = 0; i < observers.length; i++) observers[i].onEvent(time, entity, kind, data, payload);
      handlers[entity](this, entity, kind, data, payload);
    }
  }

  private insert(time: number, entity: number, kind: number, data: number, payload: unknown): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.freeSlots[--this.freeCount];
    this.slotEntity[slot] = entity;
    this.slotKind[slot] = kind;
    this.slotData[slot] = data;
    this.slotCancelled[slot] = 0;
    if (payload !== undefined || this.slotPayload[slot] !== undefined) this.slotPayload[slot] = payload;
    this.queue.push(slot, time, this.nextSeq++);
    return this.slotGeneration[slot] * SLOT_BITS + slot;
  }

  private releaseSlot(slot: number): void {
    this.slotGeneration[slot]++;
    this.slotCancelled[slot] = 0;
    this.freeSlots[this.freeCount++] = slot;
  }

  private grow(): void {
    const old = this.slotEntity.length;
    const capacity = old * 2;
    if (capacity > SLOT_BITS) throw new Error(`more than ${SLOT_BITS} pending events`);
    const grown = <T extends Int32Array | Float64Array | Uint32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a);
      return b;
    };
    this.slotEntity = grown(this.slotEntity);
    this.slotKind = grown(this.slotKind);
    this.slotData = grown(this.slotData);
    this.slotGeneration = grown(this.slotGeneration);
    this.slotCancelled = grown(this.slotCancelled);
    this.queue.ensureCapacity(capacity);
    this.freeSlots = grown(this.freeSlots);
    for (let i = old; i < capacity; i++) this.freeSlots[this.freeCount++] = capacity - 1 - (i - old);
  }
}

/**
 * A calendar queue: the pending-event set of the engine.
 *
 * R. Brown, "Calendar queues: a fast O(1) priority queue implementation for the simulation event
 * set problem", CACM 31(10), 1988. Time is cut into buckets ("days") of `width` ticks; a "year" is
 * `bucketCount` days and wraps. An event goes into bucket ⌊time/width⌋ mod bucketCount, in a list
 * kept sorted by (time, sequence). Dequeuing walks the days of the current year in order. With the
 * width near three times the mean gap between events, each operation touches O(1) events, where a
 * heap needs O(log n) unpredictable comparisons.
 *
 * The order is exactly (time, then sequence number): the calendar is only an index, so the result
 * never depends on the width or the number of buckets. Tests check it against a sort.
 *
 * Memory layout, for the cache (at 10^7 events/s, cache misses are the cost): each slot has one
 * 64-byte record holding the queue's fields (time, sequence, link) and five fields for the owner
 * (`RECORD_FIELDS`; the engine keeps an event's entity, kind, data... there), so reading an event
 * touches one cache line. Each bucket's record holds its head and tail slots and their times, so
 * the scan and the common insertion never follow a pointer just to compare times.
 */

/** Doubles per slot record, and the offsets of the queue's own fields. */
export const RECORD_STRIDE = 8;
const TIME = 0;
const SEQ = 1;
const NEXT = 2;
/** Offsets of the five fields a record keeps for the queue's owner. */
export const RECORD_FIELDS = { a: 3, b: 4, c: 5, d: 6, e: 7 } as const;

const HEAD = 0;
const TAIL = 1;
const HEAD_TIME = 2;
const TAIL_TIME = 3;
const BUCKET_STRIDE = 4;

export class CalendarQueue {
  /** Slot s's record is records[8s .. 8s+7]. Replaced when the capacity grows. */
  records: Float64Array;
  /** Bucket b: head slot, tail slot (-1 when empty), head time, tail time. */
  private buckets: Float64Array;
  private bucketCount: number;
  /** Bucket width in ticks: a power of two, so ⌊time/width⌋ is an exact multiplication. */
  private width: number;
  private inverseWidth: number;
  /** Virtual day (⌊time/width⌋, not wrapped) at which the dequeue scan stands. */
  private day = 0;
  private count = 0;
  /** Slot found by `peek` and still at the front, or -1; and its bucket. */
  private front = -1;
  private frontBucket = 0;

  // Self-tuning: Brown resizes when the count crosses 2× or ½× the bucket count; we also
  // recalibrate the width when scans or insert walks grow long (e.g. the delay distribution changed).
  private scanSteps = 0;
  private walkSteps = 0;
  private operations = 0;

  constructor(capacity: number) {
    this.records = new Float64Array(RECORD_STRIDE * capacity);
    this.bucketCount = 16;
    this.width = 1;
    this.inverseWidth = 1;
    this.buckets = CalendarQueue.emptyBuckets(this.bucketCount);
  }

  private static emptyBuckets(n: number): Float64Array {
    const buckets = new Float64Array(BUCKET_STRIDE * n);
    for (let b = 0; b < n; b++) {
      buckets[BUCKET_STRIDE * b + HEAD] = -1;
      buckets[BUCKET_STRIDE * b + TAIL] = -1;
    }
    return buckets;
  }

  get size(): number {
    return this.count;
  }

  /** Slots the records can hold. */
  get capacity(): number {
    return this.records.length / RECORD_STRIDE;
  }

  /** Grows the records to at least `capacity` slots (replacing `records`). */
  ensureCapacity(capacity: number): void {
    if (RECORD_STRIDE * capacity <= this.records.length) return;
    const grown = new Float64Array(RECORD_STRIDE * capacity);
    grown.set(this.records);
    this.records = grown;
  }

  timeOf(slot: number): number {
    return this.records[RECORD_STRIDE * slot + TIME];
  }

  /** Adds event `slot` at `time` (integer ticks ≥ the last dequeued time) with sequence `seq`. */
  push(slot: number, time: number, seq: number): void {
    const r = RECORD_STRIDE * slot;
    this.records[r + TIME] = time;
    this.records[r + SEQ] = seq;
    this.link(slot, time, seq);
    this.count++;
    if (this.front !== -1 && time < this.records[RECORD_STRIDE * this.front + TIME]) this.front = -1;
    if (this.count > 2 * this.bucketCount) this.rebuild(this.bucketCount * 2);
  }

  /** ⌊time / width⌋, exact because width is a power of two. */
  private dayOf(time: number): number {
    return Math.floor(time * this.inverseWidth);
  }

  /** Bucket of a virtual day: a mask while the day fits in 31 bits, `%` (slow in V8) beyond. */
  private bucketOf(day: number): number {
    return day < 2147483648 ? day & (this.bucketCount - 1) : day % this.bucketCount;
  }

  private link(slot: number, time: number, seq: number): void {
    const records = this.records;
    const buckets = this.buckets;
    const day = this.dayOf(time);
    if (day < this.day) this.day = day; // an event before the scan position (only at start-up)
    const b = BUCKET_STRIDE * this.bucketOf(day);
    const tail = buckets[b + TAIL];
    const r = RECORD_STRIDE * slot;
    if (tail === -1) {
      buckets[b + HEAD] = slot;
      buckets[b + TAIL] = slot;
      buckets[b + HEAD_TIME] = time;
      buckets[b + TAIL_TIME] = time;
      records[r + NEXT] = -1;
      return;
    }
    // Common fast path: the new event goes last (always true for equal times: seq increases).
    const tailTime = buckets[b + TAIL_TIME];
    if (tailTime < time || (tailTime === time && records[RECORD_STRIDE * tail + SEQ] < seq)) {
      records[RECORD_STRIDE * tail + NEXT] = slot;
      records[r + NEXT] = -1;
      buckets[b + TAIL] = slot;
      buckets[b + TAIL_TIME] = time;
      return;
    }
    let previous = -1;
    let current = buckets[b + HEAD];
    let steps = 0;
    while (current !== -1) {
      const c = RECORD_STRIDE * current;
      const t = records[c + TIME];
      if (t > time || (t === time && records[c + SEQ] > seq)) break;
      previous = current;
      current = records[c + NEXT];
      steps++;
    }
    this.walkSteps += steps;
    records[r + NEXT] = current; // never -1 here: the tail comes after the new event
    if (previous === -1) {
      buckets[b + HEAD] = slot;
      buckets[b + HEAD_TIME] = time;
    } else {
      records[RECORD_STRIDE * previous + NEXT] = slot;
    }
  }

  /** The slot of the earliest event, or -1 if empty. Does not remove it. */
  peek(): number {
    if (this.front !== -1) return this.front;
    if (this.count === 0) return -1;
    const buckets = this.buckets;
    const n = this.bucketCount;
    const width = this.width;
    let day = this.day;
    for (let scanned = 0; scanned < n; scanned++, day++) {
      const b = this.bucketOf(day);
      const head = buckets[BUCKET_STRIDE * b + HEAD];
      if (head !== -1 && buckets[BUCKET_STRIDE * b + HEAD_TIME] < (day + 1) * width) {
        this.scanSteps += scanned;
        this.day = day;
        this.front = head;
        this.frontBucket = b;
        return head;
      }
    }
    // A whole year without an event in it: jump straight to the earliest (Brown's direct search).
    this.scanSteps += n;
    let best = -1;
    for (let b = 0; b < n; b++) {
      const head = buckets[BUCKET_STRIDE * b + HEAD];
      if (head === -1) continue;
      if (best === -1 || this.before(head, best)) best = head;
    }
    this.day = this.dayOf(this.records[RECORD_STRIDE * best + TIME]);
    this.front = best;
    this.frontBucket = this.bucketOf(this.day);
    return best;
  }

  /** True if event `a` runs before event `b`. */
  private before(a: number, b: number): boolean {
    const ta = this.records[RECORD_STRIDE * a + TIME];
    const tb = this.records[RECORD_STRIDE * b + TIME];
    return ta < tb || (ta === tb && this.records[RECORD_STRIDE * a + SEQ] < this.records[RECORD_STRIDE * b + SEQ]);
  }

  /** Removes and returns the earliest event's slot (-1 if empty). */
  pop(): number {
    return this.popUntil(Infinity);
  }

  /** Removes and returns the earliest event's slot if its time is ≤ `untilTicks`; else -1. */
  popUntil(untilTicks: number): number {
    const slot = this.front !== -1 ? this.front : this.peek();
    if (slot === -1) return -1;
    const b = BUCKET_STRIDE * this.frontBucket;
    if (this.buckets[b + HEAD_TIME] > untilTicks) return -1;
    const next = this.records[RECORD_STRIDE * slot + NEXT];
    this.buckets[b + HEAD] = next;
    if (next === -1) this.buckets[b + TAIL] = -1;
    else this.buckets[b + HEAD_TIME] = this.records[RECORD_STRIDE * next + TIME];
    this.front = -1;
    this.count--;
    if (++this.operations >= this.bucketCount) this.tune();
    return slot;
  }

  /** Every `bucketCount` dequeues: shrink, or recalibrate if scans or walks got long. */
  private tune(): void {
    const ops = this.operations;
    const costly = this.scanSteps > 4 * ops || this.walkSteps > 4 * ops;
    this.operations = 0;
    this.scanSteps = 0;
    this.walkSteps = 0;
    if (this.count < this.bucketCount / 2 && this.bucketCount > 16) this.rebuild(this.bucketCount / 2);
    else if (costly) this.rebuild(this.bucketCount);
  }

  /** Re-buckets every event with `bucketCount` buckets and a width fitted to the current events. */
  private rebuild(bucketCount: number): void {
    const slots = new Int32Array(this.count);
    let k = 0;
    for (let b = 0; b < this.bucketCount; b++) {
      for (let s = this.buckets[BUCKET_STRIDE * b + HEAD]; s !== -1; s = this.records[RECORD_STRIDE * s + NEXT]) slots[k++] = s;
    }
    this.width = this.fitWidth(slots);
    this.inverseWidth = 1 / this.width;
    this.bucketCount = bucketCount;
    this.buckets = CalendarQueue.emptyBuckets(bucketCount);
    this.front = -1;
    let minTime = Infinity;
    for (let i = 0; i < k; i++) minTime = Math.min(minTime, this.records[RECORD_STRIDE * slots[i] + TIME]);
    this.day = k > 0 ? this.dayOf(minTime) : 0;
    // `link` keeps each bucket's list sorted whatever order the events come in.
    for (let i = 0; i < k; i++) {
      const r = RECORD_STRIDE * slots[i];
      this.link(slots[i], this.records[r + TIME], this.records[r + SEQ]);
    }
    this.walkSteps = 0;
  }

  /**
   * Bucket width: three times the mean gap between consecutive events near the front (Brown 1988,
   * §3), estimated from a sorted sample of at most 512 event times, rounded to a power of two
   * (at least one tick; at most 2^40 so that day numbers stay small).
   */
  private fitWidth(slots: Int32Array): number {
    const n = slots.length;
    if (n < 2) return this.width;
    const stride = Math.max(1, Math.floor(n / 512));
    const sample: number[] = [];
    for (let i = 0; i < n; i += stride) sample.push(this.records[RECORD_STRIDE * slots[i] + TIME]);
    sample.sort((a, b) => a - b);
    // Use the earlier half of the sample: the near future is where dequeues happen.
    const k = Math.max(1, Math.floor(sample.length / 2));
    const span = sample[k] - sample[0];
    const meanGap = span / (k * stride);
    const target = Math.max(1, 3 * meanGap);
    return 2 ** Math.min(40, Math.round(Math.log2(target)));
  }
}

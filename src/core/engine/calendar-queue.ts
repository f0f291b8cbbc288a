/**
 * The pending-event set of the engine: a calendar queue with a sorted "bottom".
 *
 * Time is cut into days of `width` ticks, and a year of `bucketCount` days wraps (R. Brown,
 * "Calendar queues: a fast O(1) priority queue implementation for the simulation event set
 * problem", CACM 31(10), 1988). Following the ladder queue of Tang, Goh & Thng ("Ladder queue: an
 * O(1) priority queue structure for large-scale discrete event simulation", ACM TOMACS 15(3),
 * 2005), future days are *unsorted*: an insertion just pushes the event onto its day's bucket
 * list, one write. Only when the scan reaches a day are that day's events taken out and sorted
 * into the small `bottom` array, from which events leave in order. So an insertion touches about
 * one cache line and a removal reads sequentially — at 10^7 events per second, cache misses are
 * the cost that matters.
 *
 * Invariant: `bottom` holds, sorted by (time, sequence), exactly the pending events whose day is
 * ≤ `day`; bucket lists hold the events whose day is > `day`. The order events leave in is exactly
 * (time, then sequence number); the calendar is only an index, so the result never depends on the
 * width or the number of buckets. Tests check it against a sort.
 *
 * Each slot has one 64-byte record: the queue's fields (time, sequence, link) and five fields for
 * the queue's owner (`RECORD_FIELDS`; the engine keeps an event's entity, kind, data... there).
 */

/** Doubles per slot record, and the offsets of the queue's own fields. */
export const RECORD_STRIDE = 8;
const TIME = 0;
const SEQ = 1;
const NEXT = 2;
/** Offsets of the five fields a record keeps for the queue's owner. */
export const RECORD_FIELDS = { a: 3, b: 4, c: 5, d: 6, e: 7 } as const;

/** Fewest buckets the calendar shrinks to. */
const MIN_BUCKETS = 16;
/** A day's events are insertion-sorted as they are taken, up to this many; beyond, sorted once. */
const SORT_AS_TAKEN = 32;

export class CalendarQueue {
  /** Slot s's record is records[8s .. 8s+7]. Replaced when the capacity grows. */
  records: Float64Array;
  /** Head slot of each day's unsorted list (-1: empty). */
  private heads: Int32Array;
  private bucketCount: number;
  /** Day width in ticks: a power of two, so ⌊time/width⌋ is an exact multiplication. */
  private width = 1;
  private inverseWidth = 1;
  /** The current day: events of this day and earlier are in `bottom`. */
  private day = -1;
  /** Sorted slots of the current day, live between `bottomStart` and `bottomEnd`. */
  private bottom = new Int32Array(64);
  private bottomStart = 0;
  private bottomEnd = 0;
  private count = 0;

  // Self-tuning. Brown resizes the calendar when the count crosses 2× or ½× the bucket count;
  // we also refit the width when days scanned per removal or events sorted per day grow large.
  private scanned = 0;
  private sorted = 0;
  private removals = 0;

  constructor(capacity: number) {
    this.records = new Float64Array(RECORD_STRIDE * capacity);
    this.bucketCount = MIN_BUCKETS;
    this.heads = new Int32Array(MIN_BUCKETS).fill(-1);
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

  /** ⌊time / width⌋, exact because width is a power of two. */
  private dayOf(time: number): number {
    return Math.floor(time * this.inverseWidth);
  }

  /** Bucket of a day: a mask while the day fits in 31 bits, `%` (slow in V8) beyond. */
  private bucketOf(day: number): number {
    return day < 2147483648 ? day & (this.bucketCount - 1) : day % this.bucketCount;
  }

  /** Adds event `slot` at `time` (integer ticks) with sequence number `seq` (unique, increasing). */
  push(slot: number, time: number, seq: number): void {
    const r = RECORD_STRIDE * slot;
    this.records[r + TIME] = time;
    this.records[r + SEQ] = seq;
    this.count++;
    this.place(slot, time);
    if (this.count > 2 * this.bucketCount) this.rebuild(2 * this.bucketCount);
  }

  private place(slot: number, time: number): void {
    const day = this.dayOf(time);
    if (day <= this.day) {
      this.insertIntoBottom(slot, time);
    } else {
      const b = this.bucketOf(day);
      this.records[RECORD_STRIDE * slot + NEXT] = this.heads[b];
      this.heads[b] = slot;
    }
  }

  /** Sorted insertion into the bottom: after every event with an earlier (time, seq). */
  private insertIntoBottom(slot: number, time: number): void {
    this.ensureBottomRoom(1); // first: it may move the live range
    const records = this.records;
    const seq = records[RECORD_STRIDE * slot + SEQ];
    let low = this.bottomStart;
    let high = this.bottomEnd;
    // Fast path: later than the last one (always so for equal times: seq increases).
    if (high > low) {
      const last = RECORD_STRIDE * this.bottom[high - 1];
      const t = records[last + TIME];
      if (t > time || (t === time && records[last + SEQ] > seq)) {
        while (low < high) {
          const mid = (low + high) >>> 1;
          const m = RECORD_STRIDE * this.bottom[mid];
          const tm = records[m + TIME];
          if (tm < time || (tm === time && records[m + SEQ] < seq)) low = mid + 1;
          else high = mid;
        }
      } else {
        low = high;
      }
    }
    const bottom = this.bottom;
    bottom.copyWithin(low + 1, low, this.bottomEnd);
    bottom[low] = slot;
    this.bottomEnd++;
  }

  /** Makes room for `extra` more slots at the end of `bottom`, compacting or growing it. */
  private ensureBottomRoom(extra: number): void {
    if (this.bottomEnd + extra <= this.bottom.length) return;
    const live = this.bottomEnd - this.bottomStart;
    let target = this.bottom;
    if (live + extra > this.bottom.length / 2) target = new Int32Array(2 * (live + extra) + 64);
    target.set(this.bottom.subarray(this.bottomStart, this.bottomEnd), 0);
    this.bottom = target;
    this.bottomStart = 0;
    this.bottomEnd = live;
  }

  /** The slot of the earliest event, or -1 if empty. Does not remove it. */
  peek(): number {
    if (this.bottomStart === this.bottomEnd && !this.advance()) return -1;
    return this.bottom[this.bottomStart];
  }

  /** Removes and returns the earliest event's slot (-1 if empty). */
  pop(): number {
    return this.popUntil(Infinity);
  }

  /** Removes and returns the earliest event's slot if its time is ≤ `untilTicks`; else -1. */
  popUntil(untilTicks: number): number {
    if (this.bottomStart === this.bottomEnd && !this.advance()) return -1;
    const slot = this.bottom[this.bottomStart];
    if (this.records[RECORD_STRIDE * slot + TIME] > untilTicks) return -1;
    this.bottomStart++;
    this.count--;
    if (++this.removals >= this.bucketCount) this.tune();
    return slot;
  }

  /**
   * Moves to the next day that has events, sorting them into `bottom`. Returns false if the queue
   * is empty. After a whole year of empty days, jumps straight to the earliest event's day
   * (Brown's direct search).
   */
  private advance(): boolean {
    if (this.count === 0) return false;
    this.bottomStart = 0;
    this.bottomEnd = 0;
    const n = this.bucketCount;
    for (let step = 0; step < n; step++) {
      this.day++;
      this.scanned++;
      if (this.takeDay(this.bucketOf(this.day))) return true;
    }
    let earliest = Infinity;
    for (let b = 0; b < n; b++) {
      for (let s = this.heads[b]; s !== -1; s = this.records[RECORD_STRIDE * s + NEXT]) {
        earliest = Math.min(earliest, this.records[RECORD_STRIDE * s + TIME]);
      }
    }
    this.day = this.dayOf(earliest);
    this.takeDay(this.bucketOf(this.day));
    return true;
  }

  /** Moves the events of `this.day` from bucket `b` into `bottom`, sorted. True if any. */
  private takeDay(b: number): boolean {
    const records = this.records;
    // Every event left in the lists is of this day or later, so "of this day" is "before its end".
    const dayEnd = (this.day + 1) * this.width;
    let previous = -1;
    let s = this.heads[b];
    let taken = 0;
    while (s !== -1) {
      const r = RECORD_STRIDE * s;
      const next = records[r + NEXT];
      const time = records[r + TIME];
      if (time < dayEnd) {
        if (previous === -1) this.heads[b] = next;
        else records[RECORD_STRIDE * previous + NEXT] = next;
        taken++;
        if (taken <= SORT_AS_TAKEN) this.insertTaken(s, time, records[r + SEQ]);
        else this.appendTaken(s);
      } else {
        previous = s;
      }
      s = next;
    }
    if (taken > SORT_AS_TAKEN) this.sortBottom();
    this.sorted += taken;
    return taken > 0;
  }

  /** Insertion into the (sorted, small) bottom from its end, while a day's events are taken. */
  private insertTaken(slot: number, time: number, seq: number): void {
    this.ensureBottomRoom(1);
    const records = this.records;
    const bottom = this.bottom;
    const start = this.bottomStart;
    let j = this.bottomEnd - 1;
    for (; j >= start; j--) {
      const other = RECORD_STRIDE * bottom[j];
      const t = records[other + TIME];
      if (t < time || (t === time && records[other + SEQ] < seq)) break;
      bottom[j + 1] = bottom[j];
    }
    bottom[j + 1] = slot;
    this.bottomEnd++;
  }

  private appendTaken(slot: number): void {
    this.ensureBottomRoom(1);
    this.bottom[this.bottomEnd++] = slot;
  }

  /** Sorts a crowded day's bottom (more than SORT_AS_TAKEN events) with the library sort. */
  private sortBottom(): void {
    const records = this.records;
    this.bottom.subarray(this.bottomStart, this.bottomEnd).sort((a, b) => {
      const ta = records[RECORD_STRIDE * a + TIME];
      const tb = records[RECORD_STRIDE * b + TIME];
      return ta !== tb ? ta - tb : records[RECORD_STRIDE * a + SEQ] - records[RECORD_STRIDE * b + SEQ];
    });
  }

  /** Every `bucketCount` removals: shrink, or refit the width if days are too sparse or full. */
  private tune(): void {
    const removals = this.removals;
    const costly = this.scanned > 4 * removals || this.sorted > 0 && this.sorted / Math.max(1, this.scanned) > 16;
    this.removals = 0;
    this.scanned = 0;
    this.sorted = 0;
    if (this.count < this.bucketCount / 2 && this.bucketCount > MIN_BUCKETS) this.rebuild(this.bucketCount / 2);
    else if (costly) this.rebuild(this.bucketCount);
  }

  /** Re-files every event with `bucketCount` buckets and a width fitted to the current events. */
  private rebuild(bucketCount: number): void {
    const slots = new Int32Array(this.count);
    let k = 0;
    // Bottom first, in order, then the lists: any order is fine, `place` restores the invariant.
    for (let i = this.bottomStart; i < this.bottomEnd; i++) slots[k++] = this.bottom[i];
    for (let b = 0; b < this.bucketCount; b++) {
      for (let s = this.heads[b]; s !== -1; s = this.records[RECORD_STRIDE * s + NEXT]) slots[k++] = s;
    }
    this.width = this.fitWidth(slots);
    this.inverseWidth = 1 / this.width;
    this.bucketCount = bucketCount;
    this.heads = new Int32Array(bucketCount).fill(-1);
    let minTime = Infinity;
    for (let i = 0; i < k; i++) minTime = Math.min(minTime, this.records[RECORD_STRIDE * slots[i] + TIME]);
    this.day = k > 0 ? this.dayOf(minTime) : -1;
    this.bottomStart = 0;
    this.bottomEnd = 0;
    for (let i = 0; i < k; i++) this.place(slots[i], this.records[RECORD_STRIDE * slots[i] + TIME]);
  }

  /**
   * Day width: about three times the mean gap between consecutive events near the front (Brown
   * 1988, §3), from a sorted sample of at most 512 event times, rounded to a power of two (at
   * least one tick; at most 2^40 so that day numbers stay small).
   */
  private fitWidth(slots: Int32Array): number {
    const n = slots.length;
    if (n < 2) return this.width;
    const stride = Math.max(1, Math.floor(n / 512));
    const sample: number[] = [];
    for (let i = 0; i < n; i += stride) sample.push(this.records[RECORD_STRIDE * slots[i] + TIME]);
    sample.sort((a, b) => a - b);
    // Use the earlier half of the sample: the near future is where removals happen.
    const k = Math.max(1, Math.floor(sample.length / 2));
    const span = sample[k] - sample[0];
    const meanGap = span / (k * stride);
    const target = Math.max(1, 3 * meanGap);
    return 2 ** Math.min(40, Math.round(Math.log2(target)));
  }
}

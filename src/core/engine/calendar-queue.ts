/**
 * A calendar queue: the pending-event set of the engine.
 *
 * R. Brown, "Calendar queues: a fast O(1) priority queue implementation for the simulation event
 * set problem", CACM 31(10), 1988. Time is cut into buckets ("days") of `width` ticks; a "year" is
 * `bucketCount` days and wraps. An event goes into bucket ⌊time/width⌋ mod bucketCount, in a list
 * kept sorted by (time, sequence). Dequeuing walks the days of the current year in order. With the
 * width near three times the mean gap between events, each operation touches O(1) events, where a
 * heap needs O(log n) unpredictable comparisons: that is what makes 10^7 events per second
 * reachable in JavaScript.
 *
 * The order is exactly (time, then sequence number): the calendar is only an index, so the result
 * never depends on the width or the number of buckets. Tests check it against a sort.
 *
 * Storage is by `slot` (an integer the engine owns, < capacity); times are integer ticks (exact in
 * doubles up to 2^53), sequence numbers are unique and increasing.
 */
export class CalendarQueue {
  /** Per slot: time, sequence number and next slot in its bucket (-1 ends the list). */
  private slotTime: Float64Array;
  private slotSeq: Float64Array;
  private slotNext: Int32Array;

  private bucketHead: Int32Array;
  private bucketTail: Int32Array;
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
    this.slotTime = new Float64Array(capacity);
    this.slotSeq = new Float64Array(capacity);
    this.slotNext = new Int32Array(capacity);
    this.bucketCount = 16;
    this.width = 1;
    this.inverseWidth = 1;
    this.bucketHead = new Int32Array(this.bucketCount).fill(-1);
    this.bucketTail = new Int32Array(this.bucketCount).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** Grows per-slot storage to at least `capacity` slots. */
  ensureCapacity(capacity: number): void {
    if (capacity <= this.slotTime.length) return;
    const grow = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a);
      return b;
    };
    this.slotTime = grow(this.slotTime);
    this.slotSeq = grow(this.slotSeq);
    this.slotNext = grow(this.slotNext);
  }

  timeOf(slot: number): number {
    return this.slotTime[slot];
  }

  /** Adds event `slot` at `time` (integer ticks ≥ the last dequeued time) with sequence `seq`. */
  push(slot: number, time: number, seq: number): void {
    this.slotTime[slot] = time;
    this.slotSeq[slot] = seq;
    this.link(slot, time, seq);
    this.count++;
    if (this.front !== -1 && (time < this.slotTime[this.front])) this.front = -1;
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
    const day = this.dayOf(time);
    if (day < this.day) this.day = day; // an event before the scan position (only at start-up)
    const b = this.bucketOf(day);
    const tail = this.bucketTail[b];
    const next = this.slotNext;
    if (tail === -1) {
      this.bucketHead[b] = slot;
      this.bucketTail[b] = slot;
      next[slot] = -1;
      return;
    }
    // Common fast path: the new event goes last (always true for equal times: seq increases).
    const tailTime = this.slotTime[tail];
    if (tailTime < time || (tailTime === time && this.slotSeq[tail] < seq)) {
      next[tail] = slot;
      next[slot] = -1;
      this.bucketTail[b] = slot;
      return;
    }
    let previous = -1;
    let current = this.bucketHead[b];
    let steps = 0;
    while (current !== -1) {
      const t = this.slotTime[current];
      if (t > time || (t === time && this.slotSeq[current] > seq)) break;
      previous = current;
      current = next[current];
      steps++;
    }
    this.walkSteps += steps;
    next[slot] = current;
    if (previous === -1) this.bucketHead[b] = slot;
    else next[previous] = slot;
  }

  /** The slot of the earliest event, or -1 if empty. Does not remove it. */
  peek(): number {
    if (this.front !== -1) return this.front;
    if (this.count === 0) return -1;
    const n = this.bucketCount;
    const width = this.width;
    let day = this.day;
    for (let scanned = 0; scanned < n; scanned++, day++) {
      const b = this.bucketOf(day);
      const head = this.bucketHead[b];
      if (head !== -1 && this.slotTime[head] < (day + 1) * width) {
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
      const head = this.bucketHead[b];
      if (head === -1) continue;
      if (best === -1 || this.slotTime[head] < this.slotTime[best] ||
        (this.slotTime[head] === this.slotTime[best] && this.slotSeq[head] < this.slotSeq[best])) best = head;
    }
    this.day = this.dayOf(this.slotTime[best]);
    this.front = best;
    this.frontBucket = this.bucketOf(this.day);
    return best;
  }

  /** Removes and returns the earliest event's slot (-1 if empty). */
  pop(): number {
    return this.popUntil(Infinity);
  }

  /** Removes and returns the earliest event's slot if its time is ≤ `untilTicks`; else -1. */
  popUntil(untilTicks: number): number {
    const slot = this.front !== -1 ? this.front : this.peek();
    if (slot === -1 || this.slotTime[slot] > untilTicks) return -1;
    const b = this.frontBucket;
    const next = this.slotNext[slot];
    this.bucketHead[b] = next;
    if (next === -1) this.bucketTail[b] = -1;
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

  /** Re-buckets every event with `buckets` buckets and a width fitted to the current events. */
  private rebuild(buckets: number): void {
    const slots = new Int32Array(this.count);
    let k = 0;
    for (let b = 0; b < this.bucketCount; b++) {
      for (let s = this.bucketHead[b]; s !== -1; s = this.slotNext[s]) slots[k++] = s;
    }
    this.width = this.fitWidth(slots);
    this.inverseWidth = 1 / this.width;
    this.bucketCount = buckets;
    this.bucketHead = new Int32Array(buckets).fill(-1);
    this.bucketTail = new Int32Array(buckets).fill(-1);
    this.front = -1;
    let minTime = Infinity;
    for (let i = 0; i < k; i++) minTime = Math.min(minTime, this.slotTime[slots[i]]);
    this.day = k > 0 ? this.dayOf(minTime) : 0;
    // Re-link in (time, seq) order would be ideal; `link` keeps each list sorted regardless.
    for (let i = 0; i < k; i++) this.link(slots[i], this.slotTime[slots[i]], this.slotSeq[slots[i]]);
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
    for (let i = 0; i < n; i += stride) sample.push(this.slotTime[slots[i]]);
    sample.sort((a, b) => a - b);
    // Use the earlier half of the sample: the near future is where dequeues happen.
    const k = Math.max(1, Math.floor(sample.length / 2));
    const span = sample[k] - sample[0];
    const meanGap = span / (k * stride);
    const target = Math.max(1, 3 * meanGap);
    return 2 ** Math.min(40, Math.round(Math.log2(target)));
  }
}

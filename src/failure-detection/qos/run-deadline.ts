import type { HeartbeatDetector } from '../detectors/detector.ts';
import { LOST, type HeartbeatTrace } from '../trace/heartbeat-trace.ts';
import type { TransitionSink } from './transition-sink.ts';

/**
 * A min-heap of (arrival time, sequence number): heartbeats are sent in order but may arrive out
 * of order, and each detector must see them in arrival order. Usually it holds one entry.
 * Written here because it is eight lines on typed arrays, on the hot path of every detector.
 */
class ArrivalHeap {
  timeUs = new Float64Array(64);
  seq = new Float64Array(64);
  size = 0;
  push(t: number, s: number): void {
    if (this.size === this.timeUs.length) {
      const t2 = new Float64Array(this.size * 2); t2.set(this.timeUs); this.timeUs = t2;
      const s2 = new Float64Array(this.size * 2); s2.set(this.seq); this.seq = s2;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.timeUs[parent] <= t) break;
      this.timeUs[i] = this.timeUs[parent]; this.seq[i] = this.seq[parent];
      i = parent;
    }
    this.timeUs[i] = t; this.seq[i] = s;
  }
  /** Removes the root (call only when size > 0). */
  pop(): void {
    const n = --this.size;
    const t = this.timeUs[n], s = this.seq[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.timeUs[child + 1] < this.timeUs[child]) child++;
      if (this.timeUs[child] >= t) break;
      this.timeUs[i] = this.timeUs[child]; this.seq[i] = this.seq[child];
      i = child;
    }
    this.timeUs[i] = t; this.seq[i] = s;
  }
}

/**
 * Runs a deadline detector over a trace and reports its S- and T-transitions before `endUs`.
 * Heartbeats sent at or after `crashAtUs` are never sent (the sender crashed); those already
 * in flight still arrive. The detector trusts at time 0.
 */
export function runDeadlineDetector(
  detector: HeartbeatDetector, trace: HeartbeatTrace, sink: TransitionSink,
  endUs: number, crashAtUs = Infinity,
): void {
  const { etaUs, arrivalUs } = trace;
  const heap = new ArrivalHeap();
  let suspecting = false;
  const count = arrivalUs.length;
  for (let i = 0; i < count; i++) {
    const sendUs = i * etaUs;
    if (sendUs >= crashAtUs || sendUs >= endUs) break;
    const a = arrivalUs[i];
    // Every heartbeat not yet pushed arrives after the next send time, so all arrivals up to
    // it can be delivered now, in order.
    const horizonUs = i + 1 < count && (i + 1) * etaUs < crashAtUs ? (i + 1) * etaUs : Infinity;
    // Fast path (almost every heartbeat): nothing pending and this one arrives before the next
    // is sent, so it is next in arrival order; no heap needed.
    const direct = heap.size === 0 && a !== LOST && a <= horizonUs;
    if (!direct && a !== LOST) heap.push(a, i);
    while (direct || (heap.size > 0 && heap.timeUs[0] <= horizonUs)) {
      let t: number, seq: number;
      if (direct) { t = a; seq = i; } else { t = heap.timeUs[0]; seq = heap.seq[0]; heap.pop(); }
      if (t >= endUs) { heap.size = 0; break; }
      if (!suspecting) {
        const deadline = detector.suspectFromUs();
        if (t >= deadline) { sink.suspect(deadline); suspecting = true; }
      }
      detector.heartbeat(seq, t);
      const deadline = detector.suspectFromUs();
      if (suspecting) {
        if (t < deadline) { sink.trust(t); suspecting = false; }
      } else if (deadline <= t) {
        sink.suspect(t); suspecting = true;
      }
      if (direct) break;
    }
  }
  if (!suspecting) {
    const deadline = detector.suspectFromUs();
    if (deadline < endUs) sink.suspect(deadline);
  }
}

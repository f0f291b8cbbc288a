/**
 * Traffic sources. Each sends frames of one size from one host to one destination (one flow: ECMP
 * keeps it on one path), from `startNs` until the run ends, `frames` are sent, or `stopNs`.
 *
 * - `line-rate`: back-to-back frames at the line rate of the source's port, timed by that port's
 *   own clock (the RFC 2544 throughput load).
 * - `poisson`: exponential gaps with mean frameTime / load (a Poisson process of frames, load in (0, 1]).
 * - `on-off`: exponential on and off periods (means meanOnNs, meanOffNs); line rate while on.
 * - incast (`incastSources`): many senders each send a burst to one receiver at the same instant,
 *   the partition-aggregate pattern that overflows the receiver's port.
 */
export type TrafficPattern =
  | { kind: 'line-rate' }
  | { kind: 'poisson'; load: number }
  | { kind: 'on-off'; meanOnNs: number; meanOffNs: number };

export interface SourceSpec {
  src: number;
  dst: number;
  frameBytes: number;
  pattern: TrafficPattern;
  /** Priority class 0–7 (IEEE 802.1Q PCP, used by PFC); default 0. */
  priority?: number;
  /** Flow hash for ECMP; default: the source's index. */
  flow?: number;
  startNs?: number;
  stopNs?: number;
  /** Stop after this many frames. */
  frames?: number;
}

/** Incast: each sender sends `burstFrames` back-to-back frames to `dst`, all starting at `atNs`. */
export function incastSources(o: { senders: readonly number[]; dst: number; burstFrames: number; frameBytes: number; atNs?: number; priority?: number }): SourceSpec[] {
  return o.senders.map((src) => ({
    src, dst: o.dst, frameBytes: o.frameBytes, pattern: { kind: 'line-rate' } as const,
    frames: o.burstFrames, startNs: o.atNs ?? 0, priority: o.priority,
  }));
}

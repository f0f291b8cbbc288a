import type { StampedEvent } from './event.ts';

/** A growable Int32 array (typed arrays keep 12 bytes per event instead of an object each). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = x;
  }
  view(): Int32Array { return this.data.subarray(0, this.length); }
}

/**
 * The skeleton of a trace: which host each event is on and which events send to which, with
 * events numbered in causal order. Its transitive closure is happened-before. It keeps no labels
 * or clocks (12 bytes per event plus 8 per message), so width can be computed for traces whose
 * vector clocks would not fit in memory.
 */
export interface CausalGraph {
  readonly eventCount: number;
  readonly hostCount: number;
  /** Host id of each event. */
  readonly hostOf: Int32Array;
  /** Previous event on the same host, or −1. */
  readonly previousOnHost: Int32Array;
  /** Message edges: send event id and receive event id, pairwise. */
  readonly messageSend: Int32Array;
  readonly messageReceive: Int32Array;
}

/** Collects a causal graph from stamped events (feed it every event, in the order reported). */
export class CausalGraphBuilder {
  private readonly hostOf = new IntList();
  private readonly previous = new IntList();
  private readonly sendIds = new IntList();
  private readonly receiveIds = new IntList();
  private lastOnHost: number[] = [];

  add(e: Pick<StampedEvent, 'id' | 'hostId' | 'senderIds'>): void {
    while (this.lastOnHost.length <= e.hostId) this.lastOnHost.push(-1);
    this.hostOf.push(e.hostId);
    this.previous.push(this.lastOnHost[e.hostId]);
    this.lastOnHost[e.hostId] = e.id;
    for (const s of e.senderIds) { this.sendIds.push(s); this.receiveIds.push(e.id); }
  }

  build(): CausalGraph {
    return {
      eventCount: this.hostOf.length, hostCount: this.lastOnHost.length,
      hostOf: this.hostOf.view(), previousOnHost: this.previous.view(),
      messageSend: this.sendIds.view(), messageReceive: this.receiveIds.view(),
    };
  }
}

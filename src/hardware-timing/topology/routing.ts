import { InputError } from '../../core/errors.ts';
import { topologyMessages } from './messages.ts';
import type { Topology } from './topology.ts';

/** Routes toward one destination: hop distances and the equal-cost next ports of every node. */
interface DestinationTable {
  /** Hops from each node to the destination (-1: unreachable). */
  readonly hops: Int32Array;
  /** Node u's next ports are ports[offsets[u] … offsets[u+1]), in port order. */
  readonly offsets: Int32Array;
  readonly ports: Int32Array;
}

/**
 * Shortest-path (minimum hop) routing with equal-cost multi-path (ECMP), computed once per
 * topology: each destination's table is built by one breadth-first search the first time it is
 * asked for and kept, so a simulation pays for it once, and only for destinations it uses.
 *
 * The search is written here over the topology's port lists rather than taken from
 * graphology-shortest-path, whose results are string-keyed objects: all-pairs routing of 10^3
 * nodes is 10^6 entries, which typed arrays hold ~100× faster (the tests check every distance
 * against graphology's `singleSourceLength`).
 *
 * ECMP: a packet at node u for destination d may leave by any port whose peer is one hop closer to
 * d. `port(u, d, flow)` picks one by the flow's hash, so a flow always takes the same path (no
 * reordering) while different flows spread over all equal-cost paths, as hash-based ECMP does
 * (RFC 2992, "Analysis of an Equal-Cost Multi-Path Algorithm").
 */
export class Routing {
  readonly topology: Topology;
  private readonly tables: (DestinationTable | undefined)[];

  constructor(topology: Topology) {
    this.topology = topology;
    this.tables = new Array(topology.nodeCount);
  }

  private check(node: number): void {
    if (!Number.isSafeInteger(node) || node < 0 || node >= this.topology.nodeCount) {
      throw new InputError(topologyMessages.unknownNode(node, this.topology.nodeCount));
    }
  }

  private table(dest: number): DestinationTable {
    const cached = this.tables[dest];
    if (cached) return cached;
    this.check(dest);
    const t = this.topology;
    const n = t.nodeCount;
    const hops = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    hops[dest] = 0;
    queue[0] = dest;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const u = queue[head++];
      for (const p of t.ports(u)) {
        if (hops[p.peer] < 0) {
          hops[p.peer] = hops[u] + 1;
          queue[tail++] = p.peer;
        }
      }
    }
    const offsets = new Int32Array(n + 1);
    const ports: number[] = [];
    for (let u = 0; u < n; u++) {
      offsets[u] = ports.length;
      const h = hops[u];
      if (h > 0) {
        const list = t.ports(u);
        for (let p = 0; p < list.length; p++) if (hops[list[p].peer] === h - 1) ports.push(p);
      }
    }
    offsets[n] = ports.length;
    const table = { hops, offsets, ports: Int32Array.from(ports) };
    this.tables[dest] = table;
    return table;
  }

  /** Hops on a shortest path from `from` to `to` (-1 if unreachable). */
  hops(from: number, to: number): number {
    this.check(from);
    return this.table(to).hops[from];
  }

  /** All hop distances to `to`, indexed by node (-1: unreachable). Do not modify. */
  hopsTo(to: number): Int32Array {
    return this.table(to).hops;
  }

  /** The ports of `node` that lie on a shortest path to `dest` (empty at the destination). */
  nextPorts(node: number, dest: number): number[] {
    this.check(node);
    const t = this.table(dest);
    return Array.from(t.ports.subarray(t.offsets[node], t.offsets[node + 1]));
  }

  /** The number of equal-cost next ports of `node` toward `dest`. */
  ecmpWidth(node: number, dest: number): number {
    const t = this.table(dest);
    return t.offsets[node + 1] - t.offsets[node];
  }

  /**
   * The port a packet of flow `flowHash` (a non-negative integer) leaves `node` by toward `dest`:
   * next port number flowHash mod width. -1 at the destination or if unreachable.
   */
  port(node: number, dest: number, flowHash: number): number {
    const t = this.table(dest);
    const start = t.offsets[node];
    const width = t.offsets[node + 1] - start;
    if (width === 0) return -1;
    return t.ports[start + (flowHash % width)];
  }

  /** The nodes a packet of flow `flowHash` visits from `from` to `to`, both included. */
  path(from: number, to: number, flowHash = 0): number[] {
    this.check(from);
    if (this.table(to).hops[from] < 0) return [];
    const path = [from];
    let u = from;
    while (u !== to) {
      u = this.topology.ports(u)[this.port(u, to, flowHash)].peer;
      path.push(u);
    }
    return path;
  }
}

const cache = new WeakMap<Topology, Routing>();

/** The routing of a topology, built once and shared. */
export function routingOf(topology: Topology): Routing {
  let r = cache.get(topology);
  if (!r) {
    r = new Routing(topology);
    cache.set(topology, r);
  }
  return r;
}

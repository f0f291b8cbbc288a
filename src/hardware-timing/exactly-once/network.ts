/**
 * What the exactly-once simulation needs of a topology: node count and full-duplex links with
 * their cable lengths. `Topology` of `hardware-timing/topology` has exactly these members.
 */
export interface NetworkGraph {
  readonly nodeCount: number;
  readonly links: readonly { readonly a: number; readonly b: number; readonly lengthM: number }[];
}

/**
 * Minimum-hop routing over the links marked usable. Each destination's hop counts come from one
 * breadth-first search, run the first time that destination is asked for (routing changes with
 * every noticed failure, so tables are rebuilt often and only the ones used are paid for).
 * Equal-cost next hops are chosen by flow (ECMP).
 */
export class LiveRouting {
  private readonly adjacency: Array<Array<{ link: number; peer: number }>>;
  private readonly tables: Array<Int32Array | undefined>;

  constructor(readonly graph: NetworkGraph, usable: (link: number) => boolean) {
    const n = graph.nodeCount;
    this.adjacency = Array.from({ length: n }, () => []);
    graph.links.forEach((l, id) => {
      if (!usable(id)) return;
      this.adjacency[l.a].push({ link: id, peer: l.b });
      this.adjacency[l.b].push({ link: id, peer: l.a });
    });
    this.tables = new Array(n);
  }

  /** Every node's hop count to `dest` (−1 if unreachable). */
  hopsTo(dest: number): Int32Array {
    let hops = this.tables[dest];
    if (hops) return hops;
    const n = this.graph.nodeCount;
    hops = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    hops[dest] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = dest;
    while (head < tail) {
      const u = queue[head++];
      for (const { peer } of this.adjacency[u]) {
        if (hops[peer] < 0) {
          hops[peer] = hops[u] + 1;
          queue[tail++] = peer;
        }
      }
    }
    this.tables[dest] = hops;
    return hops;
  }

  /** Hops from `from` to `to` (−1 if unreachable). */
  hops(from: number, to: number): number {
    return this.hopsTo(to)[from];
  }

  /** The link `node` uses towards `dest` for flow `flow` (ECMP: the flow-th of the equal-cost links), or −1. */
  linkTowards(node: number, dest: number, flow: number): number {
    const hops = this.hopsTo(dest);
    const h = hops[node];
    if (h <= 0) return -1;
    const adjacent = this.adjacency[node];
    let count = 0;
    for (const { peer } of adjacent) if (hops[peer] === h - 1) count++;
    let pick = flow % count;
    for (const { link, peer } of adjacent) {
      if (hops[peer] === h - 1 && pick-- === 0) return link;
    }
    return -1;
  }

  /** Nodes adjacent to both ends of `link` over usable links: the apexes of its one-hop triangles. */
  triangleApexes(link: number): number[] {
    const { a, b } = this.graph.links[link];
    const nearA = new Set(this.adjacency[a].map((x) => x.peer));
    return this.adjacency[b].map((x) => x.peer).filter((p) => p !== a && nearA.has(p));
  }
}

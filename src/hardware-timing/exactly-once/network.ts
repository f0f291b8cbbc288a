/**
 * What the exactly-once simulation needs of a topology: node count and full-duplex links with
 * their cable lengths. `Topology` of `hardware-timing/topology` has exactly these members.
 */
export interface NetworkGraph {
  readonly nodeCount: number;
  readonly links: readonly { readonly a: number; readonly b: number; readonly lengthM: number }[];
}

/**
 * Minimum-hop next hops to every destination over the links marked usable, by one breadth-first
 * search per destination (all of them, since link failures change every table). `next[dest]
 * [node]` lists the links that lead one hop closer; empty when unreachable or at the destination.
 */
export class LiveRouting {
  readonly hops: Int32Array[];
  readonly next: Int32Array[][];
  private readonly adjacency: Array<Array<{ link: number; peer: number }>>;

  constructor(readonly graph: NetworkGraph, usable: (link: number) => boolean) {
    const n = graph.nodeCount;
    this.adjacency = Array.from({ length: n }, () => []);
    graph.links.forEach((l, id) => {
      if (!usable(id)) return;
      this.adjacency[l.a].push({ link: id, peer: l.b });
      this.adjacency[l.b].push({ link: id, peer: l.a });
    });
    this.hops = [];
    this.next = [];
    const queue = new Int32Array(n);
    for (let dest = 0; dest < n; dest++) {
      const hops = new Int32Array(n).fill(-1);
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
      this.hops.push(hops);
      this.next.push(Array.from({ length: n }, (_, node) => {
        if (hops[node] <= 0) return new Int32Array(0);
        return Int32Array.from(this.adjacency[node].filter(({ peer }) => hops[peer] === hops[node] - 1).map(({ link }) => link));
      }));
    }
  }

  /** The link `node` uses towards `dest` for flow `flow` (ECMP by flow), or −1. */
  linkTowards(node: number, dest: number, flow: number): number {
    const options = this.next[dest][node];
    return options.length === 0 ? -1 : options[flow % options.length];
  }

  /** Nodes adjacent to both ends of `link` over usable links: the apexes of its one-hop triangles. */
  triangleApexes(link: number): number[] {
    const { a, b } = this.graph.links[link];
    const nearA = new Set(this.adjacency[a].map((x) => x.peer));
    return this.adjacency[b].map((x) => x.peer).filter((p) => p !== a && nearA.has(p));
  }
}

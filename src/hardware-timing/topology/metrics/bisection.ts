import type { Topology } from '../topology.ts';

/**
 * Maximum flow with unit capacities (each link carries one unit each way) between two sets of
 * nodes, by Edmonds–Karp (BFS augmenting paths; Edmonds & Karp, JACM 19(2), 1972). By max-flow =
 * min-cut it is the number of links that must be cut to separate the two sets; switches are free
 * to fall on either side. graphology has no max-flow, hence this short routine.
 */
export function minCutLinks(t: Topology, sideA: readonly number[], sideB: readonly number[]): number {
  const n = t.nodeCount;
  // Residual capacity per directed link end: index 2·link + 0 is a→b, + 1 is b→a.
  const cap = new Int32Array(2 * t.linkCount).fill(1);
  const source = new Uint8Array(n);
  const sink = new Uint8Array(n);
  for (const v of sideA) source[v] = 1;
  for (const v of sideB) sink[v] = 1;
  const prevEdge = new Int32Array(n);
  const queue = new Int32Array(n);
  let flow = 0;
  for (;;) {
    prevEdge.fill(-2);
    let head = 0;
    let tail = 0;
    for (const v of sideA) {
      prevEdge[v] = -1;
      queue[tail++] = v;
    }
    let reached = -1;
    while (head < tail && reached < 0) {
      const u = queue[head++];
      for (const p of t.ports(u)) {
        const link = t.links[p.link];
        const dirIndex = 2 * p.link + (link.a === u ? 0 : 1);
        if (cap[dirIndex] <= 0 || prevEdge[p.peer] !== -2) continue;
        prevEdge[p.peer] = dirIndex;
        if (sink[p.peer]) {
          reached = p.peer;
          break;
        }
        queue[tail++] = p.peer;
      }
    }
    if (reached < 0) return flow;
    // Augment one unit along the path back to a source node.
    let v = reached;
    while (prevEdge[v] >= 0) {
      const e = prevEdge[v];
      cap[e] -= 1;
      cap[e ^ 1] += 1;
      const link = t.links[e >> 1];
      v = (e & 1) === 0 ? link.a : link.b;
    }
    flow++;
  }
}

/**
 * Bisection width in links: the fewest links whose removal splits the hosts into two halves
 * (⌊h/2⌋ and ⌈h/2⌉). Finding the minimum over all splits is NP-hard in general, so this takes the
 * best of the splits by physical position (along x, along y, along z) and by host id, each
 * measured exactly by max-flow. For the grids, tori, stars, Clos and fat-trees built here the
 * geometric cut is the known minimum (tests compare with exhaustive search on small graphs and
 * with closed forms).
 */
export function bisectionLinks(t: Topology): number {
  const h = t.hostCount;
  if (h < 2) return 0;
  const hosts = t.nodes.slice(0, h);
  const orders: number[][] = [
    [...hosts].sort((a, b) => a.xM - b.xM || a.yM - b.yM || a.zM - b.zM || a.id - b.id).map((n) => n.id),
    [...hosts].sort((a, b) => a.yM - b.yM || a.xM - b.xM || a.zM - b.zM || a.id - b.id).map((n) => n.id),
    [...hosts].sort((a, b) => a.zM - b.zM || a.xM - b.xM || a.yM - b.yM || a.id - b.id).map((n) => n.id),
    hosts.map((n) => n.id),
  ];
  let best = Infinity;
  const half = Math.floor(h / 2);
  for (const order of orders) best = Math.min(best, minCutLinks(t, order.slice(0, half), order.slice(half)));
  return best;
}

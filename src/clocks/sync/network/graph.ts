import { InputError } from '../../../core/errors.ts';
import { syncMessages } from '../messages.ts';

/**
 * The network a synchronisation algorithm runs on: nodes 0 … nodeCount − 1 and full-duplex
 * links with cable lengths. The hardware-timing `Topology` (mesh, star, Clos with physical
 * positions) has this shape, so it can be passed as it is.
 */
export interface SyncGraph {
  readonly nodeCount: number;
  readonly links: readonly { readonly a: number; readonly b: number; readonly lengthM: number }[];
}

/** A line of n nodes, `lengthM` of cable between neighbours. */
export function chainGraph(n: number, lengthM = 1): SyncGraph {
  return { nodeCount: n, links: Array.from({ length: Math.max(0, n - 1) }, (_, i) => ({ a: i, b: i + 1, lengthM })) };
}

/** Adjacency lists: for each node, [neighbour, link index] pairs in link order. */
export function adjacency(graph: SyncGraph): Array<Array<[number, number]>> {
  const adj: Array<Array<[number, number]>> = Array.from({ length: graph.nodeCount }, () => []);
  graph.links.forEach((l, k) => {
    adj[l.a].push([l.b, k]);
    adj[l.b].push([l.a, k]);
  });
  return adj;
}

/**
 * The synchronisation tree: a breadth-first tree from the reference, each node's parent the
 * lowest-numbered neighbour one hop closer (what PTP's best-master-clock algorithm gives with
 * equal priorities and hop-count tie-breaking, IEEE 1588-2019 §9.3, stepsRemoved). Every node
 * must reach the reference.
 */
export interface SyncTree {
  readonly reference: number;
  /** Parent of each node (−1 for the reference). */
  readonly parent: Int32Array;
  /** Link to the parent (−1 for the reference). */
  readonly parentLink: Int32Array;
  /** Hops from the reference. */
  readonly depth: Int32Array;
  /** Nodes in breadth-first order (reference first). */
  readonly order: Int32Array;
}

export function syncTree(graph: SyncGraph, reference = 0): SyncTree {
  const n = graph.nodeCount;
  const adj = adjacency(graph);
  const parent = new Int32Array(n).fill(-1);
  const parentLink = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  depth[reference] = 0;
  order[0] = reference;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const u = order[head++];
    const next = [...adj[u]].sort((x, y) => x[0] - y[0]);
    for (const [v, k] of next) {
      if (depth[v] >= 0) continue;
      depth[v] = depth[u] + 1;
      parent[v] = u;
      parentLink[v] = k;
      order[tail++] = v;
    }
  }
  for (let v = 0; v < n; v++) if (depth[v] < 0) throw new InputError(syncMessages.disconnected(v));
  return { reference, parent, parentLink, depth, order };
}

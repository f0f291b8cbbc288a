import type { RandomStream } from '../../core/random/index.ts';

/**
 * VoltDB-style partition handling, as Alquraan et al. (OSDI 2018) discuss it: after a failure
 * each node keeps the largest set of nodes that all see one another (a maximum clique of the
 * connectivity graph); nodes outside it stop. The cluster shuts down altogether when that clique
 * no longer holds a replica of every shard (k-safety lost) or is not a strict majority of the
 * nodes (VoltDB's partition detection keeps only the larger side).
 *
 * Maximum clique by Bron–Kerbosch with pivoting (Tomita, Tanaka, Takahashi 2006), on bitmasks:
 * written here because graphology has no clique search and clusters here have ≤ 31 nodes.
 */
export function maximumClique(n: number, adjacent: (i: number, j: number) => boolean): number[] {
  if (n > 31) throw new RangeError(`maximum clique: at most 31 nodes, got ${n}`);
  const nbr = new Int32Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && adjacent(i, j) && adjacent(j, i)) nbr[i] |= 1 << j;
  let best = 0, bestSize = 0;
  const popcount = (x: number) => { let c = 0; while (x) { x &= x - 1; c++; } return c; };
  const expand = (r: number, p: number, x: number): void => {
    if (p === 0 && x === 0) {
      const size = popcount(r);
      if (size > bestSize) { bestSize = size; best = r; }
      return;
    }
    if (popcount(r) + popcount(p) <= bestSize) return;
    const px = p | x;
    let pivot = 31 - Math.clz32(px & -px);
    let most = -1;
    for (let u = 0; u < n; u++) if ((px >> u) & 1) { const c = popcount(p & nbr[u]); if (c > most) { most = c; pivot = u; } }
    let candidates = p & ~nbr[pivot];
    while (candidates) {
      const v = 31 - Math.clz32(candidates & -candidates);
      candidates &= ~(1 << v);
      expand(r | (1 << v), p & nbr[v], x & nbr[v]);
      p &= ~(1 << v);
      x |= 1 << v;
    }
  };
  expand(0, n >= 31 ? 0x7fffffff : (1 << n) - 1, 0);
  return Array.from({ length: n }, (_, i) => i).filter((i) => (best >> i) & 1);
}

/** Places `shards` shards, each on `replicas` distinct nodes chosen uniformly at random. */
export function placeShards(rng: RandomStream, nodes: number, shards: number, replicas: number): number[][] {
  return Array.from({ length: shards }, () => {
    const chosen: number[] = [];
    while (chosen.length < replicas) {
      const v = rng.uniformInt(nodes);
      if (!chosen.includes(v)) chosen.push(v);
    }
    return chosen;
  });
}

/** Whether the cluster shuts down: the surviving clique lacks a shard or a majority. */
export function clusterShutsDown(nodes: number, clique: readonly number[], placement: readonly number[][]): boolean {
  if (2 * clique.length <= nodes) return true;
  const alive = new Set(clique);
  return placement.some((replicas) => !replicas.some((r) => alive.has(r)));
}

/** C(n, k) as a float. */
function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/**
 * Exact shutdown probability when `isolated` nodes are cut off completely (the clique is the
 * rest): shards are placed independently, each lost with probability C(k, r)/C(n, r), so
 * P = 1 − (1 − C(k, r)/C(n, r))^shards, or 1 without a majority.
 */
export function shutdownProbabilityIsolated(nodes: number, isolated: number, shards: number, replicas: number): number {
  if (2 * (nodes - isolated) <= nodes) return 1;
  const lost = choose(isolated, replicas) / choose(nodes, replicas);
  return 1 - (1 - lost) ** shards;
}

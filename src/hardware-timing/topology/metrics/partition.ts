import { InputError } from '../../../core/errors.ts';
import { RandomStream } from '../../../core/random/index.ts';
import { topologyMessages } from '../messages.ts';
import type { Topology } from '../topology.ts';

export type FailureTarget = 'links' | 'nodes';

export interface PartitionProbability {
  /** Probability that the surviving hosts are not all connected when k random links (nodes) fail. */
  probability: number;
  method: 'exact' | 'monte-carlo';
  /** Failure sets examined: all C(m, k), or the Monte Carlo trials. */
  samples: number;
  /** 95% interval: [p, p] when exact; the Wilson score interval (Wilson, JASA 22, 1927) for Monte Carlo. */
  low: number;
  high: number;
}

/** Union–find with path halving: one connectivity test per failure set, far cheaper than building a graph each time. */
class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
  }
  reset(): void {
    for (let i = 0; i < this.parent.length; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** C(m, k) as a double (exact below 2^53). */
export function binomial(m: number, k: number): number {
  if (k < 0 || k > m) return 0;
  let r = 1;
  for (let i = 1; i <= Math.min(k, m - k); i++) r = (r * (m - Math.min(k, m - k) + i)) / i;
  return Math.round(r);
}

/**
 * True if the surviving hosts are split. `failedLink[l]` / `failedNode[v]` mark the failures.
 */
function partitioned(ends: Int32Array, hostCount: number, uf: UnionFind, failedLink: Uint8Array, failedNode: Uint8Array): boolean {
  uf.reset();
  for (let l = 0; l < failedLink.length; l++) {
    const a = ends[2 * l];
    const b = ends[2 * l + 1];
    if (failedLink[l] || failedNode[a] || failedNode[b]) continue;
    uf.union(a, b);
  }
  let root = -1;
  for (let h = 0; h < hostCount; h++) {
    if (failedNode[h]) continue;
    const r = uf.find(h);
    if (root < 0) root = r;
    else if (r !== root) return true;
  }
  return false;
}

/**
 * Probability that k failed links (or nodes, hosts and switches alike), chosen uniformly among all
 * sets of k, partition the surviving hosts. Exact by enumerating all C(m, k) sets when there are
 * at most `maxExact` (default 200,000); otherwise Monte Carlo with `trials` random sets (default
 * 20,000; random stream `stream` of `seed`), with a 95% Wilson interval.
 */
export function partitionProbability(
  t: Topology, k: number, target: FailureTarget = 'links',
  o: { maxExact?: number; trials?: number; seed?: number; stream?: number; method?: 'auto' | 'exact' | 'monte-carlo' } = {},
): PartitionProbability {
  const m = target === 'links' ? t.linkCount : t.nodeCount;
  if (!Number.isSafeInteger(k) || k < 0 || k > m) throw new InputError(topologyMessages.badFailures(target, k, m));
  const uf = new UnionFind(t.nodeCount);
  const failedLink = new Uint8Array(t.linkCount);
  const failedNode = new Uint8Array(t.nodeCount);
  const marks = target === 'links' ? failedLink : failedNode;
  const ends = new Int32Array(2 * t.linkCount);
  for (const link of t.links) {
    ends[2 * link.id] = link.a;
    ends[2 * link.id + 1] = link.b;
  }
  const h = t.hostCount;
  const count = binomial(m, k);
  const method = o.method ?? 'auto';
  if (method === 'exact' || (method === 'auto' && count <= (o.maxExact ?? 200_000))) {
    // Enumerate k-subsets in lexicographic order.
    const idx = Array.from({ length: k }, (_, i) => i);
    let split = 0;
    let total = 0;
    for (;;) {
      for (const i of idx) marks[i] = 1;
      if (partitioned(ends, h, uf, failedLink, failedNode)) split++;
      for (const i of idx) marks[i] = 0;
      total++;
      let i = k - 1;
      while (i >= 0 && idx[i] === m - k + i) i--;
      if (i < 0) break;
      idx[i]++;
      for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
    }
    const p = split / total;
    return { probability: p, method: 'exact', samples: total, low: p, high: p };
  }
  const trials = o.trials ?? 20_000;
  const rng = new RandomStream(o.seed ?? 1, o.stream ?? 0);
  const pool = Int32Array.from({ length: m }, (_, i) => i);
  let split = 0;
  for (let trial = 0; trial < trials; trial++) {
    // A uniform k-subset: the first k of a partial Fisher–Yates shuffle.
    for (let i = 0; i < k; i++) {
      const j = i + rng.uniformInt(m - i);
      const tmp = pool[i];
      pool[i] = pool[j];
      pool[j] = tmp;
      marks[pool[i]] = 1;
    }
    if (partitioned(ends, h, uf, failedLink, failedNode)) split++;
    for (let i = 0; i < k; i++) marks[pool[i]] = 0;
  }
  const p = split / trials;
  const z = 1.959963984540054; // 97.5% standard normal quantile
  const denom = 1 + (z * z) / trials;
  const centre = (p + (z * z) / (2 * trials)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials))) / denom;
  // At p̂ = 0 (or 1) the interval's end is exactly 0 (or 1); the formula leaves rounding residue.
  const low = split === 0 ? 0 : Math.max(0, centre - half);
  const high = split === trials ? 1 : Math.min(1, centre + half);
  return { probability: p, method: 'monte-carlo', samples: trials, low, high };
}

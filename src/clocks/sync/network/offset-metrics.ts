/**
 * The summary the `sync` command prints: each node's offset from its reference, sampled at fixed
 * instants, after convergence.
 *
 * Convergence: let M be the largest |offset| of any reported node over the last quarter of the
 * run (the settled state); the run has converged at the first sample instant after which no
 * reported node's |offset| exceeds 2M again. Statistics use the samples from then on.
 * precisionNs is the largest spread, max − min over the reported nodes and the reference, of the
 * clock errors at any one sampled instant after convergence.
 */
export interface NodeOffsetStats {
  readonly node: number;
  readonly rmsNs: number;
  readonly p99Ns: number;
  readonly maxAbsNs: number;
}

export interface SyncSummary {
  readonly nodes: NodeOffsetStats[];
  readonly overall: { readonly rmsNs: number; readonly p99Ns: number; readonly maxAbsNs: number; readonly precisionNs: number };
  readonly convergenceS: number;
}

/** p-quantile (0 … 1) of sorted values, nearest rank (the smallest value with at least p·n at or below it). */
function nearestRank(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const k = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[k - 1];
}

/**
 * @param timesS the sample instants.
 * @param errorsNs clock error of every node at every instant, row-major [sample][node].
 * @param nodeCount number of nodes in each row.
 * @param reference the reference node (its own offset is zero by definition and is left out).
 * @param reported the nodes to report (default every node but the reference).
 */
export function summariseOffsets(
  timesS: Float64Array, errorsNs: Float64Array, nodeCount: number, reference: number, reported?: readonly number[],
): SyncSummary {
  const nodes = reported ?? Array.from({ length: nodeCount }, (_, i) => i).filter((i) => i !== reference);
  const samples = timesS.length;
  const offset = (s: number, node: number) => errorsNs[s * nodeCount + node] - errorsNs[s * nodeCount + reference];
  const worstAt = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    let worst = 0;
    for (const v of nodes) worst = Math.max(worst, Math.abs(offset(s, v)));
    worstAt[s] = worst;
  }
  let settled = 0;
  for (let s = Math.floor((3 * samples) / 4); s < samples; s++) settled = Math.max(settled, worstAt[s]);
  let first = 0;
  for (let s = samples - 1; s >= 0; s--) {
    if (worstAt[s] > 2 * settled) { first = s + 1; break; }
  }
  const convergenceS = first < samples ? timesS[first] : timesS[samples - 1];
  const kept = samples - first;
  const all = new Float64Array(kept * nodes.length);
  let sumAll = 0;
  const perNode = nodes.map((v, j) => {
    const values = new Float64Array(kept);
    let sum = 0;
    for (let s = first; s < samples; s++) {
      const o = offset(s, v);
      values[s - first] = Math.abs(o);
      all[(s - first) * nodes.length + j] = Math.abs(o);
      sum += o * o;
    }
    sumAll += sum;
    values.sort();
    return { node: v, rmsNs: Math.sqrt(sum / kept), p99Ns: nearestRank(values, 0.99), maxAbsNs: values[kept - 1] ?? NaN };
  });
  all.sort();
  let precisionNs = 0;
  for (let s = first; s < samples; s++) {
    let lo = errorsNs[s * nodeCount + reference];
    let hi = lo;
    for (const v of nodes) {
      const e = errorsNs[s * nodeCount + v];
      if (e < lo) lo = e;
      if (e > hi) hi = e;
    }
    precisionNs = Math.max(precisionNs, hi - lo);
  }
  return {
    nodes: perNode,
    overall: { rmsNs: Math.sqrt(sumAll / all.length), p99Ns: nearestRank(all, 0.99), maxAbsNs: all[all.length - 1] ?? NaN, precisionNs },
    convergenceS,
  };
}

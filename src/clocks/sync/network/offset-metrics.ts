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

/**
 * The k-th smallest (0-based) of `values`, which it reorders: Hoare's selection with a
 * median-of-three pivot (Knuth, TAOCP vol. 3, §5.3.3), linear on average. It gives the same
 * value as sorting and indexing — an order statistic does not depend on how it is found — at a
 * fraction of the cost: the summary of `bench sync` sorted 9·10^5 offsets only to read two of
 * them. Written by hand because no maintained package selects in place in a Float64Array.
 * Values must not be NaN (the callers check and fall back to sorting).
 */
function selectKth(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three to values[mid], the pivot.
    if (values[mid] < values[lo]) swap(values, mid, lo);
    if (values[hi] < values[lo]) swap(values, hi, lo);
    if (values[hi] < values[mid]) swap(values, hi, mid);
    const pivot = values[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i];
  values[i] = values[j];
  values[j] = t;
}

/**
 * The nearest-rank p-quantile (0 … 1: the smallest value with at least p·n at or below it) and
 * the largest of `values`, which it reorders — the same two numbers as reading a sorted copy.
 */
function quantileAndMax(values: Float64Array, p: number): { quantile: number; max: number } {
  const n = values.length;
  if (n === 0) return { quantile: NaN, max: NaN };
  let max = -Infinity;
  let hasNaN = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v > max) max = v;
    else if (v !== v) hasNaN = true;
  }
  const k = Math.max(1, Math.ceil(p * n));
  if (hasNaN) {
    // Sorting puts NaN last, as the summary always did.
    values.sort();
    return { quantile: values[k - 1], max: values[n - 1] };
  }
  return { quantile: selectKth(values, k - 1), max };
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
  const width = nodes.length;
  // One pass over the rows (the array's own order; a pass per node read it with a stride of a
  // whole row): each node's |offsets| go to its column of `columns`, every one to `all`, and each
  // node's sum of squares accumulates in sample order, as before.
  const all = new Float64Array(kept * width);
  const columns = new Float64Array(kept * width);
  const sums = new Float64Array(width);
  for (let s = first; s < samples; s++) {
    const row = s * nodeCount;
    const ref = errorsNs[row + reference];
    const at = s - first;
    for (let j = 0; j < width; j++) {
      const o = errorsNs[row + nodes[j]] - ref;
      const abs = Math.abs(o);
      columns[j * kept + at] = abs;
      all[at * width + j] = abs;
      sums[j] += o * o;
    }
  }
  let sumAll = 0;
  const perNode = nodes.map((v, j) => {
    const sum = sums[j];
    sumAll += sum;
    const q = quantileAndMax(columns.subarray(j * kept, (j + 1) * kept), 0.99);
    return { node: v, rmsNs: Math.sqrt(sum / kept), p99Ns: q.quantile, maxAbsNs: q.max };
  });
  const overallQ = quantileAndMax(all, 0.99);
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
    overall: { rmsNs: Math.sqrt(sumAll / all.length), p99Ns: overallQ.quantile, maxAbsNs: overallQ.max, precisionNs },
    convergenceS,
  };
}

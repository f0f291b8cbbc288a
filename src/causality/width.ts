import type { CausalGraph } from './causal-graph.ts';

/**
 * The width of a trace: the size of its largest set of pairwise concurrent events.
 *
 * Dilworth (1950): the largest antichain of a partial order has the size of its smallest cover by
 * chains. Chains of happened-before are paths of the causal graph (host order and message edges)
 * that may share events, so the smallest chain cover is a minimum flow in that graph with a lower
 * bound of 1 on every event (Ntafos & Hakimi 1979, path covers of DAGs with repeated vertices).
 * The hosts themselves are a feasible flow of value H (each host's events form a path), and each
 * augmenting path from sink to source in the residual graph lowers it by one, so at most H
 * breadth-first searches of O(events + messages) find the minimum. Written by hand: graph
 * libraries (graphology) hold an object per node and edge, too much for 10^6–10^7 events, and have
 * no minimum flow with lower bounds.
 *
 * Nodes: in(u) = 2u, out(u) = 2u + 1; edges s → in(u), in(u) → out(u) (lower bound 1),
 * out(u) → t, out(u) → in(v) for host successors and messages; all capacities unbounded.
 */
export function traceWidth(graph: CausalGraph): number {
  const n = graph.eventCount;
  if (n === 0) return 0;
  const { hostOf, previousOnHost, messageSend, messageReceive } = graph;
  const next = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) if (previousOnHost[u] >= 0) next[previousOnHost[u]] = u;
  const k = messageSend.length;
  // Messages grouped by sender and by receiver (CSR).
  const outStart = new Int32Array(n + 1), inStart = new Int32Array(n + 1);
  for (let e = 0; e < k; e++) { outStart[messageSend[e] + 1]++; inStart[messageReceive[e] + 1]++; }
  for (let u = 0; u < n; u++) { outStart[u + 1] += outStart[u]; inStart[u + 1] += inStart[u]; }
  const outEdges = new Int32Array(k), inEdges = new Int32Array(k);
  {
    const o = outStart.slice(0, n), i = inStart.slice(0, n);
    for (let e = 0; e < k; e++) { outEdges[o[messageSend[e]]++] = e; inEdges[i[messageReceive[e]]++] = e; }
  }
  // Flow of the initial cover: one unit along each host's events.
  const flowNode = new Int32Array(n).fill(1);  // in(u) → out(u)
  const flowChain = new Int32Array(n);          // out(u) → in(next(u))
  const flowSource = new Int32Array(n);         // s → in(u)
  const flowSink = new Int32Array(n);           // out(u) → t
  const flowMessage = new Int32Array(k);        // out(send) → in(receive)
  const hostsSeen = new Set<number>();
  for (let u = 0; u < n; u++) {
    hostsSeen.add(hostOf[u]);
    if (previousOnHost[u] < 0) flowSource[u] = 1;
    if (next[u] < 0) flowSink[u] = 1; else flowChain[u] = 1;
  }
  let flow = hostsSeen.size;
  // BFS state over 2n nodes: parent node (−1 = unvisited, −2 = reached from t) and the edge used.
  const parent = new Int32Array(2 * n);
  const via = new Int32Array(2 * n); // ≥ 0 message edge; CHAIN, NODE, SINK codes below
  const CHAIN = -1, NODE = -2, SINK = -3;
  const queue = new Int32Array(2 * n);
  for (;;) {
    parent.fill(-1);
    let head = 0, tail = 0;
    for (let u = 0; u < n; u++) if (flowSink[u] > 0) { const x = 2 * u + 1; parent[x] = -2; via[x] = SINK; queue[tail++] = x; }
    let found = -1; // in(u) whose source edge carries flow
    while (head < tail && found < 0) {
      const x = queue[head++];
      const u = x >> 1;
      if (x & 1) { // out(u)
        const nu = next[u];
        if (nu >= 0 && parent[2 * nu] === -1) { parent[2 * nu] = x; via[2 * nu] = CHAIN; queue[tail++] = 2 * nu; }
        for (let j = outStart[u]; j < outStart[u + 1]; j++) {
          const e = outEdges[j], y = 2 * messageReceive[e];
          if (parent[y] === -1) { parent[y] = x; via[y] = e; queue[tail++] = y; }
        }
        if (flowNode[u] > 1 && parent[2 * u] === -1) { parent[2 * u] = x; via[2 * u] = NODE; queue[tail++] = 2 * u; }
      } else { // in(u)
        if (flowSource[u] > 0) { found = u; break; }
        const y = 2 * u + 1;
        if (parent[y] === -1) { parent[y] = x; via[y] = NODE; queue[tail++] = y; }
        const pu = previousOnHost[u];
        if (pu >= 0 && flowChain[pu] > 0 && parent[2 * pu + 1] === -1) { parent[2 * pu + 1] = x; via[2 * pu + 1] = CHAIN; queue[tail++] = 2 * pu + 1; }
        for (let j = inStart[u]; j < inStart[u + 1]; j++) {
          const e = inEdges[j];
          if (flowMessage[e] > 0) {
            const z = 2 * messageSend[e] + 1;
            if (parent[z] === -1) { parent[z] = x; via[z] = e; queue[tail++] = z; }
          }
        }
      }
    }
    if (found < 0) return flow;
    // Push one unit from t to s along the path: forward residual edges gain flow, reverse ones lose it.
    flowSource[found]--;
    let x = 2 * found;
    while (parent[x] !== -2) {
      const p = parent[x], code = via[x];
      const pu = p >> 1, xu = x >> 1;
      if (p & 1) { // from out(pu) to x
        if (code === NODE) flowNode[pu]--;                 // out(u) → in(u): reverse node edge
        else if (code === CHAIN) flowChain[pu]++;          // out(u) → in(next u): forward
        else flowMessage[code]++;                          // out(send) → in(receive): forward
      } else {     // from in(pu) to x
        if (code === NODE) flowNode[pu]++;                 // in(u) → out(u): forward
        else if (code === CHAIN) flowChain[xu]--;          // in(u) → out(prev u): reverse
        else flowMessage[code]--;                          // in(receive) → out(send): reverse
      }
      x = p;
    }
    flowSink[x >> 1]--;
    flow--;
  }
}

/**
 * Notebook 43: how often a cluster with 3-replica shards shuts itself down under VoltDB-style
 * clique detection, against the fraction of nodes a partition isolates.
 * Run: `chronotope run notebooks/43-clique-shutdown.ts`.
 *
 * Sources:
 * - A. Alquraan, H. Takruri, M. Alfatafta, S. Al-Kiswany, "An Analysis of Network-Partitioning
 *   Failures in Cloud Systems", OSDI 2018: partition kinds, 88 % single-node isolation, and the
 *   systems (VoltDB among them) whose partition handling stops nodes that are in fact reachable.
 * - The rule modelled (src/failure-detection/cluster/clique-shutdown.ts): survivors are a maximum
 *   clique of mutual connectivity; the cluster stops when that clique lacks a replica of some
 *   shard (k-safety lost) or is not a strict majority.
 * - Exact probability for complete isolation: 1 − (1 − C(k,3)/C(n,3))^S, derived in that file and
 *   checked against Monte Carlo in test/failure-detection/cluster.test.ts.
 */
import * as Plot from '@observablehq/plot';
import { RandomStream } from '../src/core/random/index.ts';
import {
  clusterShutsDown, maximumClique, placeShards, shutdownProbabilityIsolated,
} from '../src/failure-detection/index.ts';
import { notebook, type TableRow } from '../src/notebook/index.ts';

/** The largest connected component when the links in `cut` (keys min·n + max) are gone. */
function largestComponent(n: number, cut: Set<number>): number[] {
  const seen = new Uint8Array(n);
  let best: number[] = [];
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    const comp = [s];
    seen[s] = 1;
    for (let h = 0; h < comp.length; h++) {
      const x = comp[h];
      for (let y = 0; y < n; y++) {
        if (!seen[y] && y !== x && !cut.has(Math.min(x, y) * n + Math.max(x, y))) { seen[y] = 1; comp.push(y); }
      }
    }
    if (comp.length > best.length) best = comp;
  }
  return best;
}

export default notebook(
  {
    title: 'When clique detection shuts the whole cluster down',
    summary: 'Shutdown probability of a 3-replica cluster against the fraction of isolated nodes, complete and partial partitions.',
    params: {
      nodes: { value: 16, min: 4, max: 31, integer: true, description: 'cluster nodes (1)' },
      shards: { value: 48, min: 1, max: 10_000, integer: true, description: 'shards, 3 replicas each (1)' },
      trials: { value: 400, min: 10, max: 1_000_000, integer: true, description: 'random partitions per point (1)' },
    },
    seed: 43,
  },
  (nb, { nodes, shards, trials }) => {
    nb.md`
      A cluster of ${nodes} nodes holds ${shards} shards, each replicated on 3 distinct random nodes.
      After a network failure every node keeps the **largest set of nodes that all see each other**
      (a maximum clique, as VoltDB's partition detection computes it) and the nodes outside it stop;
      the whole cluster stops when the clique has no replica of some shard, or is not a strict
      majority. We isolate a fraction of the nodes in two ways (seed ${nb.seed}, ${trials} random
      partitions per point):
      - **complete**: each affected node loses every link (88 % of partitions in Alquraan et al.
        isolate a single node);
      - **partial**: each affected node loses its links to a random half of the others but keeps
        the rest, so it stays reachable through them — yet the clique must leave it, or the nodes
        it cannot see, out;
      - **partial, relayed**: the same partial partitions, but nodes relay through alternate paths
        (as the mesh does), so every node of the largest connected component keeps serving.

      Clique detection treats a partially partitioned node exactly like a crashed or isolated one:
      the partial curve lies on the complete one. With relays, the same partitions leave the
      connectivity graph connected and the cluster keeps running (the table shows how often it
      still stops).
    `;
    const rng = new RandomStream(nb.seed, 0);
    const rows: TableRow[] = [];
    const progress = nb.progress('fractions', nodes);
    for (let isolated = 0; isolated < nodes; isolated++) {
      let downComplete = 0, downPartial = 0, downRelayed = 0, cliqueSum = 0;
      for (let t = 0; t < trials; t++) {
        const placement = placeShards(rng, nodes, shards, 3);
        // which nodes are affected: a random subset of size `isolated`
        const order = Array.from({ length: nodes }, (_, i) => i);
        for (let i = nodes - 1; i > 0; i--) { const j = rng.uniformInt(i + 1); [order[i], order[j]] = [order[j], order[i]]; }
        const affected = new Set(order.slice(0, isolated));
        const survivorsComplete = order.filter((x) => !affected.has(x));
        if (clusterShutsDown(nodes, survivorsComplete, placement)) downComplete++;
        // partial: each affected node drops links to a random half of the others
        const cut = new Set<number>();
        for (const x of affected) {
          for (let y = 0; y < nodes; y++) if (y !== x && rng.uniform() < 0.5) cut.add(Math.min(x, y) * nodes + Math.max(x, y));
        }
        const clique = maximumClique(nodes, (i, j) => !cut.has(Math.min(i, j) * nodes + Math.max(i, j)));
        cliqueSum += clique.length;
        if (clusterShutsDown(nodes, clique, placement)) downPartial++;
        // With relays through alternate paths, every node connected to the largest component
        // keeps serving: the survivors are that component, not a clique.
        if (clusterShutsDown(nodes, largestComponent(nodes, cut), placement)) downRelayed++;
      }
      rows.push({
        fraction: isolated / nodes, isolated,
        exact: shutdownProbabilityIsolated(nodes, isolated, shards, 3),
        complete: downComplete / trials, partial: downPartial / trials, relayed: downRelayed / trials,
        clique: cliqueSum / trials,
      });
      progress.tick();
    }
    progress.done();
    const table = nb.table('shutdown', rows, [
      { key: 'fraction', header: 'fraction of nodes affected (1)', digits: 3 },
      { key: 'isolated', header: 'nodes affected (1)' },
      { key: 'exact', header: 'P(shutdown), complete, exact (1)', digits: 4 },
      { key: 'complete', header: 'P(shutdown), complete, simulated (1)', digits: 4 },
      { key: 'partial', header: 'P(shutdown), partial, simulated (1)', digits: 4 },
      { key: 'relayed', header: 'P(shutdown), partial, relayed (1)', digits: 4 },
      { key: 'clique', header: 'mean surviving clique, partial (nodes)', digits: 4 },
    ], { caption: 'Probability that the whole cluster stops. Complete isolation has a closed form; partial partitions are simulated.' });
    const long = rows.flatMap((r) => [
      { fraction: r.fraction, kind: 'complete (exact)', p: r.exact },
      { fraction: r.fraction, kind: 'complete (simulated)', p: r.complete },
      { fraction: r.fraction, kind: 'partial (simulated)', p: r.partial },
      { fraction: r.fraction, kind: 'partial, relayed', p: r.relayed },
    ]);
    nb.figure('shutdown', {
      x: { label: 'fraction of nodes affected (1)', grid: true },
      y: { label: 'probability the cluster shuts down (1)', domain: [0, 1], grid: true },
      color: { domain: ['complete (exact)', 'complete (simulated)', 'partial (simulated)', 'partial, relayed'], range: ['#999', '#1b9e77', '#d95f02', '#7570b3'] },
      marks: [
        Plot.line(long.filter((d) => d.kind !== 'complete (simulated)'), { x: 'fraction', y: 'p', stroke: 'kind' }),
        Plot.dot(long.filter((d) => d.kind !== 'complete (exact)'), { x: 'fraction', y: 'p', fill: 'kind', r: 2.5 }),
        Plot.text(long.filter((d) => d.kind !== 'complete (simulated)' && d.fraction === rows[Math.floor(nodes / 4)].fraction),
          { x: 'fraction', y: 'p', text: 'kind', dx: 6, dy: -6, textAnchor: 'start', fill: 'kind' }),
      ],
    }, { caption: 'A partially partitioned node is still reachable from half the cluster, yet the clique leaves it out: the cluster stops as often as if the node were cut off completely. Relaying through alternate paths keeps it in.', data: table });
  },
);

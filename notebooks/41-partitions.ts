/**
 * Notebook 41: telling a crashed node from a failed link and from a partition, by asking through
 * alternate paths, against what a timeout can tell; and the two-leader election of a partial
 * partition. Run: `chronotope run notebooks/41-partitions.ts`.
 *
 * Sources:
 * - Partition kinds (complete, partial, simplex) and their shares among partition failures
 *   (69 %, 29 %, 2 %; 88 % isolate one node): A. Alquraan, H. Takruri, M. Alfatafta,
 *   S. Al-Kiswany, "An Analysis of Network-Partitioning Failures in Cloud Systems", OSDI 2018,
 *   §3; double leadership from naive elections under partial partitions: same paper, §5.1.
 * - Link states and the one-hop triangle: Open Atomic Ethernet specification ch. 3 ("It takes
 *   Two to Tango, and Three to Party"); the mesh is hardware-timing's mesh8 (8-neighbour grid).
 * - The classifier: src/failure-detection/mesh/alternate-path.ts.
 */
import * as Plot from '@observablehq/plot';
import { RandomStream } from '../src/core/random/index.ts';
import {
  ALQURAAN_2018, ConfusionMatrix, MeshFailures, alternatePathBelief, classify, classifyByTimeout, completeCluster,
  drawMeshScenario, electLeaders, gatherEvidence, leaderCount, timeoutBelief, type MeshScenarioName,
} from '../src/failure-detection/index.ts';
import { mesh8 } from '../src/hardware-timing/index.ts';
import { notebook, type TableRow } from '../src/notebook/index.ts';

const KINDS: readonly MeshScenarioName[] = [
  'crash', 'link-cut', 'link-oneway', 'complete-partition', 'partial-partition', 'simplex-partition', 'mixed',
];

export default notebook(
  {
    title: 'Crash, link or partition? Asking through alternate paths',
    summary: 'Classification accuracy by failure kind on an 8-neighbour mesh, against timeouts; two leaders under a partial partition.',
    params: {
      rows: { value: 8, min: 3, max: 32, integer: true, description: 'mesh rows (1)' },
      cols: { value: 8, min: 3, max: 32, integer: true, description: 'mesh columns (1)' },
      trials: { value: 1000, min: 10, max: 1_000_000, integer: true, description: 'failures drawn per kind (1)' },
      clusterSize: { value: 7, min: 3, max: 30, integer: true, description: 'nodes in the election cluster (1)' },
    },
    seed: 41,
  },
  (nb, { rows, cols, trials, clusterSize }) => {
    const mesh = mesh8({ rows, cols, wrap: true });
    nb.md`
      A node that stops hearing a neighbour has to decide *what* happened. A timeout can only say
      "silent": it calls everything a crash. On a mesh with one-hop detours (the triangles of an
      8-neighbour grid, here ${rows} × ${cols} with wrap-around) the node can instead ask: probe the
      direct link from both ends, ask b over other routes, and ask each common neighbour c how its own
      link to b is. The verdict needs no clock. We draw ${trials.toLocaleString('en-US')} failures of each
      kind (seed ${nb.seed}); partitions isolate one node with probability
      ${ALQURAAN_2018.singleNodeIsolation} and otherwise a block of 2–4 nodes (Alquraan et al.), and
      *mixed* weights complete, partial and simplex partitions ${ALQURAAN_2018.complete}/${ALQURAAN_2018.partial}/${ALQURAAN_2018.simplex}
      among a third of partitions, a third crashes and a third link failures.

      Broken lines either make the receiving PHY report **loss of signal** (a cut cable or dead
      fibre, "physical") or fail **silently** (a hung port); a crashed node's PHY keeps the line up.
    `;
    const rng = new RandomStream(nb.seed, 0);
    const accuracy: TableRow[] = [];
    let mixedPhysical: ConfusionMatrix | undefined;
    let mixedSilent: ConfusionMatrix | undefined;
    const progress = nb.progress('failure kinds', KINDS.length * 2);
    for (const physical of [true, false]) {
      for (const kind of KINDS) {
        const alt = new ConfusionMatrix();
        const timeout = new ConfusionMatrix();
        for (let k = 0; k < trials; k++) {
          const s = drawMeshScenario(mesh, kind, rng, physical);
          alt.add(s.truth, classify(gatherEvidence(mesh, s.failures, s.observer, s.suspect)));
          timeout.add(s.truth, classifyByTimeout(mesh, s.failures, s.observer, s.suspect));
        }
        if (kind === 'mixed') { if (physical) mixedPhysical = alt; else mixedSilent = alt; }
        const lines = physical ? 'loss of signal' : 'silent';
        accuracy.push({ kind, lines, detector: 'alternate path', accuracy: alt.accuracy });
        accuracy.push({ kind, lines, detector: 'timeout', accuracy: timeout.accuracy });
        progress.tick();
      }
    }
    progress.done();
    const acc = nb.table('accuracy-by-kind', accuracy, [
      { key: 'kind', header: 'failure kind' },
      { key: 'lines', header: 'broken lines' },
      { key: 'detector', header: 'detector' },
      { key: 'accuracy', header: 'accuracy (1)', digits: 4 },
    ], { caption: 'Fraction of failures given the right name. A timeout is right only about crashes.' });
    nb.figure('accuracy-by-kind', {
      marginLeft: 140,
      marginRight: 110,
      x: { label: 'classification accuracy (1)', domain: [0, 1], grid: true },
      y: { label: null },
      fy: { label: null },
      color: { domain: ['alternate path', 'timeout'], range: ['#1b9e77', '#d95f02'] },
      facet: { data: accuracy, y: 'lines' },
      marks: [
        Plot.barX(accuracy, { y: (d: TableRow) => `${d.kind} · ${d.detector === 'timeout' ? 'T' : 'A'}`, x: 'accuracy', fill: 'detector' }),
        Plot.ruleX([0]),
      ],
    }, { caption: 'Accuracy by failure kind (A: alternate path, T: timeout), with loss-of-signal reports (top) and with silent failures (bottom).', data: acc });

    const matrixRows = (m: ConfusionMatrix, lines: string): TableRow[] =>
      Object.entries(m.toJSON()).flatMap(([truth, row]) => Object.entries(row).map(([verdict, count]) => ({ lines, truth, verdict, count })));
    nb.table('confusion-mixed', [...matrixRows(mixedPhysical!, 'loss of signal'), ...matrixRows(mixedSilent!, 'silent')], [
      { key: 'lines', header: 'broken lines' },
      { key: 'truth', header: 'what happened' },
      { key: 'verdict', header: 'verdict' },
      { key: 'count', header: 'failures (1)' },
    ], { caption: 'Confusion matrix of the alternate-path detector on the mixed workload.' });
    nb.md`
      Where it goes wrong, and why it must: a node that hears **nothing** from b by any route cannot
      tell whether b is dead or cut off. With loss of signal it knows a line is broken (a partition);
      with silent failures a complete partition looks exactly like a crash. A simplex partition that
      lets a's side send but not hear looks like a complete one for the same reason. The claim "it is
      easy to determine whether the problem is a dead node or a network partition" holds when the
      physical layer reports broken lines, and not otherwise.

      ### Two leaders under a partial partition

      A cluster of ${clusterSize} nodes elects the highest id it believes alive. A partial partition
      cuts every link between group A (the lower ids) and group B (the highest ids), while the
      bridge group C in between still reaches both (Alquraan et al. §5.1 found double leaders this
      way). With heartbeats on the direct paths, A never hears B's nodes and elects C's highest;
      B elects its own. With alternate-path verdicts, A learns that B's nodes are alive but
      unreachable directly (a partial partition) and elects the same node as everyone else.
    `;
    const cluster = completeCluster(clusterSize);
    const election: TableRow[] = [];
    const erng = new RandomStream(nb.seed, 1);
    let naiveSplit = 0, detourSplit = 0;
    const electionTrials = Math.min(trials, 1000);
    for (let t = 0; t < electionTrials; t++) {
      // random sizes: |A| ≥ 1, |C| ≥ 1, |B| ≥ 1, ids in order A < C < B
      const a = 1 + erng.uniformInt(clusterSize - 2);
      const c = 1 + erng.uniformInt(clusterSize - a - 1);
      const f = new MeshFailures(clusterSize);
      for (let i = 0; i < a; i++) for (let j = a + c; j < clusterSize; j++) f.setLinkState(i, j, 'dead', false);
      const naive = leaderCount(electLeaders(clusterSize, f, timeoutBelief(f)));
      const detour = leaderCount(electLeaders(clusterSize, f, alternatePathBelief(cluster, f)));
      if (naive > 1) naiveSplit++;
      if (detour > 1) detourSplit++;
      if (t < 5) election.push({ groups: `A = ${a}, C = ${c}, B = ${clusterSize - a - c}`, naive, detour });
    }
    nb.table('election-examples', election, [
      { key: 'groups', header: 'group sizes' },
      { key: 'naive', header: 'leaders, timeout-based (1)' },
      { key: 'detour', header: 'leaders, alternate-path (1)' },
    ], { caption: 'The first five random partial partitions of the cluster.' });
    nb.table('election-summary', [
      { detector: 'timeout-based', trials: electionTrials, split: naiveSplit / electionTrials },
      { detector: 'alternate-path', trials: electionTrials, split: detourSplit / electionTrials },
    ], [
      { key: 'detector', header: 'failure detector' },
      { key: 'trials', header: 'partial partitions (1)' },
      { key: 'split', header: 'fraction with two leaders (1)', digits: 4 },
    ], { caption: 'Double leadership over random partial partitions (ids increase from A through C to B).' });
  },
);

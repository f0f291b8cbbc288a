/**
 * Notebook 13: the switchless octavalent mesh against the switched networks built today, by
 * structure: λ₂, spanning trees, hops, cable, ports and switches, and the chance that random
 * failures split the hosts. Run: `chronotope run notebooks/13-mesh-vs-clos.ts`
 * (`--param maxNodes=1024` for the full range; the default keeps `npm run figures` fast).
 *
 * Definitions and sources: see src/hardware-timing/topology (builders, with physical layout) and
 * topology/metrics (λ₂ and spanning trees by Kirchhoff's theorem, checked against closed forms;
 * bisection by max-flow; partition probability exact or Monte Carlo with 95% Wilson intervals).
 * Fat-trees exist only for k³/4 hosts, so each size class uses the largest ≤ N (16, 54, 250, 1024).
 */
import * as Plot from '@observablehq/plot';
import { notebook } from '../src/notebook/index.ts';
import {
  buildTopology, FAT_TREE_HOST_COUNTS, partitionProbability, topologyMetrics, type Topology,
} from '../src/hardware-timing/topology/index.ts';

interface Design {
  label: string;
  build(n: number): Topology;
}

const DESIGNS: readonly Design[] = [
  { label: 'mesh8 wrap', build: (n) => buildTopology({ kind: 'mesh8', nodes: n, wrap: true }) },
  { label: 'mesh8', build: (n) => buildTopology({ kind: 'mesh8', nodes: n }) },
  { label: 'torus', build: (n) => buildTopology({ kind: 'torus', nodes: n }) },
  { label: 'star', build: (n) => buildTopology({ kind: 'star', nodes: n }) },
  { label: 'clos', build: (n) => buildTopology({ kind: 'clos', nodes: n }) },
  { label: 'fat-tree', build: (n) => buildTopology({ kind: 'fat-tree', nodes: Math.max(...FAT_TREE_HOST_COUNTS.filter((h) => h <= n)) }) },
];

export default notebook(
  {
    title: 'Mesh against Clos: structure, cable and failures',
    summary: 'λ₂, spanning trees, hop counts, cable metres, ports, switches and partition probability for meshes, tori, stars, Clos networks and fat-trees.',
    params: {
      maxNodes: { value: 256, min: 16, max: 1024, integer: true, description: 'largest size (hosts): 16, 64, 256, 1024 up to this' },
      failureHosts: { value: 64, min: 16, max: 256, integer: true, description: 'network size (hosts) for the failure study' },
      maxFailedLinks: { value: 8, min: 1, max: 32, integer: true, description: 'failed links up to' },
      trials: { value: 2000, min: 100, integer: true, description: 'Monte Carlo trials per point' },
    },
    seed: 13,
  },
  (nb, { maxNodes, failureHosts, maxFailedLinks, trials }) => {
    const sizes = [16, 64, 256, 1024].filter((n) => n <= maxNodes);
    const task = nb.progress('topologies', sizes.length * DESIGNS.length);
    const rows = sizes.flatMap((n) => DESIGNS.map((d) => {
      const t = d.build(n);
      const m = topologyMetrics(t);
      task.tick();
      return { design: d.label, sizeClass: n, ...m, cableM: t.cableM };
    }));
    task.done();
    const table = nb.table('metrics', rows, [
      { key: 'design', header: 'design' },
      { key: 'sizeClass', header: 'size class (hosts)' },
      { key: 'hosts', header: 'hosts (1)' },
      { key: 'switches', header: 'switches (1)' },
      { key: 'links', header: 'links (1)' },
      { key: 'ports', header: 'ports (1)' },
      { key: 'diameter', header: 'diameter (hops)' },
      { key: 'meanHops', header: 'mean hops (hops)', digits: 4 },
      { key: 'bisectionLinks', header: 'bisection (links)' },
      { key: 'lambda2', header: 'λ₂ (1)', digits: 4 },
      { key: 'log10SpanningTrees', header: 'log10 spanning trees (1)', digits: 5 },
      { key: 'cableMPerNode', header: 'cable per host (m)', digits: 4 },
      { key: 'triangleFraction', header: 'links with a one-hop detour (fraction)', digits: 3 },
    ], { caption: 'Structure of each design at each size (all nodes, hosts and switches, count for λ₂ and spanning trees).' });
    nb.md`
      The octavalent mesh has no switches and every link has a one-hop detour (a triangle); the
      switched designs have triangle fraction 0, so a failed link always costs a longer detour.
      λ₂ (algebraic connectivity) bounds how hard the network is to cut (Fiedler 1973); the
      spanning-tree count measures how many independent ways it stays connected.
    `;
    const perHost = rows.map((r) => ({ ...r, log10TreesPerHost: r.log10SpanningTrees / r.hosts, portsPerHost: r.ports / r.hosts }));
    // One figure per metric against size, a line per design labelled at its right end.
    const bySize = (name: string, key: 'log10TreesPerHost' | 'cableMPerNode' | 'portsPerHost', label: string, caption: string) => nb.figure(name, {
      width: 720, height: 360, marginLeft: 60, marginRight: 90,
      x: { type: 'log', label: 'hosts (1)', grid: true },
      y: { label, grid: true },
      marks: [
        Plot.line(perHost, { x: 'hosts', y: key, z: 'design', stroke: 'black' }),
        Plot.dot(perHost, { x: 'hosts', y: key, fill: 'black', r: 2.5 }),
        Plot.text(perHost.filter((r) => r.sizeClass === sizes.at(-1)), { x: 'hosts', y: key, text: 'design', dx: 6, textAnchor: 'start' }),
      ],
    }, { caption, data: table });
    bySize('spanning-trees', 'log10TreesPerHost', 'log10 spanning trees per host (1)', 'Spanning trees per host (log10): redundancy of the whole network, normalised by its size.');
    bySize('cable', 'cableMPerNode', 'cable per host (m)', 'Cable per host, from the physical layouts (mesh: 0.5 m pitch, folded when wrapped; racks: 1U hosts, 0.6 m racks, tray routing).');
    bySize('ports', 'portsPerHost', 'ports per host (1)', 'Ports per host, switch ports included: the mesh spends 8 NIC ports per host and no switch.');

    // Partition probability against failed links, one network size.
    const failTask = nb.progress('partition probability', DESIGNS.length * maxFailedLinks);
    const failures = DESIGNS.flatMap((d, di) => {
      const t = d.build(failureHosts);
      return Array.from({ length: maxFailedLinks }, (_, i) => {
        const k = i + 1;
        const p = partitionProbability(t, k, 'links', { maxExact: 20_000, trials, seed: nb.seed, stream: 100 * di + k });
        failTask.tick();
        return { design: d.label, hosts: t.hostCount, failedLinks: k, probability: p.probability, low: p.low, high: p.high, method: p.method };
      });
    });
    failTask.done();
    const failTable = nb.table('partition', failures, [
      { key: 'design', header: 'design' },
      { key: 'hosts', header: 'hosts (1)' },
      { key: 'failedLinks', header: 'failed links (1)' },
      { key: 'probability', header: 'partition probability (1)', digits: 4 },
      { key: 'low', header: '95% low (1)', digits: 4 },
      { key: 'high', header: '95% high (1)', digits: 4 },
      { key: 'method', header: 'method' },
    ], { caption: `Probability that k random failed links split the hosts, ${failureHosts}-host size class (exact by enumeration when at most 20,000 sets, else ${trials} Monte Carlo trials).` });
    const ends = new Map<string, { failedLinks: number; probability: number; designs: string }>();
    for (const f of failures.filter((r) => r.failedLinks === maxFailedLinks)) {
      const key = f.probability.toFixed(2);
      const label = ends.get(key);
      if (label) label.designs += `, ${f.design}`;
      else ends.set(key, { failedLinks: maxFailedLinks, probability: f.probability, designs: f.design });
    }
    const labelsAtEnd = [...ends.values()];
    nb.figure('partition', {
      width: 720, height: 380, marginLeft: 60, marginRight: 160,
      x: { label: 'failed links (1)', ticks: Array.from({ length: maxFailedLinks }, (_, i) => i + 1), tickFormat: 'd' },
      y: { label: 'partition probability (1)', domain: [0, 1], grid: true },
      marks: [
        Plot.ruleX(failures, { x: 'failedLinks', y1: 'low', y2: 'high', stroke: '#999' }),
        Plot.line(failures, { x: 'failedLinks', y: 'probability', z: 'design', stroke: 'black' }),
        // Designs ending at the same value share one label.
        Plot.text(labelsAtEnd, { x: 'failedLinks', y: 'probability', text: 'designs', dx: 6, textAnchor: 'start' }),
      ],
    }, { caption: 'Every host link of a star, Clos or fat-tree is a single point of failure; the mesh needs all of a host\'s links to fail.', data: failTable });
  },
);

import type { RandomStream } from '../../core/random/index.ts';
import { MeshFailures, type LinkState, type MeshTopology } from './mesh-model.ts';
import type { Verdict } from './alternate-path.ts';

/** The failure scenarios on a mesh, by the CLI's scenario names. */
export const MESH_SCENARIOS = [
  'steady', 'crash', 'link-cut', 'link-oneway', 'complete-partition', 'partial-partition', 'simplex-partition', 'mixed',
] as const;
export type MeshScenarioName = (typeof MESH_SCENARIOS)[number];

/**
 * Network partitions in production systems, from Alquraan, Takruri, Alfatafta and Al-Kiswany,
 * "An Analysis of Network-Partitioning Failures in Cloud Systems", OSDI 2018, §3 (Table 2 and
 * the text): of the partitions that led to failures, 69 % were complete, 29 % partial and 2 %
 * simplex; 88 % of them were caused by isolating a single node.
 */
export const ALQURAAN_2018 = {
  complete: 0.69,
  partial: 0.29,
  simplex: 0.02,
  singleNodeIsolation: 0.88,
} as const;

/** One instance: the failures, who notices (a, watching its link to b), and the truth. */
export interface MeshScenarioInstance {
  readonly failures: MeshFailures;
  readonly observer: number;
  readonly suspect: number;
  readonly truth: Verdict;
  /** For link cuts: the state the link was put in. */
  readonly linkState?: LinkState;
}

function pick<T>(rng: RandomStream, items: readonly T[]): T {
  return items[rng.uniformInt(items.length)];
}

/**
 * The isolated group S around b: b alone with probability 0.88 (Alquraan et al.), else b and
 * one to three of its neighbours (a small connected block), never all nodes.
 */
function isolatedGroup(mesh: MeshTopology, rng: RandomStream, b: number): Set<number> {
  const group = new Set([b]);
  if (rng.uniform() < ALQURAAN_2018.singleNodeIsolation) return group;
  const extra = 1 + rng.uniformInt(3);
  for (let k = 0; k < extra; k++) {
    const frontier = [...group].flatMap((x) => mesh.neighbours(x)).filter((y) => !group.has(y));
    if (frontier.length === 0 || group.size + 1 >= mesh.nodeCount - 2) break;
    group.add(pick(rng, frontier));
  }
  return group;
}

/** Links crossing from S to the rest, as [inside, outside] pairs. */
function boundary(mesh: MeshTopology, group: Set<number>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const x of group) for (const y of mesh.neighbours(x)) if (!group.has(y)) out.push([x, y]);
  return out;
}

type Concrete = Exclude<MeshScenarioName, 'mixed'>;

/**
 * The mixed workload: crashes and single-link failures, and partitions weighted by Alquraan et
 * al. (complete 69 %, partial 29 %, simplex 2 %). The split between the three families
 * (crash 1/3, link 1/3, partition 1/3) is ours: the paper counts partitions only.
 */
function mixedKind(rng: RandomStream): Concrete {
  const u = rng.uniform();
  if (u < 1 / 3) return 'crash';
  if (u < 2 / 3) return rng.uniform() < 0.5 ? 'link-cut' : 'link-oneway';
  const v = rng.uniform();
  if (v < ALQURAAN_2018.complete) return 'complete-partition';
  if (v < ALQURAAN_2018.complete + ALQURAAN_2018.partial) return 'partial-partition';
  return 'simplex-partition';
}

/**
 * Draws one instance of a scenario. Physical breaks (cut cables, dead fibres) make the
 * receiving PHY report loss of signal when `physical` is true; with false every failure is
 * silent, the hard case.
 */
export function drawMeshScenario(
  mesh: MeshTopology, name: MeshScenarioName, rng: RandomStream, physical = true,
): MeshScenarioInstance {
  const kind: Concrete = name === 'mixed' ? mixedKind(rng) : name;
  const f = new MeshFailures(mesh.nodeCount);
  const b = rng.uniformInt(mesh.nodeCount);
  switch (kind) {
    case 'steady': {
      const a = pick(rng, mesh.neighbours(b));
      return { failures: f, observer: a, suspect: b, truth: 'none' };
    }
    case 'crash': {
      f.crash(b);
      return { failures: f, observer: pick(rng, mesh.neighbours(b)), suspect: b, truth: 'node-crash' };
    }
    case 'link-cut':
    case 'link-oneway': {
      const a = pick(rng, mesh.neighbours(b));
      const state: LinkState = kind === 'link-cut' ? 'dead' : rng.uniform() < 0.5 ? 'forward-only' : 'backward-only';
      f.setLinkState(a, b, state, physical);
      return { failures: f, observer: a, suspect: b, truth: kind === 'link-cut' ? 'link-both' : 'link-oneway', linkState: state };
    }
    case 'complete-partition': {
      const group = isolatedGroup(mesh, rng, b);
      const edges = boundary(mesh, group);
      for (const [x, y] of edges) f.setLinkState(x, y, 'dead', physical);
      const a = pick(rng, edges.filter(([x]) => x === b).map(([, y]) => y));
      return { failures: f, observer: a, suspect: b, truth: 'complete-partition' };
    }
    case 'partial-partition': {
      // S loses every link to the rest except those to one bridge node, which still reaches
      // both sides; the observer a is a node that lost its link to b and is not the bridge.
      const group = isolatedGroup(mesh, rng, b);
      const edges = boundary(mesh, group);
      const outside = [...new Set(edges.map(([, y]) => y))];
      const a = pick(rng, edges.filter(([x]) => x === b).map(([, y]) => y));
      const aNeighbours = new Set(mesh.neighbours(a));
      const far = outside.filter((y) => y !== a && !aNeighbours.has(y));
      const bridge = pick(rng, far.length > 0 ? far : outside.filter((y) => y !== a));
      for (const [x, y] of edges) if (y !== bridge) f.setLinkState(x, y, 'dead', physical);
      return { failures: f, observer: a, suspect: b, truth: 'partial-partition' };
    }
    case 'simplex-partition': {
      // Every link between S and the rest works in one direction only: out of S, or into it.
      const group = isolatedGroup(mesh, rng, b);
      const edges = boundary(mesh, group);
      const outOfGroup = rng.uniform() < 0.5;
      for (const [x, y] of edges) {
        if (outOfGroup) f.breakDirection(y, x, physical); else f.breakDirection(x, y, physical);
      }
      const a = pick(rng, edges.filter(([x]) => x === b).map(([, y]) => y));
      return { failures: f, observer: a, suspect: b, truth: 'simplex-partition' };
    }
  }
}

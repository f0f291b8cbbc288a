import { classify, gatherEvidence } from '../mesh/alternate-path.ts';
import type { MeshFailures, MeshTopology } from '../mesh/mesh-model.ts';

/** A complete graph of n nodes: a cluster in which every pair has its own path. */
export function completeCluster(n: number): MeshTopology {
  const lists = Array.from({ length: n }, (_, i) => Array.from({ length: n - 1 }, (_, k) => (k < i ? k : k + 1)));
  return { nodeCount: n, neighbours: (node) => lists[node] };
}

/**
 * The naive election Alquraan et al. (OSDI 2018, §5.1) find behind double leadership under
 * partial partitions: each node takes as leader the highest id it believes alive (itself
 * included). `believesAlive(i, j)` is the failure detector's answer at node i about j.
 * Returns each live node's leader.
 */
export function electLeaders(
  n: number, f: MeshFailures, believesAlive: (i: number, j: number) => boolean,
): Map<number, number> {
  const leaders = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (f.isCrashed(i)) continue;
    let leader = i;
    for (let j = 0; j < n; j++) if (j !== i && j > leader && believesAlive(i, j)) leader = j;
    leaders.set(i, leader);
  }
  return leaders;
}

/** A timeout-based detector: j is alive iff its heartbeats reach i on their own path. */
export function timeoutBelief(f: MeshFailures): (i: number, j: number) => boolean {
  return (i, j) => f.works(j, i);
}

/**
 * The alternate-path detector: when j's own path is silent, i asks around; j is alive unless
 * the verdict is a crash or a complete partition.
 */
export function alternatePathBelief(mesh: MeshTopology, f: MeshFailures): (i: number, j: number) => boolean {
  return (i, j) => {
    if (f.works(j, i) && f.works(i, j)) return true;
    const v = classify(gatherEvidence(mesh, f, i, j));
    return v !== 'node-crash' && v !== 'complete-partition';
  };
}

/** Distinct leaders elected. */
export function leaderCount(leaders: Map<number, number>): number {
  return new Set(leaders.values()).size;
}

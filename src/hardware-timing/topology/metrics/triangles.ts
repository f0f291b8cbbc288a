import type { Topology } from '../topology.ts';

/**
 * The fraction of links (a, b) that have a one-hop detour: a node c linked to both, so a and b
 * form a triangle ("two to tango, three to party"). 1 for the octavalent mesh, 0 for tori of
 * side ≥ 4, stars and the bipartite Clos and fat-tree.
 */
export function triangleFraction(t: Topology): number {
  if (t.linkCount === 0) return 0;
  const neighbourSets = t.nodes.map((node) => new Set(t.neighbours(node.id)));
  let withDetour = 0;
  for (const link of t.links) {
    const [small, large] = neighbourSets[link.a].size <= neighbourSets[link.b].size
      ? [neighbourSets[link.a], neighbourSets[link.b]] : [neighbourSets[link.b], neighbourSets[link.a]];
    for (const c of small) {
      if (large.has(c)) {
        withDetour++;
        break;
      }
    }
  }
  return withDetour / t.linkCount;
}

import { InputError } from '../../core/errors.ts';
import { exactlyOnceMessages } from './messages.ts';
import type { NetworkGraph } from './network.ts';

/**
 * A stand-in for `mesh8({ rows, cols, wrap: true })` of `hardware-timing/topology` until that
 * lands on this branch: the 8-neighbour mesh with wrap-around on a √N × √N grid, nodes 0.5 m
 * apart (diagonal cables √2 × 0.5 m). It exists only so the experiment can run; replace its uses
 * by the topology module's builder (same node numbering, row-major).
 */
export function standInMesh8(nodes: number, pitchM = 0.5): NetworkGraph {
  const side = Math.round(Math.sqrt(nodes));
  if (!Number.isSafeInteger(nodes) || side * side !== nodes || side < 3) {
    throw new InputError(exactlyOnceMessages.badOption('nodes', nodes, 'a square number of nodes ≥ 9 (the mesh is √N × √N with wrap-around)'));
  }
  const id = (r: number, c: number) => ((r + side) % side) * side + ((c + side) % side);
  const links: { a: number; b: number; lengthM: number }[] = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      for (const [dr, dc] of [[0, 1], [1, 0], [1, 1], [1, -1]]) {
        links.push({ a: id(r, c), b: id(r + dr, c + dc), lengthM: dr !== 0 && dc !== 0 ? pitchM * Math.SQRT2 : pitchM });
      }
    }
  }
  return { nodeCount: nodes, links };
}

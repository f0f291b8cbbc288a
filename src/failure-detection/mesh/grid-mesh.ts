import type { MeshTopology } from './mesh-model.ts';

/**
 * A stand-in 8-neighbour (octavalent) grid, rows × cols, optionally wrapped: node r·cols + c
 * is linked to the (up to) eight nodes around it, in the port order N, NE, E, SE, S, SW, W, NW.
 * It implements only `MeshTopology`; once issue 6's `mesh8` (src/hardware-timing/topology)
 * lands on main, the detectors run on that instead (it has the same `neighbours`).
 */
export function gridMesh(rows: number, cols: number, wrap: boolean): MeshTopology {
  if (!(Number.isSafeInteger(rows) && Number.isSafeInteger(cols) && rows >= 2 && cols >= 2)) {
    throw new RangeError(`grid mesh: rows and cols expected integers >= 2, got ${rows} × ${cols}`);
  }
  if (wrap && (rows < 3 || cols < 3)) throw new RangeError('grid mesh: wrap needs rows and cols >= 3');
  const table: number[][] = [];
  const steps = [[-1, 0], [-1, 1], [0, 1], [1, 1], [1, 0], [1, -1], [0, -1], [-1, -1]];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const out: number[] = [];
      for (const [dr, dc] of steps) {
        let rr = r + dr, cc = c + dc;
        if (wrap) { rr = (rr + rows) % rows; cc = (cc + cols) % cols; }
        if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) continue;
        const id = rr * cols + cc;
        if (!out.includes(id)) out.push(id);
      }
      table.push(out);
    }
  }
  return { nodeCount: rows * cols, neighbours: (node) => table[node] };
}

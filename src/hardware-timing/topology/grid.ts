import { InputError } from '../../core/errors.ts';
import { topologyMessages } from './messages.ts';
import { DEFAULT_MESH_PITCH_M } from './physical.ts';
import { straightM, TopologyBuilder, type Topology } from './topology.ts';

/** Largest grid side the builders accept (2^12 × 2^12 nodes is already far past what the metrics handle). */
export const MAX_GRID_SIDE = 4096;

export interface GridOptions {
  rows: number;
  cols: number;
  /** Distance between neighbouring nodes on the plane, metres (default 0.5). */
  pitchM?: number;
}

export interface Mesh8Options extends GridOptions {
  /** Wrap-around links from the last row and column to the first (a torus of 8 neighbours). */
  wrap?: boolean;
}

/**
 * Slot of position i of a ring of n in a *folded* layout: 0, 2, 4, … out and …, 5, 3, 1 back, so
 * that ring neighbours, including the wrap-around pair (n − 1, 0), are at most two pitches apart.
 * This is how tori are built with short cables (Dally & Towles, "Principles and Practices of
 * Interconnection Networks", 2004, §5.3, folded torus).
 */
export function foldedSlot(i: number, n: number): number {
  const half = Math.ceil(n / 2);
  return i < half ? 2 * i : 2 * (n - 1 - i) + 1;
}

function checkGrid(o: GridOptions, wrap: boolean): number {
  const min = wrap ? 3 : 1;
  for (const field of ['rows', 'cols'] as const) {
    const v = o[field];
    if (!Number.isSafeInteger(v) || v < min || v > MAX_GRID_SIDE) {
      throw new InputError(topologyMessages.badInteger(field, v, min, MAX_GRID_SIDE));
    }
  }
  const pitchM = o.pitchM ?? DEFAULT_MESH_PITCH_M;
  if (!(Number.isFinite(pitchM) && pitchM > 0)) throw new InputError(topologyMessages.badPositive('pitchM', pitchM));
  return pitchM;
}

/**
 * Lays rows × cols hosts on a plane and links each to the neighbours given by `offsets`
 * (dr, dc pairs, each listed once per undirected direction), with or without wrap-around.
 * Without wrap, nodes sit on a square grid of the pitch; with wrap, each axis is folded
 * (`foldedSlot`) so no cable is longer than about 2√2 pitches. Cables run straight from box to box.
 */
function grid(o: GridOptions, wrap: boolean, offsets: readonly (readonly [number, number])[]): TopologyBuilder {
  const pitchM = checkGrid(o, wrap);
  const { rows, cols } = o;
  const b = new TopologyBuilder();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = (wrap ? foldedSlot(c, cols) : c) * pitchM;
      const y = (wrap ? foldedSlot(r, rows) : r) * pitchM;
      b.addNode(`h${r * cols + c}`, 'host', x, y);
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      for (const [dr, dc] of offsets) {
        let r2 = r + dr;
        let c2 = c + dc;
        if (wrap) {
          r2 = (r2 + rows) % rows;
          c2 = (c2 + cols) % cols;
        } else if (r2 < 0 || r2 >= rows || c2 < 0 || c2 >= cols) {
          continue;
        }
        const a = r * cols + c;
        const z = r2 * cols + c2;
        // With wrap on a 3-wide axis, (r, c) → (r, c+1) and (r, c+1) → (r, c+2 ≡ c − 1)... are
        // distinct pairs, but a pair can be reached from both ends: add each cable once.
        if (!b.hasLink(a, z)) b.addLink(a, z, straightM(b.node(a), b.node(z)));
      }
    }
  }
  return b;
}

/** East, north-east, north, north-west: with their opposites (added from the other end) the 8 neighbours. */
const EIGHT: readonly (readonly [number, number])[] = [[0, 1], [1, 1], [1, 0], [1, -1]];
/** East and north: with their opposites the 4 neighbours. */
const FOUR: readonly (readonly [number, number])[] = [[0, 1], [1, 0]];

/**
 * The octavalent mesh of atomic Ethernet: hosts on a rows × cols grid, each linked to its 8
 * neighbours (orthogonal and diagonal). Without wrap, border nodes have 3 or 5 links; with wrap
 * (rows, cols ≥ 3), every node has 8.
 */
export function mesh8(o: Mesh8Options): Topology {
  const wrap = o.wrap ?? false;
  const b = grid(o, wrap, EIGHT);
  return b.build('mesh8', `mesh8 ${o.rows}×${o.cols}${wrap ? ' wrap' : ''}, pitch ${o.pitchM ?? DEFAULT_MESH_PITCH_M} m`);
}

/** The 4-neighbour 2-D torus: a rows × cols grid with wrap-around (rows, cols ≥ 3), folded layout. */
export function torus(o: GridOptions): Topology {
  const b = grid(o, true, FOUR);
  return b.build('torus', `torus ${o.rows}×${o.cols}, pitch ${o.pitchM ?? DEFAULT_MESH_PITCH_M} m`);
}

/**
 * The grid shape for N nodes: √N × √N when N is a square, else the factor pair r × c (r ≤ c)
 * closest to square.
 */
export function gridShape(nodes: number): { rows: number; cols: number } {
  let rows = Math.floor(Math.sqrt(nodes));
  while (rows > 1 && nodes % rows !== 0) rows--;
  return { rows, cols: nodes / rows };
}

/**
 * Notebook 11: how many ways a small network can fail, and how many of them a node can tell apart.
 * Run: `chronotope run notebooks/11-failure-modes.ts`.
 *
 * Counting:
 * - Each link has 4 states (both directions up, either one down, both down), so L links have
 *   4^L − 1 failure modes (every state but all-up). With L(n) = min(C(n,2), 4n): a complete graph
 *   up to n = 9, and the octavalent mesh's 4n links (8 neighbours, each link shared) beyond.
 * - What the nodes can observe is who can reach whom: the transitive closure of the working
 *   directed links. Distinct closures are counted here by enumerating all 2^(n(n−1)) directed
 *   graphs. Every reflexive-transitive relation (preorder) is its own closure, so the counts must
 *   be the number of preorders on n labelled points, OEIS A000798 (1, 4, 29, 355, 6942), and up to
 *   relabelling A001930 (1, 3, 9, 33, 139); the test checks them.
 */
import * as Plot from '@observablehq/plot';
import { notebook } from '../src/notebook/index.ts';

function binomial2(n: number): number {
  return (n * (n - 1)) / 2;
}

/** Reachability (transitive closure, as a bit matrix packed in one integer) of a directed graph given by its edge mask. */
const rows = new Int32Array(8);
function closureCode(n: number, edgeMask: number, edges: ReadonlyArray<[number, number]>): number {
  rows.fill(0);
  for (let e = 0; e < edges.length; e++) if (edgeMask & (1 << e)) rows[edges[e][0]] |= 1 << edges[e][1];
  // Warshall's algorithm on bit rows.
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) if (rows[i] & (1 << k)) rows[i] |= rows[k];
  let code = 0;
  for (let i = 0; i < n; i++) code += rows[i] * 2 ** (n * i);
  return code;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

/** The smallest code of a relation over all relabellings: equal for isomorphic relations. */
function canonical(n: number, code: number, perms: number[][]): number {
  const rows = Array.from({ length: n }, (_, i) => Math.floor(code / 2 ** (n * i)) % 2 ** n);
  let best = Infinity;
  for (const p of perms) {
    let c = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let j = 0; j < n; j++) if (rows[i] & (1 << j)) row |= 1 << p[j];
      c += row * 2 ** (n * p[i]);
    }
    if (c < best) best = c;
  }
  return best;
}

export default notebook(
  {
    title: 'Failure modes and what nodes can tell apart',
    summary: '4^L − 1 failure modes of L links, against the exact number of distinct reachability patterns the nodes can observe.',
    params: {
      maxEnumerateNodes: { value: 5, min: 1, max: 5, integer: true, description: 'largest n enumerated (2^(n(n−1)) graphs)' },
    },
    seed: 1,
  },
  (nb, { maxEnumerateNodes }) => {
    const modes = Array.from({ length: 8 }, (_, i) => {
      const n = i + 2;
      const links = Math.min(binomial2(n), 4 * n);
      const count = 4n ** BigInt(links) - 1n;
      return { n, pairs: binomial2(n), meshLinks: 4 * n, links, modes: count.toString(), log10Modes: links * Math.log10(4) };
    });
    const modeTable = nb.table('failure-modes', modes, [
      { key: 'n', header: 'nodes (1)' },
      { key: 'pairs', header: 'C(n,2) (links)' },
      { key: 'meshLinks', header: '4n (links)' },
      { key: 'links', header: 'L(n) (links)' },
      { key: 'modes', header: '4^L − 1 (exact)' },
      { key: 'log10Modes', header: 'log10 of 4^L (1)', digits: 5 },
    ], { caption: 'Failure modes: each link in one of 4 states, all-up excluded.' });
    nb.figure('failure-modes', {
      width: 640, height: 320, marginLeft: 60,
      x: { label: 'nodes (1)', ticks: modes.map((m) => m.n) },
      y: { label: 'log10 of failure modes (1)', grid: true },
      marks: [Plot.line(modes, { x: 'n', y: 'log10Modes' }), Plot.dot(modes, { x: 'n', y: 'log10Modes', fill: 'black' })],
    }, { caption: 'The number of failure modes grows as 4^L: past 10^21 at 9 nodes.', data: modeTable });

    const task = nb.progress('reachability patterns', maxEnumerateNodes);
    const patterns = [];
    for (let n = 1; n <= maxEnumerateNodes; n++) {
      const edges: Array<[number, number]> = [];
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) edges.push([a, b]);
      const distinct = new Set<number>();
      for (let mask = 0; mask < 2 ** edges.length; mask++) distinct.add(closureCode(n, mask, edges));
      const perms = permutations(n);
      const unlabelled = new Set<number>();
      for (const code of distinct) unlabelled.add(canonical(n, code, perms));
      patterns.push({ n, directedLinks: edges.length, graphs: 2 ** edges.length, labelled: distinct.size, unlabelled: unlabelled.size });
      task.tick();
    }
    task.done();
    nb.table('reachability-patterns', patterns, [
      { key: 'n', header: 'nodes (1)' },
      { key: 'directedLinks', header: 'directed links (1)' },
      { key: 'graphs', header: 'link-state patterns (1)' },
      { key: 'labelled', header: 'distinct reachability relations (1)' },
      { key: 'unlabelled', header: 'distinct up to relabelling (1)' },
    ], { caption: 'Exact enumeration: every pattern of working directed links, reduced to who can reach whom.' });
    const four = patterns.find((p) => p.n === 4);
    nb.md`
      ## Four nodes, honestly

      Figures of "over 1,200" and "1,295" failure patterns circulate for four nodes. The exact
      counts here are: **${modes[2].modes}** failure modes of the six links (4^6 − 1);
      ${four ? `**${four.labelled}** distinct reachability relations the nodes could observe, or
      **${four.unlabelled}** up to relabelling the nodes` : 'enumeration above n = 3 was switched off'}.
      Neither circulating figure matches any of these counts, and we could not derive either
      (1,295 is 6⁴ − 1, but no six-state-per-node model is stated alongside it); we report the
      enumerated numbers and leave those figures unconfirmed.
    `;
  },
);

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  TopologyBuilder, mesh8, torus, star, clos, fatTree, spectrum, hostHops, bisectionLinks, minCutLinks,
  triangleFraction, partitionProbability, topologyMetrics, binomial, type Topology,
} from '../../../../src/hardware-timing/index.ts';
import { InputError } from '../../../../src/core/errors.ts';

// Closed forms used below (Laplacian spectra: Godsil & Royle, "Algebraic Graph Theory", 2001,
// §13.1–13.2; Cvetković, Doob & Sachs, "Spectra of Graphs", 1980, §2.6 and §2.5 for products):
// - complete graph K_n: eigenvalues 0 and n (n − 1 times); τ = n^(n−2) (Cayley 1889).
// - cycle C_n: 2 − 2cos(2πk/n), k = 0…n−1; τ = n.
// - hypercube Q_d: 2i with multiplicity C(d, i); τ = 2^(2^d − d − 1) ∏_{i=1..d} i^C(d,i)
//   (Harary, Hayes & Wu, "A survey of the theory of hypercube graphs", 1988).
// - grid P_r × P_c: (2 − 2cos(πi/r)) + (2 − 2cos(πj/c)); torus C_r × C_c: the same with 2πi/r, 2πj/c
//   (Laplacian of a Cartesian product = sums of the factors' eigenvalues).
// - 8-neighbour torus C_r ⊠ C_c (strong product): adjacency (A_r + I) ⊗ (A_c + I) − I, so the
//   Laplacian eigenvalues are 9 − (1 + 2cos(2πi/r))(1 + 2cos(2πj/c)).
// τ = (1/n) ∏ of the nonzero eigenvalues (Kirchhoff's matrix-tree theorem).

function custom(n: number, edges: Array<[number, number]>): Topology {
  const b = new TopologyBuilder();
  for (let i = 0; i < n; i++) b.addNode(`h${i}`, 'host', i, 0);
  for (const [a, c] of edges) b.addLink(a, c, 1);
  return b.build('custom', 'test graph');
}
const complete = (n: number) => custom(n, Array.from({ length: n }, (_, a) => Array.from({ length: n - a - 1 }, (_, j) => [a, a + j + 1] as [number, number])).flat());
const cycle = (n: number) => custom(n, Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as [number, number]));
const hypercube = (d: number) => {
  const edges: Array<[number, number]> = [];
  for (let v = 0; v < 2 ** d; v++) for (let b = 0; b < d; b++) if (!(v & (1 << b))) edges.push([v, v | (1 << b)]);
  return custom(2 ** d, edges);
};
const grid = (r: number, c: number) => {
  const edges: Array<[number, number]> = [];
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
    if (j + 1 < c) edges.push([i * c + j, i * c + j + 1]);
    if (i + 1 < r) edges.push([i * c + j, (i + 1) * c + j]);
  }
  return custom(r * c, edges);
};

function fromEigenvalues(ev: number[]): { lambda2: number; log10: number } {
  const sorted = [...ev].sort((a, b) => a - b);
  const log10 = sorted.slice(1).reduce((s, x) => s + Math.log10(x), 0) - Math.log10(ev.length);
  return { lambda2: sorted[1], log10 };
}
const pathEig = (n: number) => Array.from({ length: n }, (_, i) => 2 - 2 * Math.cos((Math.PI * i) / n));
const cycleEig = (n: number) => Array.from({ length: n }, (_, i) => 2 - 2 * Math.cos((2 * Math.PI * i) / n));
const sums = (a: number[], b: number[]) => a.flatMap((x) => b.map((y) => x + y));

function check(t: Topology, lambda2: number, log10: number, label: string): void {
  for (const method of ['eigen', 'cholesky'] as const) {
    const s = spectrum(t, method);
    assert.ok(Math.abs(s.lambda2 - lambda2) <= 1e-8 * Math.max(1, lambda2), `${label} ${method}: λ₂ ${s.lambda2} vs ${lambda2}`);
    assert.ok(Math.abs(s.log10SpanningTrees - log10) <= 1e-9 * Math.max(1, Math.abs(log10)), `${label} ${method}: log10 τ ${s.log10SpanningTrees} vs ${log10}`);
  }
}

test('complete graphs: λ₂ = n and n^(n−2) spanning trees', () => {
  for (const n of [3, 5, 9, 16]) check(complete(n), n, (n - 2) * Math.log10(n), `K${n}`);
  // The 3 × 3 octavalent mesh with wrap-around is K9.
  check(mesh8({ rows: 3, cols: 3, wrap: true }), 9, 7 * Math.log10(9), 'mesh8 3×3 wrap');
});

test('cycles: λ₂ = 2 − 2cos(2π/n), n spanning trees', () => {
  for (const n of [4, 7, 20]) check(cycle(n), 2 - 2 * Math.cos((2 * Math.PI) / n), Math.log10(n), `C${n}`);
});

test('hypercubes: λ₂ = 2, τ = 2^(2^d−d−1) ∏ i^C(d,i)', () => {
  for (const d of [2, 3, 4, 5]) {
    let log10 = (2 ** d - d - 1) * Math.log10(2);
    for (let i = 1; i <= d; i++) log10 += binomial(d, i) * Math.log10(i);
    check(hypercube(d), 2, log10, `Q${d}`);
  }
});

test('grids and tori: eigenvalues are sums of the path\'s and the cycle\'s', () => {
  for (const [r, c] of [[3, 4], [5, 5], [4, 7]]) {
    const g = fromEigenvalues(sums(pathEig(r), pathEig(c)));
    check(grid(r, c), g.lambda2, g.log10, `P${r}×P${c}`);
    const tor = fromEigenvalues(sums(cycleEig(r), cycleEig(c)));
    check(torus({ rows: r, cols: c }), tor.lambda2, tor.log10, `C${r}×C${c}`);
  }
});

test('octavalent torus (strong product of cycles): 9 − (1 + 2cos 2πi/r)(1 + 2cos 2πj/c)', () => {
  for (const [r, c] of [[4, 4], [5, 6], [8, 8]]) {
    const ev: number[] = [];
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) ev.push(9 - (1 + 2 * Math.cos((2 * Math.PI * i) / r)) * (1 + 2 * Math.cos((2 * Math.PI * j) / c)));
    const e = fromEigenvalues(ev);
    check(mesh8({ rows: r, cols: c, wrap: true }), e.lambda2, e.log10, `mesh8 ${r}×${c} wrap`);
  }
});

test('hop metrics: closed forms for star, cycle, fat-tree', () => {
  assert.deepEqual(hostHops(star({ hosts: 10 })), { diameter: 2, meanHops: 2 });
  // C_n, n odd: mean distance (n + 1) / 4 (each distance 1 … (n−1)/2 twice).
  assert.equal(hostHops(cycle(9)).meanHops, 10 / 4);
  assert.equal(hostHops(cycle(9)).diameter, 4);
  // 4-ary fat-tree: of 15 other hosts, 1 at 2 hops, 2 at 4, 12 at 6.
  const ft = hostHops(fatTree({ k: 4 }));
  assert.equal(ft.diameter, 6);
  assert.ok(Math.abs(ft.meanHops - (1 * 2 + 2 * 4 + 12 * 6) / 15) < 1e-12);
});

function exhaustiveBisection(t: Topology): number {
  const n = t.hostCount;
  let best = Infinity;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let ones = 0;
    for (let m = mask; m; m &= m - 1) ones++;
    if (ones !== Math.floor(n / 2) || (mask & 1) === 0) continue;
    let cut = 0;
    for (const l of t.links) if (((mask >> l.a) & 1) !== ((mask >> l.b) & 1)) cut++;
    best = Math.min(best, cut);
  }
  return best;
}

test('bisection: equals exhaustive search on small meshes and tori; closed forms for star, Clos, fat-tree', () => {
  for (const t of [mesh8({ rows: 4, cols: 4 }), mesh8({ rows: 4, cols: 4, wrap: true }), torus({ rows: 4, cols: 4 }), torus({ rows: 3, cols: 6 }), mesh8({ rows: 3, cols: 6 })]) {
    assert.equal(bisectionLinks(t), exhaustiveBisection(t), t.description);
  }
  // Star: the switch sides with one half, so the other half's N/2 links are cut.
  assert.equal(bisectionLinks(star({ hosts: 16 })), 8);
  // Non-blocking Clos and fat-trees have full bisection: N/2 (Al-Fares et al. 2008 §2.1).
  assert.equal(bisectionLinks(clos({ hosts: 32, hostsPerLeaf: 8, spines: 8 })), 16);
  assert.equal(bisectionLinks(fatTree({ k: 4 })), 8);
  assert.equal(bisectionLinks(fatTree({ k: 6 })), 27);
  // A k×k 8-neighbour grid without wrap: a straight cut crosses 3k − 2 links.
  assert.equal(bisectionLinks(mesh8({ rows: 8, cols: 8 })), 22);
  assert.equal(minCutLinks(cycle(6), [0], [3]), 2);
});

test('triangle fraction: 1 for the octavalent mesh, 0 for tori (side ≥ 4), stars and the bipartite Clos', () => {
  assert.equal(triangleFraction(mesh8({ rows: 6, cols: 6, wrap: true })), 1);
  assert.equal(triangleFraction(mesh8({ rows: 6, cols: 6 })), 1);
  assert.equal(triangleFraction(torus({ rows: 5, cols: 5 })), 0);
  assert.equal(triangleFraction(star({ hosts: 5 })), 0);
  assert.equal(triangleFraction(fatTree({ k: 4 })), 0);
  assert.equal(triangleFraction(complete(4)), 1);
});

test('partition probability: exact closed forms', () => {
  // A cycle survives any one link failure and splits on any two.
  assert.equal(partitionProbability(cycle(8), 1).probability, 0);
  assert.equal(partitionProbability(cycle(8), 2).probability, 1);
  // A star: any failed link strands a host; one failed node splits only if it is the switch.
  assert.equal(partitionProbability(star({ hosts: 9 }), 1).probability, 1);
  assert.equal(partitionProbability(star({ hosts: 9 }), 1, 'nodes').probability, 1 / 10);
  // K4 with 3 failed links of 6: split unless the 3 survivors form a spanning tree (16 of C(6,3) = 20).
  assert.equal(partitionProbability(complete(4), 3).probability, 4 / 20);
});

test('partition probability: Monte Carlo agrees with exact enumeration within its interval', () => {
  for (const [t, k, target] of [
    [mesh8({ rows: 4, cols: 4 }), 4, 'links'], [torus({ rows: 4, cols: 4 }), 3, 'links'],
    [fatTree({ k: 4 }), 3, 'links'], [torus({ rows: 3, cols: 4 }), 2, 'nodes'],
  ] as Array<[Topology, number, 'links' | 'nodes']>) {
    const exact = partitionProbability(t, k, target, { method: 'exact' });
    const mc = partitionProbability(t, k, target, { method: 'monte-carlo', trials: 20_000, seed: 5 });
    assert.equal(exact.method, 'exact');
    assert.equal(exact.samples, binomial(target === 'links' ? t.linkCount : t.nodeCount, k));
    assert.ok(mc.low <= exact.probability && exact.probability <= mc.high, `${t.description} k=${k}: exact ${exact.probability}, MC [${mc.low}, ${mc.high}]`);
    assert.ok(Math.abs(mc.probability - exact.probability) <= 4 * Math.sqrt(exact.probability * (1 - exact.probability) / 20_000) + 1e-12);
  }
  assert.throws(() => partitionProbability(cycle(5), 6), (e: unknown) => e instanceof InputError && /from 0 to 5, got 6/.test(e.message));
});

test('topologyMetrics: a 64-node octavalent torus', () => {
  const m = topologyMetrics(mesh8({ rows: 8, cols: 8, wrap: true }));
  assert.equal(m.nodes, 64);
  assert.equal(m.links, 256);
  assert.equal(m.diameter, 4); // Chebyshev distance on an 8-ring: at most 4
  assert.equal(m.bisectionLinks, 2 * 3 * 8); // two straight cuts of 3 links per row
  assert.equal(m.triangleFraction, 1);
  assert.equal(m.ports, 512);
  assert.equal(m.switches, 0);
});

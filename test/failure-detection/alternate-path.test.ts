import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RandomStream } from '../../src/core/random/index.ts';
import { mesh8 } from '../../src/hardware-timing/index.ts';
import { LINK_STATES, MeshFailures } from '../../src/failure-detection/mesh/mesh-model.ts';
import { classify, classifyByTimeout, gatherEvidence, type Verdict } from '../../src/failure-detection/mesh/alternate-path.ts';
import { drawMeshScenario } from '../../src/failure-detection/mesh/mesh-scenarios.ts';
import { ConfusionMatrix } from '../../src/failure-detection/mesh/confusion-matrix.ts';
import { VerdictBoard } from '../../src/failure-detection/mesh/verdict-board.ts';

const expectedForState: Record<string, Verdict> = { up: 'none', 'forward-only': 'link-oneway', 'backward-only': 'link-oneway', dead: 'link-both' };

test('exhaustive on a 4 × 4 mesh: every link in each of the 4 link states, silent or physical, from both ends', () => {
  const mesh = mesh8({ rows: 4, cols: 4, wrap: false });
  let cases = 0;
  for (let a = 0; a < mesh.nodeCount; a++) {
    for (const b of mesh.neighbours(a)) {
      for (const state of LINK_STATES) {
        for (const physical of [false, true]) {
          const f = new MeshFailures(mesh.nodeCount);
          f.setLinkState(a, b, state, physical);
          assert.equal(classify(gatherEvidence(mesh, f, a, b)), expectedForState[state], `${a}–${b} ${state}`);
          cases++;
        }
      }
    }
  }
  assert.equal(cases, 2 * 42 * 4 * 2); // 42 links in a 4 × 4 octavalent grid, seen from both ends
});

test('exhaustive: every node crash is a node crash for every neighbour, with or without wrap', () => {
  for (const mesh of [mesh8({ rows: 4, cols: 4, wrap: false }), mesh8({ rows: 4, cols: 5, wrap: true })]) {
    for (let b = 0; b < mesh.nodeCount; b++) {
      const f = new MeshFailures(mesh.nodeCount);
      f.crash(b);
      for (const a of mesh.neighbours(b)) assert.equal(classify(gatherEvidence(mesh, f, a, b)), 'node-crash');
    }
  }
});

test('a timeout-based detector calls every silence a crash', () => {
  const mesh = mesh8({ rows: 4, cols: 4, wrap: false });
  const f = new MeshFailures(mesh.nodeCount);
  f.setLinkState(0, 1, 'dead', true);
  assert.equal(classifyByTimeout(mesh, f, 0, 1), 'node-crash');
  assert.equal(classify(gatherEvidence(mesh, f, 0, 1)), 'link-both');
});

test('partitions with physical breaks: complete and partial always right; simplex right when b can still send', () => {
  const mesh = mesh8({ rows: 6, cols: 6, wrap: true });
  const rng = new RandomStream(3, 0);
  for (const [name, truth] of [['complete-partition', 'complete-partition'], ['partial-partition', 'partial-partition']] as const) {
    for (let k = 0; k < 200; k++) {
      const s = drawMeshScenario(mesh, name, rng);
      assert.equal(s.truth, truth);
      assert.equal(classify(gatherEvidence(mesh, s.failures, s.observer, s.suspect)), truth, `${name} #${k}`);
    }
  }
  const m = new ConfusionMatrix();
  for (let k = 0; k < 400; k++) {
    const s = drawMeshScenario(mesh, 'simplex-partition', rng);
    m.add(s.truth, classify(gatherEvidence(mesh, s.failures, s.observer, s.suspect)));
  }
  // Half the instances let the group send out (detected as simplex); in the other half the
  // observer hears nothing from b, which it cannot tell from a complete partition.
  const row = m.toJSON()['simplex-partition'];
  assert.deepEqual(Object.keys(row).sort(), ['complete-partition', 'simplex-partition']);
  assert.ok(m.accuracy > 0.4 && m.accuracy < 0.6, `${m.accuracy}`);
});

test('silent partitions look like crashes (the limit the matrix reports)', () => {
  const mesh = mesh8({ rows: 6, cols: 6, wrap: true });
  const rng = new RandomStream(4, 0);
  for (let k = 0; k < 50; k++) {
    const s = drawMeshScenario(mesh, 'complete-partition', rng, false);
    assert.equal(classify(gatherEvidence(mesh, s.failures, s.observer, s.suspect)), 'node-crash');
  }
});

test('property: on random meshes and single-link states, the verdict follows the link state', () => {
  fc.assert(fc.property(
    fc.integer({ min: 3, max: 7 }), fc.integer({ min: 3, max: 7 }), fc.boolean(), fc.nat(), fc.constantFrom(...LINK_STATES), fc.boolean(),
    (rows, cols, wrap, pickSeed, state, physical) => {
      const mesh = mesh8({ rows: rows, cols: cols, wrap: wrap });
      const a = pickSeed % mesh.nodeCount;
      const nbs = mesh.neighbours(a);
      const b = nbs[pickSeed % nbs.length];
      const f = new MeshFailures(mesh.nodeCount);
      f.setLinkState(a, b, state, physical);
      assert.equal(classify(gatherEvidence(mesh, f, a, b)), expectedForState[state]);
      assert.equal(classify(gatherEvidence(mesh, f, b, a)), expectedForState[state]);
    },
  ), { numRuns: 300 });
});

test('mixed workload: scenario kinds in the Alquraan et al. proportions among partitions', () => {
  const mesh = mesh8({ rows: 6, cols: 6, wrap: true });
  const rng = new RandomStream(9, 0);
  const counts: Record<string, number> = {};
  for (let k = 0; k < 30_000; k++) {
    const t = drawMeshScenario(mesh, 'mixed', rng).truth;
    counts[t] = (counts[t] ?? 0) + 1;
  }
  const partitions = counts['complete-partition'] + counts['partial-partition'] + (counts['simplex-partition'] ?? 0);
  assert.ok(Math.abs(counts['complete-partition'] / partitions - 0.69) < 0.02);
  assert.ok(Math.abs(counts['partial-partition'] / partitions - 0.29) < 0.02);
  assert.ok(Math.abs(partitions / 30_000 - 1 / 3) < 0.02);
});

test('verdict board: the verdict goes to every party waiting on the suspect, and only to them', () => {
  const mesh = mesh8({ rows: 4, cols: 4, wrap: false });
  const f = new MeshFailures(mesh.nodeCount);
  f.setLinkState(5, 6, 'dead', true);
  const board = new VerdictBoard(mesh, f);
  const sender: string[] = [];
  const election: string[] = [];
  const other: string[] = [];
  board.waitFor(6, (n) => sender.push(`${n.observer}→${n.suspect}: ${n.verdict}`));
  const stop = board.waitFor(6, (n) => election.push(n.verdict));
  board.waitFor(9, (n) => other.push(n.verdict));
  board.linkSilent(5, 6);
  stop();
  f.crash(6);
  board.linkSilent(10, 6);
  assert.deepEqual(sender, ['5→6: link-both', '10→6: node-crash']);
  assert.deepEqual(election, ['link-both']);
  assert.deepEqual(other, []);
});

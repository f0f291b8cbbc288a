import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateHuygens } from '../../../src/clocks/sync/huygens.ts';
import { buildTopology } from '../../../src/hardware-timing/index.ts';

test('Huygens-style: coded probes keep the unqueued pairs; fit and network effect reach a few ns on a mesh', () => {
  const graph = buildTopology({ kind: 'mesh8', nodes: 9 });
  const r = simulateHuygens({ graph, durationS: 20, oscillator: 'tcxo', seed: 2 });
  // A pair can be pure only if neither probe met cross traffic (probability 0.7² = 0.49; a
  // queued probe's Exp(5 µs) wait almost never keeps the 20 ns spacing tolerance); of those, the
  // two probes' own Exp(10 ns) jitters differ by a Laplace(10 ns) variable, beyond 20 ns with
  // probability e^−2 ≈ 0.14, and the 8 ns stamps widen that a little: about 0.49 × 0.85.
  assert.ok(r.pureFraction <= 0.49 && r.pureFraction >= 0.49 * 0.75, `pure fraction ${r.pureFraction}`);
  assert.ok(r.overall.rmsNs < 10, `rms ${r.overall.rmsNs}`);
});

test('the network effect cannot see a path asymmetry: every link A slower forward leaves h·A/2 at h hops', () => {
  const graph = { nodeCount: 4, links: [{ a: 0, b: 1, lengthM: 1 }, { a: 1, b: 2, lengthM: 1 }, { a: 2, b: 3, lengthM: 1 }] };
  const a = 400;
  const r = simulateHuygens({ graph, durationS: 20, oscillator: 'ocxo', seed: 3, asymmetryNs: a });
  const n = 4;
  for (let h = 1; h < n; h++) {
    let sum = 0;
    let count = 0;
    for (let k = 0; k < r.timesS.length; k++) if (r.timesS[k] >= 10) { sum += r.errorsNs[k * n + h] - r.errorsNs[k * n]; count++; }
    assert.ok(Math.abs(sum / count + (h * a) / 2) < 15, `node ${h}: ${sum / count}`);
  }
});

test('bad input: non-positive duration or window', () => {
  const graph = { nodeCount: 2, links: [{ a: 0, b: 1, lengthM: 1 }] };
  assert.throws(() => simulateHuygens({ graph, durationS: -1, oscillator: 'ocxo', seed: 1 }), /durationS expected a number > 0/);
  assert.throws(() => simulateHuygens({ graph, durationS: 1, windowS: 0, oscillator: 'ocxo', seed: 1 }), /windowS expected a number > 0/);
});

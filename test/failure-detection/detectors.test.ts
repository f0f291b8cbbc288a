import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FixedTimeoutDetector } from '../../src/failure-detection/detectors/fixed-timeout.ts';
import { NfdSDetector } from '../../src/failure-detection/detectors/nfd-s.ts';
import { NfdEDetector } from '../../src/failure-detection/detectors/nfd-e.ts';
import { runDeadlineDetector } from '../../src/failure-detection/qos/run-deadline.ts';
import type { TransitionSink } from '../../src/failure-detection/qos/transition-sink.ts';
import { LOST } from '../../src/failure-detection/trace/heartbeat-trace.ts';

function record(): TransitionSink & { log: Array<[string, number]> } {
  const log: Array<[string, number]> = [];
  return { log, suspect: (t) => log.push(['S', t]), trust: (t) => log.push(['T', t]) };
}

test('NFD-S trusts exactly until τ_{J+1} = (J+1)η + δ, J the highest heartbeat received (Chen et al. 2002, Fig. 5)', () => {
  const d = new NfdSDetector(1000, 300);
  assert.equal(d.suspectFromUs(), 300);
  d.heartbeat(0, 100);
  assert.equal(d.suspectFromUs(), 1300);
  d.heartbeat(2, 2100);
  d.heartbeat(1, 2200); // stale: does not move the freshness point back
  assert.equal(d.suspectFromUs(), 3300);
});

test('NFD-S on a hand trace: a late heartbeat is one mistake from τ_i to its arrival', () => {
  // η = 1000 µs, δ = 300 µs; heartbeat 2 takes 500 µs (late), 3 is lost.
  const arrivalUs = Float64Array.from([100, 1100, 2500, LOST, 4200]);
  const sink = record();
  runDeadlineDetector(new NfdSDetector(1000, 300), { etaUs: 1000, arrivalUs }, sink, 5000);
  assert.deepEqual(sink.log, [['S', 2300], ['T', 2500], ['S', 3300], ['T', 4200]]);
  // Crash at 4500 µs: no heartbeat 5; final suspicion at τ_5 = 5300.
  const crash = record();
  runDeadlineDetector(new NfdSDetector(1000, 300), { etaUs: 1000, arrivalUs: Float64Array.from([100, 1100, 2100, 3100, 4100, 5100]) }, crash, Infinity, 4500);
  assert.deepEqual(crash.log, [['S', 5300]]);
});

test('fixed timeout: suspects timeout after the latest arrival', () => {
  const arrivalUs = Float64Array.from([100, 1100, 2900, 3100]);
  const sink = record();
  runDeadlineDetector(new FixedTimeoutDetector(1500), { etaUs: 1000, arrivalUs }, sink, 5000);
  assert.deepEqual(sink.log, [['S', 2600], ['T', 2900], ['S', 4600]]);
});

test('NFD-E: EA_{ℓ+1} = mean(A_i − η s_i) + (ℓ+1)η over the window; a clock offset cancels', () => {
  const d = new NfdEDetector(1000, 200, 2);
  d.heartbeat(0, 50_000 + 10);
  d.heartbeat(1, 50_000 + 1030);
  d.heartbeat(3, 50_000 + 3020); // window holds s = 1, 3: offsets 50030, 50020
  assert.equal(d.expectedArrivalUs(), 50_025 + 4000);
  assert.equal(d.suspectFromUs(), 50_025 + 4000 + 200);
});

test('property: the evaluator alternates S and T, each at a non-decreasing time, for arbitrary traces', () => {
  fc.assert(fc.property(
    fc.array(fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }), { minLength: 1, maxLength: 60 }),
    fc.integer({ min: 1, max: 3000 }),
    (delays, deltaUs) => {
      const arrivalUs = Float64Array.from(delays, (d, i) => (d === undefined ? LOST : i * 1000 + d));
      for (const detector of [new NfdSDetector(1000, deltaUs), new FixedTimeoutDetector(deltaUs), new NfdEDetector(1000, deltaUs, 5)]) {
        const sink = record();
        runDeadlineDetector(detector, { etaUs: 1000, arrivalUs }, sink, 100_000);
        sink.log.forEach(([kind, t], k) => {
          assert.equal(kind, k % 2 === 0 ? 'S' : 'T');
          if (k > 0) assert.ok(t >= sink.log[k - 1][1]);
        });
      }
    },
  ), { numRuns: 300 });
});

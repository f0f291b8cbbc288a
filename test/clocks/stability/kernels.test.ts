// O(N) kernels against direct O(N·m) transcriptions of their defining sums (NIST SP 1065 eqs. 14,
// 25; ITU-T G.810 MTIE), on random data (fast-check properties).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { mdev } from '../../../src/clocks/stability/mdev.ts';
import { maxWindowRange } from '../../../src/clocks/stability/mtie.ts';
import { prefixSums, rangeSum } from '../../../src/clocks/stability/prefix-sum.ts';
import { frequencyToPhase } from '../../../src/clocks/stability/phase-data.ts';
import { totdev } from '../../../src/clocks/stability/totdev.ts';

const series = (min: number, max: number) =>
  fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: min, maxLength: max }).map((a) => Float64Array.from(a));

function directMdev(x: Float64Array, m: number): number {
  const N = x.length;
  let sum = 0;
  for (let j = 0; j <= N - 3 * m; j++) {
    let inner = 0;
    for (let i = j; i < j + m; i++) inner += x[i + 2 * m] - 2 * x[i + m] + x[i];
    sum += inner * inner;
  }
  return Math.sqrt(sum / (2 * m * m * m * m * (N - 3 * m + 1)));
}

function directTotdev(x: Float64Array, m: number): number {
  const N = x.length;
  const at = (k: number) => (k < 0 ? 2 * x[0] - x[-k] : k > N - 1 ? 2 * x[N - 1] - x[2 * (N - 1) - k] : x[k]);
  let sum = 0;
  for (let i = 1; i <= N - 2; i++) sum += (at(i - m) - 2 * at(i) + at(i + m)) ** 2;
  return Math.sqrt(sum / (2 * m * m * (N - 2)));
}

function directMtie(x: Float64Array, window: number): number {
  let best = 0;
  for (let k = 0; k + window <= x.length; k++) {
    let hi = -Infinity, lo = Infinity;
    for (let i = k; i < k + window; i++) { hi = Math.max(hi, x[i]); lo = Math.min(lo, x[i]); }
    best = Math.max(best, hi - lo);
  }
  return best;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(b), 1e-300) + 1e-12;

describe('O(N) kernels equal their defining sums', () => {
  test('property: MDEV from prefix sums equals the double sum of eq. 14', () => {
    fc.assert(fc.property(series(10, 80), fc.integer({ min: 1, max: 20 }), (x, m0) => {
      const m = Math.max(1, Math.min(m0, Math.floor(x.length / 3)));
      return close(mdev(x, { taus: [m] }).devs[0], directMdev(x, m));
    }), { seed: 7, numRuns: 200 });
  });

  test('property: TOTDEV with the reflected extension equals eq. 25 written out', () => {
    fc.assert(fc.property(series(5, 80), fc.integer({ min: 1, max: 40 }), (x, m0) => {
      const m = Math.max(1, Math.min(m0, Math.floor((x.length - 1) / 2)));
      return close(totdev(x, { taus: [m] }).devs[0], directTotdev(x, m));
    }), { seed: 8, numRuns: 200 });
  });

  test('property: monotone-deque MTIE equals the brute-force window maximum', () => {
    fc.assert(fc.property(series(2, 120), fc.integer({ min: 2, max: 60 }), (x, w0) => {
      const w = Math.min(w0, x.length);
      return maxWindowRange(x, w) === directMtie(x, w);
    }), { seed: 9, numRuns: 300 });
  });

  test('compensated prefix sums keep range sums exact on a large offset', () => {
    // 1e6 values of 1e9 + small integers: every range sum is an integer representable exactly.
    const n = 1_000_000;
    const v = Float64Array.from({ length: n }, (_, i) => 1e9 + (i % 7) * 0.25);
    const p = prefixSums(v);
    let exact = 0;
    for (let i = 500_000; i < 500_010; i++) exact += 1e9 + (i % 7) * 0.25;
    assert.equal(rangeSum(p, 500_000, 500_010), exact);
  });

  test('frequency to phase: mean removed, scaled by tau0, N values give N + 1 (Stable32 convention)', () => {
    assert.deepEqual(Array.from(frequencyToPhase(Float64Array.from([1, 3, 2]), 2)), [0, -2, 0, 0]);
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { convolveTruncated } from '../../../src/oscillators/noise/fft-convolve.ts';

/** The definition, summed directly: (a ∗ c)[k] = Σ_{j≤k} a[j] c[k−j]. */
function direct(a: ArrayLike<number>, c: ArrayLike<number>, n: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let j = 0; j <= k; j++) s += (a[j] ?? 0) * (c[k - j] ?? 0);
    out.push(s);
  }
  return out;
}

/** FFT rounding is relative to the size of the terms: bound by n·ε·Σ|a_j||c_{k−j}|, with slack. */
function assertClose(actual: Float64Array, a: ArrayLike<number>, c: ArrayLike<number>, n: number): void {
  const expected = direct(a, c, n);
  const absA = Array.from(a, Math.abs);
  const absC = Array.from(c, Math.abs);
  const scale = direct(absA, absC, n);
  for (let k = 0; k < n; k++) {
    const bound = 64 * Math.log2(4 * n) * Number.EPSILON * (Math.max(...scale) + 1e-300);
    assert.ok(Math.abs(actual[k] - expected[k]) <= bound, `k=${k}: ${actual[k]} vs ${expected[k]}`);
  }
}

test('matches the direct sum for power-of-two and other lengths', () => {
  for (const n of [1, 2, 31, 33, 64, 100, 257, 1000]) {
    const a = Float64Array.from({ length: n }, (_, i) => Math.sin(1.3 * i) + ((i * 7) % 5) - 2);
    const c = Float64Array.from({ length: n }, (_, i) => 1 / (i + 1));
    assertClose(convolveTruncated(a, c, n), a, c, n);
  }
});

test('a unit impulse returns the other sequence (exactly up to FFT rounding)', () => {
  const n = 500;
  const impulse = new Float64Array(n);
  impulse[0] = 1;
  const c = Float64Array.from({ length: n }, (_, i) => (i % 3) - 1);
  const out = convolveTruncated(impulse, c, n);
  for (let k = 0; k < n; k++) assert.ok(Math.abs(out[k] - c[k]) < 1e-13);
});

test('property: equals the direct convolution for random inputs', () => {
  const finite = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true });
  fc.assert(
    fc.property(fc.array(finite, { minLength: 1, maxLength: 120 }), fc.array(finite, { minLength: 1, maxLength: 120 }),
      (a, c) => {
        const n = Math.max(a.length, c.length);
        assertClose(convolveTruncated(Float64Array.from(a), Float64Array.from(c), n), a, c, n);
      }),
    { numRuns: 200, seed: 20261121 },
  );
});

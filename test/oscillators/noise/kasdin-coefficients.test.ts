import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lgamma } from 'mathjs';
import { kasdinCoefficients } from '../../../src/oscillators/noise/kasdin-coefficients.ts';

// Second way: the closed form h_k = Γ(k − b/2) / (Γ(−b/2) Γ(k+1)) (Kasdin & Walter 1992,
// eq. (30); the power-series coefficients of (1 − z)^(b/2)), evaluated with mathjs' log-gamma so
// that large k does not overflow. Not defined for b = 0 (Γ(0)), which is checked by hand.
function closedForm(b: number, k: number): number {
  return Math.exp(lgamma(k - b / 2) - lgamma(-b / 2) - lgamma(k + 1));
}

test('first coefficients by hand: binomial series of (1 − z)^(b/2)', () => {
  // (1−z)^0 = 1; (1−z)^(−1/2) = Σ C(2k,k) z^k / 4^k; (1−z)^(−1) = Σ z^k;
  // (1−z)^(−3/2) = Σ (2k+1) C(2k,k) z^k / 4^k; (1−z)^(−2) = Σ (k+1) z^k.
  assert.deepEqual(Array.from(kasdinCoefficients(0, 5)), [1, 0, 0, 0, 0]);
  assert.deepEqual(Array.from(kasdinCoefficients(-1, 5)), [1, 1 / 2, 3 / 8, 5 / 16, 35 / 128]);
  assert.deepEqual(Array.from(kasdinCoefficients(-2, 5)), [1, 1, 1, 1, 1]);
  assert.deepEqual(Array.from(kasdinCoefficients(-3, 5)), [1, 3 / 2, 15 / 8, 35 / 16, 315 / 128]);
  assert.deepEqual(Array.from(kasdinCoefficients(-4, 5)), [1, 2, 3, 4, 5]);
});

test('integer exponents are exact for long filters', () => {
  const n = 100000;
  const white = kasdinCoefficients(-2, n);
  const rw = kasdinCoefficients(-4, n);
  for (let k = 0; k < n; k++) {
    assert.equal(white[k], 1);
    assert.equal(rw[k], k + 1);
  }
});

/** C(2k, k) / 4^k as an exact rational, rounded once to a double (BigInt arithmetic). */
function centralBinomialOver4k(k: number, extraFactor: bigint): number {
  let c = 1n;
  for (let i = 1n; i <= BigInt(k); i++) c = (c * (BigInt(k) + i)) / i; // C(2k, k), exact at each step
  const num = c * extraFactor;
  const den = 4n ** BigInt(k);
  // Scale so the quotient keeps > 60 significant bits before the one rounding to a double.
  const shift = 80n;
  return Number((num << shift) / den) / 2 ** 80;
}

test('fractional exponents equal the exact binomial values to 1e-14 relative (k ≤ 2000)', () => {
  // Γ(k + 1/2) / (Γ(1/2) k!) = C(2k,k)/4^k and Γ(k + 3/2) / (Γ(3/2) k!) = (2k+1) C(2k,k)/4^k.
  const h1 = kasdinCoefficients(-1, 2001);
  const h3 = kasdinCoefficients(-3, 2001);
  for (let k = 0; k <= 2000; k += k < 40 ? 1 : 53) {
    const e1 = centralBinomialOver4k(k, 1n);
    const e3 = centralBinomialOver4k(k, BigInt(2 * k + 1));
    // The recurrence rounds once per step: k steps of ≤ 1.5 ulp each stay far below 1e-14 · k/100.
    const tol = 1e-14 * Math.max(1, k / 50);
    assert.ok(Math.abs(h1[k] - e1) <= tol * e1, `b=-1 k=${k}: ${h1[k]} vs ${e1}`);
    assert.ok(Math.abs(h3[k] - e3) <= tol * e3, `b=-3 k=${k}: ${h3[k]} vs ${e3}`);
  }
});

test('fractional exponents agree with the Γ closed form (mathjs lgamma) to 1e-9 relative', () => {
  // mathjs' log-gamma is accurate to ~1e-12 relative in Γ, so 1e-9 is its honest bound here.
  for (const b of [-1, -3]) {
    const h = kasdinCoefficients(b, 5000);
    for (let k = 0; k < h.length; k += k < 50 ? 1 : 97) {
      const expected = closedForm(b, k);
      assert.ok(Math.abs(h[k] - expected) <= 1e-9 * expected, `b=${b} k=${k}: ${h[k]} vs ${expected}`);
    }
  }
});

test('empty and single-term filters', () => {
  assert.equal(kasdinCoefficients(-1, 0).length, 0);
  assert.deepEqual(Array.from(kasdinCoefficients(-3, 1)), [1]);
});

test('the b = −3 filter is the running sum of the b = −1 filter ((1−z)^(−3/2) = (1−z)^(−1)(1−z)^(−1/2))', () => {
  // kasdinWalterFilter relies on this identity (flicker FM = cumulative sum of flicker PM); by
  // hand: Σ_{i≤j} C(2i,i)/4^i = (2j+1) C(2j,j)/4^j, e.g. 1 + 1/2 + 3/8 = 15/8.
  const h1 = kasdinCoefficients(-1, 3000);
  const h3 = kasdinCoefficients(-3, 3000);
  let sum = 0;
  for (let k = 0; k < h1.length; k++) {
    sum += h1[k];
    assert.ok(Math.abs(sum - h3[k]) <= 1e-13 * h3[k], `k=${k}: ${sum} vs ${h3[k]}`);
  }
});

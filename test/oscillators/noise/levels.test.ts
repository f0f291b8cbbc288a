import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  adevFromH, avarFromH, discreteVarianceForLevel, discreteVarianceFromH, hFromAdev, hFromDiscreteVariance,
  mdevFromH, mvarFromH,
} from '../../../src/oscillators/noise/levels.ts';
import { NOISE_TYPES } from '../../../src/oscillators/noise/noise-type.ts';
import { InputError } from '../../../src/core/errors.ts';

const close = (a: number, b: number, rel: number, what: string) =>
  assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${what}: ${a} vs ${b}`);

test('reference levels for unit white-noise variance and tau0 = 1 s', () => {
  // Source: allantools test suite (aewallin/allantools, LGPL-3.0, tests for noise_kasdin), which
  // follows NIST SP 1065 (Riley 2008): white PM ADEV(1) = √3, RW FM ADEV(1) = 1/√3,
  // white FM ADEV(τ) = τ^(−1/2). Copied in /work/shared/reference/README.md, "Power-law noise".
  const h = (type: (typeof NOISE_TYPES)[number]) => hFromDiscreteVariance(type, 1, 1);
  close(adevFromH('wpm', h('wpm'), 1, 1), Math.sqrt(3), 1e-15, 'wpm');
  close(adevFromH('rwfm', h('rwfm'), 1, 1), 1 / Math.sqrt(3), 1e-15, 'rwfm');
  for (const tau of [1, 2, 10, 1000]) close(adevFromH('wfm', h('wfm'), tau, 1), 1 / Math.sqrt(tau), 1e-15, `wfm τ=${tau}`);
});

test('h_α ↔ Q_d: Kasdin & Walter eq. (39) by hand and as inverses', () => {
  // By hand from h_α = 2 Q_d (2π)^α τ0^(α−1): white FM (α=0) h_0 = 2 Q_d / τ0; white PM (α=2)
  // h_2 = 8π² Q_d τ0; RW FM (α=−2) h_−2 = 2 Q_d / (4π² τ0³).
  close(hFromDiscreteVariance('wfm', 3, 0.5), 12, 1e-15, 'wfm');
  close(hFromDiscreteVariance('wpm', 3, 0.5), 8 * Math.PI ** 2 * 3 * 0.5, 1e-15, 'wpm');
  close(hFromDiscreteVariance('rwfm', 3, 0.5), (2 * 3) / (4 * Math.PI ** 2 * 0.125), 1e-15, 'rwfm');
  fc.assert(fc.property(
    fc.constantFrom(...NOISE_TYPES), fc.double({ min: 1e-30, max: 1e10, noNaN: true }),
    fc.double({ min: 1e-6, max: 1e4, noNaN: true }),
    (type, qd, tau0) => close(discreteVarianceFromH(type, hFromDiscreteVariance(type, qd, tau0), tau0), qd, 1e-14, type),
  ), { numRuns: 300, seed: 7 });
});

test('modified Allan constants agree with the rounded NIST SP 1065 values', () => {
  // NIST SP 1065 (Riley 2008), table of Mod σ_y²(τ) vs h_α: flicker PM 3.37 h_1/(4π² τ²),
  // flicker FM 0.936 h_−1, RW FM 5.42 h_−2 τ (printed to 3 figures, so compared at 3e-3
  // relative), white FM h_0/(4τ) (exact).
  const fourPi2 = 4 * Math.PI ** 2;
  close(mvarFromH('fpm', 1, 1, 1) * fourPi2, 3.37, 3e-3, 'fpm');
  close(mvarFromH('ffm', 1, 7, 1), 0.936, 3e-3, 'ffm');
  close(mvarFromH('rwfm', 1, 1, 1), 5.42, 3e-3, 'rwfm');
  close(mvarFromH('wfm', 1, 2, 1), 1 / 8, 1e-15, 'wfm');
  // White PM, derived by hand for independent phase samples of variance Q_d: the sum in MVAR
  // has m coefficients +1, m of −2 and m of +1, so Mod σ² = 6 m Q_d / (2 m² τ²) = 3 Q_d τ0 / τ³;
  // with h_2 = 8π² Q_d τ0 that is 3 h_2 / (8π² τ³).
  const qd = 2.5, tau0 = 0.1, tau = 3.2;
  close(mvarFromH('wpm', hFromDiscreteVariance('wpm', qd, tau0), tau, tau0), (3 * qd * tau0) / tau ** 3, 1e-14, 'wpm');
  close(mdevFromH('wfm', 4, 1, 1), 1, 1e-15, 'mdev = √mvar');
});

test('Allan variance: flicker PM grows with log of the bandwidth, flicker FM is flat', () => {
  // NIST SP 1065: flicker PM σ² = h_1 (1.038 + 3 ln(2π f_h τ)) / (4π² τ²), f_h = 1/(2τ0).
  close(avarFromH('fpm', 1, 1, 1), (1.038 + 3 * Math.log(Math.PI)) / (4 * Math.PI ** 2), 1e-15, 'fpm');
  close(avarFromH('ffm', 1, 1, 1), avarFromH('ffm', 1, 1000, 1), 0, 'ffm flat');
  close(avarFromH('ffm', 1, 1, 1), 2 * Math.LN2, 1e-15, 'ffm 2 ln 2');
});

test('ADEV level round-trips to h_α for every type', () => {
  fc.assert(fc.property(
    fc.constantFrom(...NOISE_TYPES), fc.double({ min: 1e-40, max: 1e-10, noNaN: true }),
    fc.double({ min: 1e-3, max: 1, noNaN: true }), fc.double({ min: 1, max: 1e4, noNaN: true }),
    (type, h, tau0, tauFactor) => {
      const tau = tau0 * tauFactor;
      close(hFromAdev(type, adevFromH(type, h, tau, tau0), tau, tau0), h, 1e-13, type);
    },
  ), { numRuns: 300, seed: 11 });
});

test('level forms: h, adev at 1 s (default) and qd give the same Q_d', () => {
  const h = 3e-24;
  const qd = discreteVarianceFromH('ffm', h, 1);
  close(discreteVarianceForLevel('ffm', { h }, 1), qd, 1e-15, 'h');
  close(discreteVarianceForLevel('ffm', { adev: Math.sqrt(2 * Math.LN2 * h) }, 1), qd, 1e-14, 'adev');
  assert.equal(discreteVarianceForLevel('ffm', { qd: 0.25 }, 1), 0.25);
});

test('bad levels are InputErrors with one line naming the field', () => {
  const bad: Array<[() => unknown, RegExp]> = [
    [() => discreteVarianceForLevel('wpm', { h: -1 }, 1), /h expected a finite number >= 0, got -1/],
    [() => discreteVarianceForLevel('wpm', { adev: NaN }, 1), /adev expected/],
    [() => discreteVarianceForLevel('wpm', { adev: 1e-12, tauS: 0.5 }, 1), /tauS for an ADEV level expected .* >= tau0S = 1 s, got 0.5/],
    [() => discreteVarianceForLevel('wpm', { h: 1, qd: 1 } as never, 1), /exactly one of/],
    [() => hFromAdev('fpm', 1e-12, 0.5, 1), /tauS for an ADEV level/],
  ];
  for (const [run, message] of bad) {
    assert.throws(run, (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'));
  }
});

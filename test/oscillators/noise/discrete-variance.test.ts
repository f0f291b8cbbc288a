import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_AVERAGING_FACTOR, kasdinWalterVariances } from '../../../src/oscillators/noise/discrete-variance.ts';
import { avarFromH, hFromDiscreteVariance, mvarFromH } from '../../../src/oscillators/noise/levels.ts';
import { NOISE_TYPES } from '../../../src/oscillators/noise/noise-type.ts';
import { powerLawPhase } from '../../../src/oscillators/noise/power-law.ts';
import { mdev, oadev } from '../../../src/clocks/stability/index.ts';
import { InputError } from '../../../src/core/errors.ts';

// kasdinWalterVariances is our own derivation (see its file comment), so it is checked two ways:
// against closed forms worked out by hand for the integer types and the limits it must reach,
// and against simulated series measured with the stability module's estimators.

const close = (a: number, b: number, rel: number, what: string) =>
  assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${what}: ${a} vs ${b}`);

test('analytic: closed forms for white PM, white FM and random-walk FM', () => {
  // By hand, Q_d = 1, τ0 = 1. White PM: independent x, the second difference has variance
  // 1 + 4 + 1 = 6, σ² = 6/(2m²) = 3/m²; the modified sum has m·6 → Mod σ² = 6m/(2m⁴) = 3/m³.
  // White FM: c = (1 ×m, −1 ×m), Σc² = 2m, σ² = 1/m. Random-walk FM: c = (1, 2, …, m, m−1, …, 1),
  // Σc² = m(2m² + 1)/3, σ² = (2m² + 1)/(6m) (→ m/3, NIST's (2π²/3) h_−2 τ, for large m).
  for (const m of [1, 2, 3, 7, 64, 1000]) {
    close(kasdinWalterVariances('wpm', m).avar, 3 / m ** 2, 1e-14, `wpm avar m=${m}`);
    close(kasdinWalterVariances('wpm', m).mvar, 3 / m ** 3, 1e-14, `wpm mvar m=${m}`);
    close(kasdinWalterVariances('wfm', m).avar, 1 / m, 1e-14, `wfm avar m=${m}`);
    close(kasdinWalterVariances('rwfm', m).avar, (2 * m * m + 1) / (6 * m), 1e-14, `rwfm avar m=${m}`);
  }
});

test('analytic: Mod σ² equals σ² at m = 1, and both scale as Q_d / τ0²', () => {
  for (const type of NOISE_TYPES) {
    const v = kasdinWalterVariances(type, 1);
    close(v.mvar, v.avar, 1e-12, `${type} m=1`);
    const scaled = kasdinWalterVariances(type, 5, 9, 0.5);
    close(scaled.avar, (kasdinWalterVariances(type, 5).avar * 9) / 0.25, 1e-14, `${type} scaling`);
  }
});

test('analytic: large m reaches the NIST SP 1065 / Dawkins et al. asymptotic relations', () => {
  // White PM/FM exactly; flicker FM and RW FM to 1e-3 by m = 1024 (their corrections fall as
  // 1/m²). Flicker PM converges only logarithmically (the 1.038 constant assumes a brick-wall
  // bandwidth f_h, the Kasdin & Walter spectrum is |2 sin πf|⁻¹), so for it the ratio is
  // checked to fall steadily towards 1 and to be within 3 % (variance) at m = 1024.
  for (const type of NOISE_TYPES) {
    const h = hFromDiscreteVariance(type, 1, 1);
    const v = kasdinWalterVariances(type, 1024);
    close(v.mvar, mvarFromH(type, h, 1024, 1), 1e-3, `${type} mvar`);
    if (type !== 'fpm') close(v.avar, avarFromH(type, h, 1024, 1), 1e-3, `${type} avar`);
  }
  const h1 = hFromDiscreteVariance('fpm', 1, 1);
  const ratios = [16, 64, 256, 1024].map((m) => kasdinWalterVariances('fpm', m).avar / avarFromH('fpm', h1, m, 1));
  for (let i = 1; i < ratios.length; i++) assert.ok(ratios[i] < ratios[i - 1] && ratios[i] > 1, `${ratios}`);
  assert.ok(ratios[3] < 1.03, `${ratios[3]}`);
});

test('simulation: measured OADEV and MDEV match the exact values at small and moderate m', () => {
  // N = 2^16 phase points per type. An ADEV estimate with EDF ν has relative standard
  // deviation ≈ 1/√(2ν) (χ² with ν degrees of freedom), so each point must agree to within
  // 4 of those (EDF from the stability module's Greenhall computation), floored at 1 %.
  const ms = [1, 2, 4, 8, 16, 64];
  for (const type of NOISE_TYPES) {
    const x = powerLawPhase({ type, n: 2 ** 16, seed: 2026, stream: 1 });
    const a = oadev(x, { taus: ms });
    const md = mdev(x, { taus: ms });
    ms.forEach((m, i) => {
      const v = kasdinWalterVariances(type, m);
      close(a.devs[i], Math.sqrt(v.avar), Math.max(0.01, 4 / Math.sqrt(2 * a.edfs[i])), `${type} OADEV m=${m}`);
      close(md.devs[i], Math.sqrt(v.mvar), Math.max(0.01, 4 / Math.sqrt(2 * md.edfs[i])), `${type} MDEV m=${m}`);
    });
  }
});

test('averaging factor out of range is an InputError', () => {
  assert.throws(() => kasdinWalterVariances('wpm', 0), InputError);
  assert.throws(() => kasdinWalterVariances('wpm', 1.5), InputError);
  assert.throws(() => kasdinWalterVariances('ffm', MAX_AVERAGING_FACTOR + 1), /averaging factor m expected an integer from 1 to 2097152/);
});

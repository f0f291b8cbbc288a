import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  MAX_NOISE_SAMPLES, kasdinWalterFilter, phaseToFrequency, powerLawFrequency, powerLawPhase,
} from '../../../src/oscillators/noise/power-law.ts';
import { kasdinCoefficients } from '../../../src/oscillators/noise/kasdin-coefficients.ts';
import { NOISE_TYPES, noiseTypeInfo } from '../../../src/oscillators/noise/noise-type.ts';
import { RandomStream } from '../../../src/core/random/stream.ts';
import { adevFromH, mdevFromH } from '../../../src/oscillators/noise/levels.ts';
import { logLogSlope, mdev, oadev } from '../../../src/clocks/stability/index.ts';
import { InputError } from '../../../src/core/errors.ts';

const bytes = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);

test('same (seed, stream) gives byte-identical series; other streams and seeds differ', () => {
  for (const type of NOISE_TYPES) {
    const options = { type, n: 4099, seed: 42, stream: 3, tau0S: 0.5, level: { h: 1e-22 } };
    const a = powerLawPhase(options);
    const b = powerLawPhase({ ...options });
    assert.ok(bytes(a).equals(bytes(b)), type);
    assert.ok(!bytes(a).equals(bytes(powerLawPhase({ ...options, stream: 4 }))), `${type} stream`);
    assert.ok(!bytes(a).equals(bytes(powerLawPhase({ ...options, seed: 43 }))), `${type} seed`);
  }
});

test('the white input is RandomStream(seed, stream).fillNormal: white PM with Q_d = 1 is it exactly', () => {
  const x = powerLawPhase({ type: 'wpm', n: 1000, seed: 9, stream: 2 });
  const w = new RandomStream(9, 2).fillNormal(new Float64Array(1000));
  assert.ok(bytes(x).equals(bytes(w)));
});

test('the filter equals the direct convolution with the Kasdin & Walter coefficients', () => {
  const n = 700;
  const w = new RandomStream(1, 0).fillNormal(new Float64Array(n));
  // The five types, plus two non-standard exponents that take the general FFT path.
  for (const b of [...NOISE_TYPES.map((t) => noiseTypeInfo(t).b), -0.5, -2.5]) {
    const type = `b=${b}`;
    const h = kasdinCoefficients(b, n);
    const out = kasdinWalterFilter(b, w);
    const sums: number[] = [];
    const scales: number[] = [];
    for (let k = 0; k < n; k++) {
      let s = 0;
      let scale = 0;
      for (let j = 0; j <= k; j++) {
        s += h[j] * w[k - j];
        scale += Math.abs(h[j] * w[k - j]);
      }
      sums.push(s);
      scales.push(scale);
    }
    // Summation order differs (cumulative sums, FFT). Sums round relative to their own terms
    // (1e-12 · Σ|terms| is generous for n = 700); an FFT rounds relative to the largest term of
    // the whole transform, ~log2(L) ε max Σ|terms| (with a factor 64 of slack).
    const fftBound = 64 * Math.log2(4 * n) * Number.EPSILON * Math.max(...scales);
    for (let k = 0; k < n; k++) {
      assert.ok(Math.abs(out[k] - sums[k]) <= 1e-12 * scales[k] + fftBound, `${type} k=${k}: ${out[k]} vs ${sums[k]}`);
    }
  }
});

test('property: multiplying h_α by 4^k multiplies every sample by exactly 2^k', () => {
  // Q_d is linear in h_α and √(4^k Q_d) = 2^k √Q_d exactly in binary floating point (no over- or
  // underflow in this range), so the scaled series must match bit for bit.
  fc.assert(fc.property(
    fc.constantFrom(...NOISE_TYPES), fc.double({ min: 1e-30, max: 1e-18, noNaN: true }),
    fc.integer({ min: -8, max: 8 }), fc.integer({ min: 0, max: 1000 }),
    (type, h, k, seed) => {
      const base = powerLawPhase({ type, n: 300, seed, tau0S: 0.25, level: { h } });
      const scaled = powerLawPhase({ type, n: 300, seed, tau0S: 0.25, level: { h: h * 4 ** k } });
      for (let i = 0; i < base.length; i++) assert.equal(scaled[i], base[i] * 2 ** k);
    },
  ), { numRuns: 60, seed: 5 });
});

test('frequency is the first difference of n + 1 phase samples over tau0', () => {
  const options = { type: 'ffm' as const, n: 999, seed: 3, tau0S: 2, level: { h: 1e-24 } };
  const y = powerLawFrequency(options);
  const x = powerLawPhase({ ...options, n: 1000 });
  assert.equal(y.length, 999);
  for (let i = 0; i < y.length; i++) assert.equal(y[i], (x[i + 1] - x[i]) / 2);
  assert.deepEqual(Array.from(phaseToFrequency(Float64Array.of(0, 1, 3), 0.5)), [2, 4]);
});

test('a zero level gives zeros', () => {
  assert.ok(powerLawPhase({ type: 'rwfm', n: 50, seed: 1, level: { h: 0 } }).every((v) => v === 0));
});

test('bad options are one-line InputErrors naming the option', () => {
  const bad: Array<[() => unknown, RegExp]> = [
    [() => powerLawPhase({ type: 'pink' as never, n: 10, seed: 1 }), /type expected one of wpm, fpm, wfm, ffm, rwfm, got 'pink'/],
    [() => powerLawPhase({ type: 'wpm', n: 0, seed: 1 }), /n expected an integer from 1 to 4194304, got 0/],
    [() => powerLawPhase({ type: 'wpm', n: MAX_NOISE_SAMPLES + 1, seed: 1 }), /n expected an integer/],
    [() => powerLawPhase({ type: 'wpm', n: 2.5, seed: 1 }), /n expected an integer/],
    [() => powerLawFrequency({ type: 'wpm', n: MAX_NOISE_SAMPLES, seed: 1 }), /n expected an integer from 1 to 4194303, got 4194304/],
    [() => powerLawPhase({ type: 'wpm', n: 10, seed: -1 }), /seed expected an integer from 0 to 9007199254740991, got -1/],
    [() => powerLawPhase({ type: 'wpm', n: 10, seed: 1, stream: 0.5 }), /stream expected an integer/],
    [() => powerLawPhase({ type: 'wpm', n: 10, seed: 1, tau0S: 0 }), /tau0S \(sampling interval\) expected a finite number > 0 s, got 0/],
    [() => powerLawPhase({ type: 'wpm', n: 10, seed: 1, level: { h: Infinity } }), /h expected a finite number >= 0/],
  ];
  for (const [run, message] of bad) {
    assert.throws(run, (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'));
  }
});

test('slopes and levels: ADEV and MDEV of each type follow NIST SP 1065 for a given h_α', () => {
  // Expected slopes (reference README "Power-law noise", from the allantools test suite and
  // NIST SP 1065 Table 5): ADEV τ^−1, τ^−1, τ^−1/2, τ^0, τ^+1/2; MDEV τ^−3/2, τ^−1, τ^−1/2,
  // τ^0, τ^+1/2. Fitted over τ = 8 … 512 s (octaves) on N = 2^16 points with τ0 = 1 s.
  // Tolerance 0.06: at τ = 512 s the EDF is ~100–250, a relative error of ~5–7 % per point,
  // which over the 6 octaves gives a slope standard error of ~0.02; 0.06 is 3 of those and still
  // far below the 0.5 separating neighbouring types. Flicker PM's ADEV is τ^−1 only
  // asymptotically (σ² ∝ (1.038 + 3 ln(2π f_h τ)) / τ²), so its fitted slope is compared with the
  // slope of that analytic curve over the same τ (≈ −0.91 here).
  // Level: the median ratio of measured to analytic deviation over those τ within 10 % (each
  // point ~5 %; the asymptotic relations are within 3 % of exact beyond τ = 8 τ0, see
  // discrete-variance.ts).
  const taus = [8, 16, 32, 64, 128, 256, 512];
  const levels: Record<string, number> = { wpm: 1e-22, fpm: 1e-23, wfm: 1e-24, ffm: 1e-26, rwfm: 1e-30 };
  for (const type of NOISE_TYPES) {
    const info = noiseTypeInfo(type);
    const h = levels[type];
    const x = powerLawPhase({ type, n: 2 ** 16, seed: 1992, stream: info.index, level: { h } });
    const a = oadev(x, { taus });
    const md = mdev(x, { taus });
    const adevLine = taus.map((t) => adevFromH(type, h, t, 1));
    const mdevLine = taus.map((t) => mdevFromH(type, h, t, 1));
    const expectedAdevSlope = type === 'fpm' ? logLogSlope(taus, adevLine) : info.adevSlope;
    assert.ok(Math.abs(logLogSlope(taus, a.devs) - expectedAdevSlope) <= 0.06, `${type} ADEV slope ${logLogSlope(taus, a.devs)}`);
    assert.ok(Math.abs(logLogSlope(taus, md.devs) - info.mdevSlope) <= 0.06, `${type} MDEV slope ${logLogSlope(taus, md.devs)}`);
    const median = (r: number[]) => [...r].sort((p, q) => p - q)[Math.floor(r.length / 2)];
    const adevRatio = median(taus.map((_, i) => a.devs[i] / adevLine[i]));
    const mdevRatio = median(taus.map((_, i) => md.devs[i] / mdevLine[i]));
    assert.ok(Math.abs(adevRatio - 1) <= 0.1, `${type} ADEV level ratio ${adevRatio}`);
    assert.ok(Math.abs(mdevRatio - 1) <= 0.1, `${type} MDEV level ratio ${mdevRatio}`);
  }
});

test('level as ADEV at 1 s: the generated white FM series has that ADEV', () => {
  // White FM relation is exact at every τ (discrete-variance.ts), so the estimate at τ = 1 s
  // on 2^16 points (EDF ≈ 5·10⁴, relative σ ≈ 0.3 %) must be within 1.5 %.
  const x = powerLawPhase({ type: 'wfm', n: 2 ** 16, seed: 8, level: { adev: 3e-12 } });
  const a = oadev(x, { taus: [1] });
  assert.ok(Math.abs(a.devs[0] / 3e-12 - 1) < 0.015, `${a.devs[0]}`);
});

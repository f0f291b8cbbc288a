import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { b1NoiseAlpha, b1Theory, identifyNoise, lag1Autocorrelation } from '../../../src/clocks/stability/noise-id.ts';
import { frequencyToPhase } from '../../../src/clocks/stability/phase-data.ts';
import { RandomStream } from '../../../src/core/random/stream.ts';
import { noiseAgreement, readTable, tablesFor } from './reference.ts';

function whiteNoise(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  new RandomStream(seed, 7).fillNormal(out);
  return out;
}

function cumulativeSum(v: Float64Array): Float64Array {
  const out = new Float64Array(v.length);
  let s = 0;
  for (let i = 0; i < v.length; i++) out[i] = s += v[i];
  return out;
}

describe('power-law noise identification', () => {
  test('lag-1 autocorrelation of white noise is near 0 and of a random walk near 1 (Riley & Greenhall 2004, Table 1: ρ1 = 0 for α = 0 of its own differencing)', () => {
    const w = whiteNoise(20000, 1);
    assert.ok(Math.abs(lag1Autocorrelation(w)) < 0.03);
    assert.ok(lag1Autocorrelation(cumulativeSum(w)) > 0.95);
  });

  // Simulated pure noises: white PM (phase white), white FM (phase = sum of white), random-walk FM.
  const cases: [string, number, () => Float64Array][] = [
    ['white PM', 2, () => whiteNoise(4000, 2)],
    ['white FM', 0, () => frequencyToPhase(whiteNoise(4000, 3), 1)],
    ['random-walk FM', -2, () => frequencyToPhase(cumulativeSum(whiteNoise(4000, 4)), 1)],
  ];
  for (const [name, alpha, make] of cases) {
    test(`identifies ${name} (α = ${alpha}) by lag-1 ACF at m = 1, 4, 16 and by the B1 ratio`, () => {
      const x = make();
      for (const m of [1, 4, 16]) assert.equal(identifyNoise(x, m, 2).alpha, alpha, `m=${m}`);
      assert.equal(identifyNoise(x.subarray(0, 25), 1, 2).method, 'b1');
      // B1 alone tells the FM types apart; PM needs R(n), which separates white from flicker.
      assert.equal(b1NoiseAlpha(x, 1, 2), alpha);
    });
  }

  test('B1(N, μ) closed forms: μ = −1 gives 1, μ = 1 gives N/2, μ = 2 gives N(N+1)/6 (Barnes 1969; NIST SP 1065 eq. 70)', () => {
    assert.ok(Math.abs(b1Theory(50, -1) - 1) < 1e-15);
    assert.ok(Math.abs(b1Theory(50, 1) - 25) < 1e-12);
    assert.ok(Math.abs(b1Theory(50, 2) - (50 * 51) / 6) < 1e-9);
  });

  test('a shared noise cache gives the same results as identifying afresh', async () => {
    const { oadev, mdev } = await import('../../../src/clocks/stability/index.ts');
    const x = frequencyToPhase(whiteNoise(3000, 5), 1);
    const noiseCache = new Map<string, number>();
    const a = oadev(x, { taus: 'all', noiseCache });
    const b = mdev(x, { taus: 'all', noiseCache });
    assert.deepEqual(a, oadev(x, { taus: 'all' }));
    assert.deepEqual(b, mdev(x, { taus: 'all' }));
    assert.ok(noiseCache.size > 0);
  });

  test('a shared kernel cache lets TDEV reuse MDEV bit for bit', async () => {
    const { mdev, tdev } = await import('../../../src/clocks/stability/index.ts');
    const x = frequencyToPhase(whiteNoise(3000, 8), 1);
    const kernelCache = new Map();
    mdev(x, { taus: 'all', kernelCache });
    const size = kernelCache.size;
    assert.ok(size > 0);
    assert.deepEqual(tdev(x, { taus: 'all', kernelCache }), tdev(x, { taus: 'all' }));
    assert.equal(kernelCache.size, 2 * size); // TDEV's entries added, all derived from MDEV's
  });

  test('frequency input is identified on its m-averages (α without the +2 of phase data)', () => {
    // White FM as frequency data: α = 0 whether given as y or as the phase made from it.
    const y = whiteNoise(4000, 6);
    const x = frequencyToPhase(y, 1);
    for (const m of [1, 4, 16]) {
      assert.equal(identifyNoise(x, m, 2, 'freq').alpha, 0, `freq m=${m}`);
      assert.equal(identifyNoise(x, m, 2, 'phase').alpha, 0, `phase m=${m}`);
    }
    // 4000 values at m = 134: 29 averages (B1) as frequency, 30 decimated phase points (ACF) as phase.
    assert.equal(identifyNoise(x, 134, 2, 'freq').method, 'b1');
    assert.equal(identifyNoise(x, 134, 2, 'phase').method, 'acf');
  });

  // Tables Stable32 ran with the noise type fixed at α = 0 (every row 0; the pink file is named
  // "alpha0"): nothing was identified, so they do not test identification.
  const FIXED_ALPHA_TABLES = ['Cs5071A-totdev_decade.csv', 'ocxo-stable32_totdev_alltau.csv', 'pink_frequency-totdev_alpha0.csv'];
  test('the fixed-α TOTDEV tables are α = 0 on every row', () => {
    for (const file of FIXED_ALPHA_TABLES) {
      const rows = readTable(file);
      assert.ok(rows.length > 10 && rows.every((r) => r.alpha === 0), file);
    }
  });

  // Known residual: Stable32's PHASE.DAT TOTDEV octave table prints α = 0 (WFM) at m = 128 and 256,
  // where we identify 1 (FPM) by B1/R(n) at m = 128 (7 averages, above TOTDEV's limit of 4) and keep
  // it at m = 256. Its all-tau TOTDEV table on the same file prints 1 at m = 127, 129 and 251–259,
  // which we match; we have not found the convention that gives 0 in the octave run.
  const KNOWN_MISSES: Record<string, number[]> = { 'phasedat-phase_dat_totdev_octave.csv': [128, 256] };

  // Agreement with Stable32's alpha column: every row of every table where it identified the noise
  // (lag-1 ACF for >= 30 points, B1 with the statistic's term count plus R(n) below, previous τ's α
  // kept past the statistic's noiseIdMinAverages), except the rows listed above.
  for (const stat of ['adev', 'oadev', 'mdev', 'tdev', 'hdev', 'ohdev', 'totdev']) {
    for (const file of tablesFor(stat).filter((f) => !FIXED_ALPHA_TABLES.includes(f))) {
      test(`agrees with the alpha column of Stable32 table ${file} (${stat}) on every row`, () => {
        const a = noiseAgreement(stat, file);
        assert.ok(a.total > 0, `${file}: no alpha column`);
        const expectedMisses = (KNOWN_MISSES[file] ?? []).map((af) => `af=${af}:`);
        assert.deepEqual(a.misses.map((m) => m.slice(0, m.indexOf(':') + 1)), expectedMisses, `${file}: ${a.misses.join('; ')}`);
      });
    }
  }
});

// Shared loader for the Stable32 reference tables in data/reference/stability (see
// data/reference/SOURCES.md): every value compared against here comes from Stable32 output as
// shipped with allantools (LGPL-3.0), never from chronotope.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import {
  confidenceInterval, fractionalFrequency, greenhallEdf, readSeries, stability, totdevEdf,
  type StabilityResult,
} from '../../../src/clocks/stability/index.ts';
import { statisticSpec } from '../../../src/clocks/stability/stability.ts';

export const REFERENCE_DIR = new URL('../../../data/reference/stability/', import.meta.url).pathname;

export interface Row { af: number; tau: number; n: number; alpha: number | null; devMin: number | null; dev: number; devMax: number | null }

/** Parses one `expected/*.csv` table (first line names its source, second is the header). */
export function readTable(file: string): Row[] {
  const lines = readFileSync(REFERENCE_DIR + 'expected/' + file, 'utf8').trim().split('\n').slice(2);
  return lines.map((line) => {
    const [af, tau, n, alpha, lo, dev, hi] = line.split(',');
    const opt = (s: string) => (s === '' ? null : Number(s));
    return { af: Number(af), tau: Number(tau), n: Number(n), alpha: opt(alpha), devMin: opt(lo), dev: Number(dev), devMax: opt(hi) };
  });
}

export type Dataset = 'phasedat' | 'pink' | 'ocxo' | 'cs';
const cache = new Map<Dataset, Float64Array>();

/** The input series of a data set, as the table header describes it. */
export function dataset(name: Dataset): Float64Array {
  let data = cache.get(name);
  if (!data) {
    if (name === 'phasedat') data = readSeries(REFERENCE_DIR + 'PHASE.DAT');
    else if (name === 'pink') data = readSeries(REFERENCE_DIR + 'pink_frequency.txt');
    // The OCXO table header: "normalise with mean_frequency=1e7 -> fractional" (nominal, not mean).
    else if (name === 'ocxo') data = fractionalFrequency(readSeries(REFERENCE_DIR + 'ocxo_frequency.txt'), 1e7);
    else data = readSeries(REFERENCE_DIR + '5071A_phase.txt.gz');
    cache.set(name, data);
  }
  return data;
}

export function datasetOf(file: string): Dataset {
  return file.startsWith('phasedat') ? 'phasedat' : file.startsWith('pink') ? 'pink' : file.startsWith('ocxo') ? 'ocxo' : 'cs';
}

/** Input options that reproduce a table: data type and tau0 from its header. */
export function optionsFor(file: string): { dataType: 'phase' | 'freq'; tau0S: number } {
  const ds = datasetOf(file);
  if (ds === 'pink') return { dataType: 'freq', tau0S: file.includes('s32_oadev_octave') ? 1 : 42 };
  if (ds === 'ocxo') return { dataType: 'freq', tau0S: 1 };
  return { dataType: 'phase', tau0S: 1 };
}

/** Every table for one statistic (file names end in `-<stat>...` or `_<stat>...`). */
export function tablesFor(stat: string): string[] {
  const re = new RegExp(`(^|[-_])${stat}(_|\\.csv$)`);
  return readdirSync(REFERENCE_DIR + 'expected').filter((f) => re.test(f.replace(/^[^-]+-/, '-').replace(/^-(phase_dat_|stable32_|s32_)?/, '_'))).sort();
}

/** Evaluates a statistic at exactly the table's averaging factors. */
export function evaluate(stat: string, file: string, rows: Row[]): StabilityResult {
  return stability(stat, dataset(datasetOf(file)), { ...optionsFor(file), taus: rows.map((r) => r.af) });
}

/**
 * Relative tolerance for deviations. shared/reference README: 1e-4; OCXO 2e-4 for ADEV and 2e-3 for
 * the others. The OCXO all-tau tables (every statistic, m up to 9875) agree with us to 5e-5, so they
 * get the general 1e-4. The OCXO octave tables of the overlapping statistics keep 2e-3: they were
 * not made from the same input as the rest (see `ocxoOctaveInputDiffers`).
 */
export function tolerance(stat: string, file: string): number {
  if (datasetOf(file) !== 'ocxo' || file.includes('alltau')) return 1e-4;
  return stat === 'adev' ? 2e-4 : 2e-3;
}

/**
 * Stable32's OCXO octave tables of OADEV, MDEV, OHDEV and TOTDEV print 7.6143e-11 (OHDEV 7.9753e-11)
 * at m = 1, where each of these statistics equals ADEV (HDEV) by definition, while its ADEV and
 * all-tau tables of the same file print 7.6106e-11 (7.9695e-11): a 4.9e-4 (7.3e-4) difference that
 * no convention of the statistic can produce, so these octave tables come from a slightly different
 * input. Returns the relative m = 1 differences, for the test that pins this down.
 */
export function ocxoOctaveInputDiffers(): Record<string, number> {
  const adev1 = readTable('ocxo-adev_octave.csv')[0].dev;
  const hdev1 = readTable('ocxo-hdev_octave.csv')[0].dev;
  const out: Record<string, number> = {};
  for (const stat of ['oadev', 'mdev', 'totdev']) out[stat] = readTable(`ocxo-${stat}_octave.csv`)[0].dev / adev1 - 1;
  out.ohdev = readTable('ocxo-ohdev_octave.csv')[0].dev / hdev1 - 1;
  return out;
}

export function assertClose(actual: number, expected: number, rel: number, what: string): void {
  const err = Math.abs(actual - expected) / Math.abs(expected);
  assert.ok(err <= rel, `${what}: got ${actual}, expected ${expected} (relative error ${err.toExponential(2)} > ${rel})`);
}

/**
 * Known gap: Stable32's OCXO octave TOTDEV table differs from us by 0.3% at m = 256 up to 1.2% at
 * m = 1024, beyond the 2e-3 tolerance. It is not a TOTDEV convention: Stable32's all-tau TOTDEV
 * table of the same file (m = 1 … 9875, the same reflected extension, N − 2 terms) agrees with us to
 * 1.3e-5 on every row, and the octave table already disagrees with Stable32's own ADEV at m = 1
 * (see `ocxoOctaveInputDiffers`). There we only require our value inside the octave table's own
 * 68% confidence interval.
 */
function octaveOcxoTotdevGap(stat: string, file: string, af: number): boolean {
  return stat === 'totdev' && file === 'ocxo-totdev_octave.csv' && af >= 256;
}

/** Registers one test per reference table of `stat`: deviation, n and tau for every row. */
export function checkReferenceTables(stat: string): void {
  for (const file of tablesFor(stat)) {
    test(`${stat} matches Stable32 table ${file}`, () => {
      const rows = readTable(file);
      const r = evaluate(stat, file, rows);
      const rel = tolerance(stat, file);
      rows.forEach((row, k) => {
        const what = `${file} af=${row.af}`;
        assert.equal(r.tausS[k], row.tau, `${what}: tau`);
        // Stable32's MTIE table (not the "fast" one) prints the data count N as n; we report the
        // N − m windows, as its fast-MTIE and TIE rms tables do.
        const expectedN = stat === 'mtie' && datasetOf(file) === 'cs' ? row.n - row.af : row.n;
        assert.equal(r.terms[k], expectedN, `${what}: n`);
        if (octaveOcxoTotdevGap(stat, file, row.af)) {
          assert.ok(r.devs[k] >= row.devMin! && r.devs[k] <= row.devMax!, `${what}: outside Stable32's interval`);
        } else {
          assertClose(r.devs[k], row.dev, rel, what);
        }
      });
    });
  }
}

/**
 * The interval method alone: Stable32's own deviation and noise type in, our EDF and inverse
 * chi-squared out, compared with its dev_min/dev_max (5 significant digits printed, so 1e-3 as in
 * allantools' test_phasedat_with_ci.py).
 */
export function checkReferenceIntervals(stat: string): void {
  const spec = statisticSpec(stat);
  for (const file of tablesFor(stat)) {
    const rows = readTable(file).filter((r) => r.devMin !== null && r.devMin !== 0 && r.alpha !== null);
    if (rows.length === 0) continue;
    test(`${stat} confidence intervals match Stable32 table ${file}`, () => {
      const points = r0Points(file);
      for (const row of rows) {
        const interval = spec.interval;
        if (interval.kind === 'none') assert.fail('statistic without interval has CI columns');
        const edf = interval.kind === 'totdev'
          ? totdevEdf(row.alpha!, row.af, points)
          : greenhallEdf({ alpha: row.alpha!, d: interval.d, m: row.af, points, overlapping: interval.overlapping, modified: interval.modified });
        const ci = confidenceInterval(row.dev, edf);
        assertClose(ci.low, row.devMin!, 1e-3, `${file} af=${row.af} dev_min`);
        assertClose(ci.high, row.devMax!, 1e-3, `${file} af=${row.af} dev_max`);
      }
    });
  }
}

function r0Points(file: string): number {
  const data = dataset(datasetOf(file));
  return optionsFor(file).dataType === 'freq' ? data.length + 1 : data.length;
}

/** Share of rows whose identified noise type equals the table's `alpha` column. */
export function noiseAgreement(stat: string, file: string): { agree: number; total: number; misses: string[] } {
  const rows = readTable(file).filter((r) => r.alpha !== null);
  const r = evaluate(stat, file, rows);
  let agree = 0;
  const misses: string[] = [];
  rows.forEach((row, k) => {
    if (r.noiseAlphas[k] === row.alpha) agree++;
    else misses.push(`af=${row.af}: ${row.alpha} vs ${r.noiseAlphas[k]}`);
  });
  return { agree, total: rows.length, misses };
}

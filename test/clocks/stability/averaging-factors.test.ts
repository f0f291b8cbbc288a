import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allFactors, decadeFactors, octaveFactors, parseTauSet } from '../../../src/clocks/stability/averaging-factors.ts';
import { InputError } from '../../../src/core/errors.ts';
import { stability } from '../../../src/clocks/stability/index.ts';
import { dataset, datasetOf, optionsFor, readTable } from './reference.ts';

describe('averaging factor sets', () => {
  test('octave and decade sets', () => {
    assert.deepEqual(octaveFactors(100), [1, 2, 4, 8, 16, 32, 64]);
    // Stable32 decade set as in its Cs 5071A tables: 1, 2, 4, 10, 20, 40, ...
    assert.deepEqual(decadeFactors(500), [1, 2, 4, 10, 20, 40, 100, 200, 400]);
  });

  // The af column of every Stable32 all-tau table, with the divisor that run used.
  const allTables: [string, number][] = [
    ['phasedat-phase_dat_adev.csv', 71], ['phasedat-phase_dat_oadev.csv', 71], ['phasedat-phase_dat_totdev.csv', 71],
    ['phasedat-phase_dat_tierms.csv', 71], ['ocxo-stable32_adev_alltau.csv', 53], ['ocxo-stable32_oadev_alltau.csv', 53],
    ['ocxo-stable32_totdev_alltau.csv', 53], ['pink_frequency-adev.csv', 53], ['pink_frequency-hdev.csv', 53],
    ['pink_frequency-oadev.csv', 42], ['pink_frequency-mdev.csv', 42], ['pink_frequency-totdev_alpha0.csv', 42],
  ];
  for (const [file, divisor] of allTables) {
    test(`all-tau thinning reproduces the af column of ${file} (divisor ${divisor})`, () => {
      const afs = readTable(file).map((r) => r.af);
      assert.deepEqual(allFactors(afs[afs.length - 1], divisor), afs);
    });
  }

  // Stopping rules: the named set, evaluated on the table's data, must give exactly its rows.
  const namedTables: [string, string, 'octave' | 'decade' | 'all', number?][] = [
    ['adev', 'phasedat-phase_dat_adev_octave.csv', 'octave'], ['oadev', 'phasedat-phase_dat_oadev_octave.csv', 'octave'],
    ['mdev', 'phasedat-phase_dat_mdev_octave.csv', 'octave'], ['hdev', 'phasedat-phase_dat_hdev_octave.csv', 'octave'],
    ['totdev', 'phasedat-phase_dat_totdev_octave.csv', 'octave'], ['ohdev', 'ocxo-ohdev_octave.csv', 'octave'],
    ['tdev', 'ocxo-tdev_octave.csv', 'octave'], ['totdev', 'ocxo-totdev_octave.csv', 'octave'],
    ['adev', 'ocxo-adev_octave.csv', 'octave'], ['oadev', 'pink_frequency-s32_oadev_octave.csv', 'octave'],
    ['adev', 'phasedat-phase_dat_adev.csv', 'all', 71], ['oadev', 'phasedat-phase_dat_oadev.csv', 'all', 71],
    ['totdev', 'phasedat-phase_dat_totdev.csv', 'all', 71], ['tierms', 'phasedat-phase_dat_tierms.csv', 'all', 71],
    ['hdev', 'ocxo-stable32_hdev_alltau.csv', 'all', 53], ['mdev', 'ocxo-stable32_mdev_alltau.csv', 'all', 53],
    ['totdev', 'ocxo-stable32_totdev_alltau.csv', 'all', 53], ['adev', 'pink_frequency-adev.csv', 'all', 53],
    ['adev', 'Cs5071A-adev_decade.csv', 'decade'], ['oadev', 'Cs5071A-oadev_decade.csv', 'decade'],
    ['hdev', 'Cs5071A-hdev_decade.csv', 'decade'], ['mdev', 'Cs5071A-mdev_decade.csv', 'decade'],
    ['totdev', 'Cs5071A-totdev_decade.csv', 'decade'], ['mtie', 'Cs5071A-mtie_decade.csv', 'decade'],
    ['tierms', 'Cs5071A-tierms_decade.csv', 'decade'],
  ];
  for (const [stat, file, set, divisor] of namedTables) {
    test(`${stat} '${set}' set stops where Stable32 does (${file})`, () => {
      const r = stability(stat, dataset(datasetOf(file)), { ...optionsFor(file), taus: set, allTauDivisor: divisor, noiseAlpha: 0 });
      assert.deepEqual(Array.from(r.averagingFactors), readTable(file).map((row) => row.af));
    });
  }

  test('explicit factors the data cannot support are an InputError naming the limit', () => {
    const x = Float64Array.from({ length: 101 }, (_, i) => Math.sin(i));
    assert.throws(() => stability('oadev', x, { taus: [51] }), (e: unknown) => e instanceof InputError && /averaging factor 51 .* 101 phase points .*largest usable: 50/.test(e.message));
    assert.throws(() => stability('adev', x, { taus: [0] }), InputError);
    assert.throws(() => stability('adev', [1, 2], {}), InputError);
  });

  test('parseTauSet', () => {
    assert.equal(parseTauSet('octave'), 'octave');
    assert.deepEqual(parseTauSet('1, 2,10'), [1, 2, 10]);
    for (const bad of ['', '1,,2', '1.5', '-1', 'fast', '0x10']) assert.throws(() => parseTauSet(bad), InputError, bad);
  });
});

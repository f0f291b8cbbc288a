import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';

// Constants, independent of the notebook and of mathjs:
const c = 299792458; // m/s, exact: SI Brochure 9th ed. (BIPM 2019), section 2.2
const lightYearM = 9460730472580800; // m: IAU Style Manual (Wilkins 1989), c × Julian year
const auM = 149597870700; // m, exact: IAU 2012 Resolution B2
const julianYearS = 365.25 * 86400; // s: IAU Julian year
const dayS = 86400;

/** The distances the issue asks for, in metres, written out by hand from the sources in the notebook. */
const expectedDistancesM: Record<string, number> = {
  'chiplet link': 0.02,
  'circuit board': 0.3,
  rack: 2,
  'machine hall': 100,
  'metro network': 10_000,
  'transatlantic (London–New York)': 5_570_000,
  'Earth–Moon': 384_400_000, // NASA Moon Fact Sheet
  'Earth–Sun': auM,
  'Proxima Centauri': 4.246 * lightYearM, // Gaia DR3 parallax, 4.246 ly
};

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb01-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));

let runDir: Promise<string> | undefined;
function run(): Promise<string> {
  runDir ??= runNotebook('notebooks/01-light-time.ts', { outDir: temp, papersDir: join(temp, 'papers') }).then((r) => r.dir);
  return runDir;
}

async function csv(name: string): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const text = readFileSync(join(await run(), `${name}.csv`), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

const close = (actual: number, expected: number, relative = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} != ${expected}`);

test('the light-time table has every scale, units in its headers, and times = distance / c', async () => {
  const { header, rows } = await csv('light-time');
  assert.deepEqual(header, [
    'link', 'distance (m)', 'one-way, vacuum (s)', 'round trip, vacuum (s)',
    'one-way, cable at 5 ns/m (s)', 'round trip, cable at 5 ns/m (s)', 'one-way, vacuum (readable)',
  ]);
  assert.deepEqual(rows.map((r) => r.link), Object.keys(expectedDistancesM));
  for (const row of rows) {
    const distanceM = expectedDistancesM[row.link];
    close(Number(row['distance (m)']), distanceM);
    close(Number(row['one-way, vacuum (s)']), distanceM / c);
    close(Number(row['round trip, vacuum (s)']), (2 * distanceM) / c);
    close(Number(row['one-way, cable at 5 ns/m (s)']), distanceM * 5e-9);
    close(Number(row['round trip, cable at 5 ns/m (s)']), distanceM * 10e-9);
  }
});

test('the table agrees with the published reference values', async () => {
  const { rows } = await csv('light-time');
  const byName = Object.fromEntries(rows.map((r) => [r.link, r]));
  const oneWay = (name: string) => Number(byName[name]['one-way, vacuum (s)']);
  // Issue 2 / IAU: Proxima Centauri at 4.246 ly is 4.25 years one way and 8.49 years round trip.
  assert.equal((oneWay('Proxima Centauri') / julianYearS).toFixed(2), '4.25');
  assert.equal((Number(byName['Proxima Centauri']['round trip, vacuum (s)']) / julianYearS).toFixed(2), '8.49');
  // Vacuum 3.336 ns per metre (1/c); cable 5 ns per metre (issue 2).
  assert.equal(((oneWay('rack') / 2) * 1e9).toFixed(3), '3.336');
  assert.equal(Number(byName.rack['one-way, cable at 5 ns/m (s)']) / 2 * 1e9, 5);
  // IAU 2009 System of Astronomical Constants (Luzum et al. 2011, Celest. Mech. Dyn. Astron. 110, 293):
  // light-time for unit distance tau_A = 499.004 783 836 s.
  close(oneWay('Earth–Sun'), 499.004783836, 1e-11);
  // NASA Moon Fact Sheet / common statement: light from the Moon takes about 1.28 s.
  assert.equal(oneWay('Earth–Moon').toFixed(2), '1.28');
  assert.equal(byName['Proxima Centauri']['one-way, vacuum (readable)'], '4.25 years');
  assert.equal(byName['chiplet link']['one-way, vacuum (readable)'], '66.7 ps');
});

test('the Andromeda table gives about 4.2 days for walking and about 14 years at 1,700 m/s', async () => {
  const { header, rows } = await csv('andromeda');
  assert.deepEqual(header, ['observer', 'speed (m/s)', 'shift of "now" at Andromeda (s)', 'shift (days)', 'shift (years)']);
  const distanceM = 2.5e6 * lightYearM; // D = 2.5 Mly (issue 2; Penrose 1989)
  const [walking, fast] = rows;
  assert.equal(Number(walking['speed (m/s)']), 1.39);
  assert.equal(Number(fast['speed (m/s)']), 1700);
  close(Number(walking['shift of "now" at Andromeda (s)']), (1.39 * distanceM) / c ** 2);
  // Issue 2 (after Penrose, The Emperor's New Mind, ch. 5): walking ≈ 4.2 days, 1,700 m/s ≈ 14 years.
  assert.equal(Number(walking['shift (days)']).toFixed(1), '4.2');
  assert.equal(Math.round(Number(fast['shift (years)'])), 14);
  close(Number(fast['shift of "now" at Andromeda (s)']) / dayS, Number(fast['shift (days)']));
});

test('the light-time figure is also written for papers, with its data', async () => {
  const dir = await run();
  for (const ext of ['svg', 'png', 'csv']) {
    assert.deepEqual(readFileSync(join(temp, 'papers', 'figures', `light-time.${ext}`)), readFileSync(join(dir, `light-time.${ext}`)));
  }
});

test('the committed paper figure is what the notebook makes now (rerun bit for bit)', async () => {
  // papers/figures/light-time.* are in git for papers to include; if a change to the notebook,
  // Plot or resvg moves the figure, this fails until `npm run figures` refreshes them.
  const dir = await run();
  for (const ext of ['svg', 'png', 'csv']) {
    assert.ok(readFileSync(join('papers', 'figures', `light-time.${ext}`)).equals(readFileSync(join(dir, `light-time.${ext}`))),
      `papers/figures/light-time.${ext} is stale: run npm run figures`);
  }
});

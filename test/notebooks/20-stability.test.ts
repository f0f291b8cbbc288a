import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { silentProgress } from '../../src/notebook/index.ts';

const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb20-'));
test.after(() => rmSync(temp, { recursive: true, force: true }));

let runDir: Promise<string> | undefined;
function run(): Promise<string> {
  runDir ??= runNotebook('notebooks/20-stability.ts', {
    outDir: join(temp, 'default'), papersDir: join(temp, 'papers'), progress: silentProgress,
  }).then((r) => r.dir);
  return runDir;
}

function parse(text: string): { header: string[]; rows: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

async function csv(name: string) {
  return parse(readFileSync(join(await run(), `${name}.csv`), 'utf8'));
}

test('fitted slopes of the five simulated noises match NIST SP 1065 Table 5', async () => {
  // Expected slopes: reference README "Power-law noise" (allantools test suite, NIST SP 1065):
  // ADEV τ^−1, τ^−1, τ^−1/2, τ^0, τ^+1/2; MDEV τ^−3/2, τ^−1, τ^−1/2, τ^0, τ^+1/2.
  // Tolerance 0.06 as in test/oscillators/noise/power-law.test.ts (2^16 points, τ = 8 … 1024 s).
  // Flicker PM ADEV is only asymptotically τ^−1 (log term), checked to lie between −1 and −0.85.
  const { header, rows } = await csv('fitted-slopes');
  assert.deepEqual(header, ['noise type', 'α of S_y(f) ∝ f^α (1)', 'ADEV slope, expected (1)', 'ADEV slope, fitted (1)',
    'MDEV slope, expected (1)', 'MDEV slope, fitted (1)', 'fit from τ (s)', 'fit to τ (s)']);
  const expected: Record<string, [number, number]> = {
    'white PM': [-1, -1.5], 'flicker PM': [-1, -1], 'white FM': [-0.5, -0.5], 'flicker FM': [0, 0], 'random-walk FM': [0.5, 0.5],
  };
  assert.deepEqual(rows.map((r) => r['noise type']), Object.keys(expected));
  for (const row of rows) {
    const [adevSlope, mdevSlope] = expected[row['noise type']];
    const adevFitted = Number(row['ADEV slope, fitted (1)']);
    if (row['noise type'] === 'flicker PM') assert.ok(adevFitted > -1 && adevFitted < -0.85, `${adevFitted}`);
    else assert.ok(Math.abs(adevFitted - adevSlope) <= 0.06, `${row['noise type']} ADEV ${adevFitted}`);
    assert.ok(Math.abs(Number(row['MDEV slope, fitted (1)']) - mdevSlope) <= 0.06, `${row['noise type']} MDEV`);
  }
});

test('simulated deviations agree with the exact discrete values within their confidence intervals (mostly)', async () => {
  // With 68 % intervals, about two thirds of the points should contain the exact value; at
  // least half is a loose check that both the level and the intervals are right.
  const { rows } = await csv('simulated-noise');
  const inside = rows.filter((r) => {
    const exact = Number(r['ADEV, exact discrete (1)']);
    return Number(r['OADEV 68 % low (1)']) <= exact && exact <= Number(r['OADEV 68 % high (1)']);
  });
  assert.ok(inside.length >= rows.length / 2, `${inside.length} of ${rows.length}`);
  const withMdev = rows.filter((r) => r['MDEV (1)'] !== '');
  const insideMdev = withMdev.filter((r) => {
    const exact = Number(r['MDEV, exact discrete (1)']);
    return Number(r['MDEV 68 % low (1)']) <= exact && exact <= Number(r['MDEV 68 % high (1)']);
  });
  assert.ok(insideMdev.length >= withMdev.length / 2, `MDEV: ${insideMdev.length} of ${withMdev.length}`);
});

test('the stability figures frame whole decades, so every tick lies inside the plot', async () => {
  // A tick outside the domain is drawn beyond the axis (it collided with the y label of the
  // GPS figure). Plot writes each tick as a <g> transform; all must lie within the frame.
  const dir = await run();
  for (const name of ['adev-noise-types', 'mdev-noise-types', 'cs5071a-stability', 'gps-1pps-stability']) {
    const svg = readFileSync(join(dir, `${name}.svg`), 'utf8');
    const height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);
    const yAxis = /aria-label="y-axis tick">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    const ys = [...yAxis.matchAll(/translate\([-\d.]+,([-\d.]+)\)/g)].map((m) => Number(m[1]));
    assert.ok(ys.length >= 3, `${name}: ${ys.length} y ticks`);
    // marginTop 30 and marginBottom 30 (Plot's default) in these figures.
    assert.ok(ys.every((y) => y >= 30 && y <= height - 30), `${name}: y ticks at ${ys}`);
  }
});

test('Cs 5071A OADEV and MDEV equal the Stable32 values where the τ sets overlap', async () => {
  // Stable32 decade tables for the same data (data/reference/stability/expected/Cs5071A-*,
  // from the allantools test suite), matched to 1e-4 relative as the reference README says.
  const { header, rows } = await csv('cs5071a-stability');
  assert.ok(header.includes('τ (s)') && header.includes('OADEV (1)') && header.includes('MDEV (1)'));
  for (const [statistic, column] of [['oadev', 'OADEV (1)'], ['mdev', 'MDEV (1)']] as const) {
    const text = readFileSync(`data/reference/stability/expected/Cs5071A-${statistic}_decade.csv`, 'utf8');
    const reference = parse(text.split('\n').slice(1).join('\n')).rows;
    let compared = 0;
    for (const ref of reference) {
      const mine = rows.find((r) => Number(r['τ (s)']) === Number(ref.tau));
      if (!mine) continue;
      const dev = Number(mine[column]);
      assert.ok(Math.abs(dev - Number(ref.dev)) <= 1e-4 * Number(ref.dev), `${statistic} τ=${ref.tau}: ${dev} vs ${ref.dev}`);
      compared++;
    }
    assert.ok(compared >= 3, `${statistic}: only ${compared} common τ`);
  }
});

test('same seed gives byte-identical CSV, SVG and PNG files; another seed changes the simulation', async () => {
  const small = new Map([['log2Points', '12']]);
  const a = await runNotebook('notebooks/20-stability.ts', { outDir: join(temp, 'a'), papersDir: join(temp, 'pa'), params: small, progress: silentProgress });
  const b = await runNotebook('notebooks/20-stability.ts', { outDir: join(temp, 'b'), papersDir: join(temp, 'pb'), params: small, progress: silentProgress });
  const files = readdirSync(a.dir).filter((f) => /\.(csv|svg|png)$/.test(f)).sort();
  assert.deepEqual(files, ['adev-noise-types.png', 'adev-noise-types.svg', 'cs5071a-stability.csv', 'cs5071a-stability.png',
    'cs5071a-stability.svg', 'fitted-slopes.csv', 'gps-1pps-stability.csv', 'gps-1pps-stability.png', 'gps-1pps-stability.svg',
    'mdev-noise-types.png', 'mdev-noise-types.svg', 'simulated-noise.csv']);
  for (const f of files) assert.ok(readFileSync(join(a.dir, f)).equals(readFileSync(join(b.dir, f))), f);
  const c = await runNotebook('notebooks/20-stability.ts', { outDir: join(temp, 'c'), papersDir: join(temp, 'pc'), params: small, seed: 21, progress: silentProgress });
  assert.ok(!readFileSync(join(a.dir, 'simulated-noise.csv')).equals(readFileSync(join(c.dir, 'simulated-noise.csv'))));
});

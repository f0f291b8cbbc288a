/**
 * Notebook 20: power-law clock noise and its frequency stability. Run:
 * `chronotope run notebooks/20-stability.ts`.
 *
 * Sources:
 * - Noise generation: N. J. Kasdin and T. Walter, "Discrete simulation of power law noise",
 *   Proc. 1992 IEEE Frequency Control Symposium, pp. 274–283 (src/oscillators/noise/).
 * - Allan and modified Allan variance of each noise type in terms of h_α: NIST SP 1065
 *   (W. J. Riley, Handbook of Frequency Stability Analysis, 2008) and S. T. Dawkins,
 *   J. J. McFerran, A. N. Luiten, IEEE Trans. UFFC 54(5), 2007, Table I (src/oscillators/noise/levels.ts).
 * - Exact expected ADEV/MDEV of the discrete sequences: our derivation in
 *   src/oscillators/noise/discrete-variance.ts, checked by hand and by simulation in its tests.
 * - Statistics, confidence intervals (Greenhall & Riley EDF) and noise identification (lag-1
 *   autocorrelation, Riley & Greenhall 2004): src/clocks/stability/.
 * - Data: Cs 5071A vs H-maser and GPS 1PPS vs H-maser phase, from the allantools test suite
 *   (LGPL-3.0; data/reference/SOURCES.md).
 */
import * as Plot from '@observablehq/plot';
import {
  NOISE_TYPES, adevFromH, discreteVarianceFromH, hFromAdev, kasdinWalterVariances, mdevFromH, noiseTypeInfo,
  powerLawPhase, type NoiseType,
} from '../src/oscillators/noise/index.ts';
import { logLogSlope, mdev, oadev, readSeries, type StabilityResult } from '../src/clocks/stability/index.ts';
import { formatNumber, notebook, type TableRow } from '../src/notebook/index.ts';

/** One colour per noise type (ColorBrewer Dark2), fixed so figures do not depend on order. */
const COLORS: Record<NoiseType, string> = {
  wpm: '#1b9e77', fpm: '#d95f02', wfm: '#7570b3', ffm: '#e7298a', rwfm: '#66a61e',
};

/** Ticks at powers of ten between the given exponents, labelled 10^k. */
function decades(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => 10 ** (from + i));
}

/** Powers of ten covering every positive finite value given. */
function decadesCovering(values: readonly unknown[]): number[] {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0);
  return decades(Math.floor(Math.log10(Math.min(...v))), Math.ceil(Math.log10(Math.max(...v))));
}

/**
 * A log axis over whole decades covering the values, the usual frame of a stability plot: the
 * domain ends on the first and last tick, so every tick lies inside the frame (a tick outside
 * the data's own domain would be drawn beyond the axis, over the axis label).
 */
function decadeAxis(values: readonly unknown[], label: string) {
  const ticks = decadesCovering(values);
  return { type: 'log', label, grid: true, ticks, tickFormat: powerOfTen, domain: [ticks[0], ticks[ticks.length - 1]] } as const;
}

/** "WPM at τ = 1–8 s, FPM at 16–64 s, …": runs of the same identified noise type. */
function noiseRuns(tausS: ArrayLike<number>, types: readonly string[]): string {
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= types.length; i++) {
    if (i === types.length || types[i] !== types[start]) {
      const from = tausS[start];
      const to = tausS[i - 1];
      runs.push(`${types[start]} at τ = ${from === to ? from : `${from}–${to}`} s`);
      start = i;
    }
  }
  return runs.join(', ');
}

const superscripts: Record<string, string> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
function powerOfTen(v: number): string {
  const k = Math.round(Math.log10(v));
  return `10${String(k).split('').map((c) => superscripts[c] ?? c).join('')}`;
}

interface DataSet {
  readonly slug: string;
  readonly title: string;
  readonly file: string;
}

const DATA_SETS: readonly DataSet[] = [
  { slug: 'cs5071a', title: 'Cs 5071A vs H-maser', file: 'data/reference/stability/5071A_phase.txt.gz' },
  { slug: 'gps-1pps', title: 'GPS 1PPS vs H-maser', file: 'data/reference/stability/gps_1pps_phase_data.txt.gz' },
];

export default notebook(
  {
    title: 'Power-law clock noise and its Allan deviation',
    summary: 'The five classic oscillator noises (Kasdin & Walter), their ADEV and MDEV against theory, and two real clocks.',
    params: {
      log2Points: { value: 16, min: 10, max: 20, integer: true, description: 'simulated series length, 2^k phase points' },
      adevAt1s: { value: 1e-11, min: 0, description: 'level of every simulated noise: ADEV at τ = 1 s (1)' },
    },
    seed: 20,
  },
  (nb, { log2Points, adevAt1s }) => {
    const n = 2 ** log2Points;
    const tau0S = 1;
    nb.md`
      A clock's frequency wanders in characteristic ways. Five **power-law noises** describe most
      oscillators: the one-sided spectrum of fractional frequency is S_y(f) = h_α f^α with
      α = 2 (white PM), 1 (flicker PM), 0 (white FM), −1 (flicker FM) and −2 (random-walk FM).
      Each leaves a signature slope in the Allan deviation (ADEV) and the modified Allan deviation
      (MDEV), which is how frequency-stability analysis tells them apart.

      Here each noise is generated by the method of Kasdin & Walter (1992): ${n.toLocaleString('en-US')}
      white Gaussian samples from the project's Philox streams (seed ${nb.seed}, one stream per
      type) are filtered by the exact fractional-difference filter h₀ = 1,
      h_k = h_(k−1)(k − 1 − b/2)/k, b = α − 2, with an FFT convolution. Every type is scaled to
      the same level, ADEV(1 s) = ${formatNumber(adevAt1s)} on its asymptotic line, so the curves fan out from
      one point. τ0 = ${tau0S} s.
    `;

    const octaves: number[] = [];
    for (let m = 1; m <= Math.floor((n - 1) / 4); m *= 2) octaves.push(m);
    const simulated: TableRow[] = [];
    const slopes: TableRow[] = [];
    const progress = nb.progress('noise types', NOISE_TYPES.length);
    for (const type of NOISE_TYPES) {
      const info = noiseTypeInfo(type);
      const h = hFromAdev(type, adevAt1s, 1, tau0S);
      const qd = discreteVarianceFromH(type, h, tau0S);
      const x = powerLawPhase({ type, n, seed: nb.seed, stream: info.index, tau0S, level: { h } });
      const a: StabilityResult = oadev(x, { tau0S, taus: octaves });
      const md: StabilityResult = mdev(x, { tau0S, taus: octaves.filter((m) => 3 * m <= n - 1) });
      a.averagingFactors.forEach((m, i) => {
        const tauS = a.tausS[i];
        const exact = kasdinWalterVariances(type, m, qd, tau0S);
        const j = md.averagingFactors.indexOf(m);
        simulated.push({
          type: info.name,
          tauS,
          oadev: a.devs[i],
          oadevLow: a.devsLow[i],
          oadevHigh: a.devsHigh[i],
          oadevNist: adevFromH(type, h, tauS, tau0S),
          oadevExact: Math.sqrt(exact.avar),
          mdev: j >= 0 ? md.devs[j] : null,
          mdevLow: j >= 0 ? md.devsLow[j] : null,
          mdevHigh: j >= 0 ? md.devsHigh[j] : null,
          mdevNist: mdevFromH(type, h, tauS, tau0S),
          mdevExact: Math.sqrt(exact.mvar),
          identified: a.noiseTypes[i],
        });
      });
      // Slopes fitted from 8 τ0 to N τ0 / 64, where every point still has an EDF of about 100
      // or more (a relative uncertainty below ~7 %).
      const fit = (r: StabilityResult) => {
        const t: number[] = [];
        const d: number[] = [];
        r.tausS.forEach((tau, i) => {
          if (tau >= 8 * tau0S && tau <= (n * tau0S) / 64) {
            t.push(tau);
            d.push(r.devs[i]);
          }
        });
        return { slope: logLogSlope(t, d), from: t[0], to: t[t.length - 1] };
      };
      const fa = fit(a);
      const fm = fit(md);
      slopes.push({
        type: info.name,
        alpha: info.alpha,
        adevExpected: info.adevSlope,
        adevFitted: fa.slope,
        mdevExpected: info.mdevSlope,
        mdevFitted: fm.slope,
        fromS: fa.from,
        toS: fa.to,
      });
      progress.tick(1, type);
    }
    progress.done();

    const simulatedTable = nb.table('simulated-noise', simulated, [
      { key: 'type', header: 'noise type' },
      { key: 'tauS', header: 'τ (s)' },
      { key: 'oadev', header: 'OADEV (1)', digits: 4 },
      { key: 'oadevLow', header: 'OADEV 68 % low (1)', digits: 4 },
      { key: 'oadevHigh', header: 'OADEV 68 % high (1)', digits: 4 },
      { key: 'oadevNist', header: 'ADEV, NIST SP 1065 line (1)', digits: 4 },
      { key: 'oadevExact', header: 'ADEV, exact discrete (1)', digits: 4 },
      { key: 'mdev', header: 'MDEV (1)', digits: 4 },
      { key: 'mdevLow', header: 'MDEV 68 % low (1)', digits: 4 },
      { key: 'mdevHigh', header: 'MDEV 68 % high (1)', digits: 4 },
      { key: 'mdevNist', header: 'MDEV, Dawkins et al. line (1)', digits: 4 },
      { key: 'mdevExact', header: 'MDEV, exact discrete (1)', digits: 4 },
      { key: 'identified', header: 'identified noise (lag-1 ACF)' },
    ], { caption: `Overlapping ADEV and MDEV of ${n.toLocaleString('en-US')} simulated phase points per noise type, with the analytic values.` });

    const deviationFigure = (key: 'oadev' | 'mdev', label: string, nistKey: string, exactKey: string) => {
      const [lowKey, highKey] = [`${key}Low`, `${key}High`];
      const rows = simulated.filter((r) => r[key] !== null);
      const byType = NOISE_TYPES.map((t) => ({ type: t, name: noiseTypeInfo(t).name, rows: rows.filter((r) => r.type === noiseTypeInfo(t).name) }));
      return {
        width: 720,
        height: 460,
        marginTop: 30,
        marginLeft: 64,
        marginRight: 110,
        x: decadeAxis(octaves.map((m) => m * tau0S), 'averaging time τ (s)'),
        y: decadeAxis(rows.flatMap((r) => [r[key], r[lowKey], r[highKey], r[nistKey], r[exactKey]]), `${label} (1)`),
        marks: [
          ...byType.flatMap(({ type, rows: r }) => [
            Plot.ruleX(r, { x: 'tauS', y1: lowKey, y2: highKey, stroke: COLORS[type], strokeWidth: 3, strokeOpacity: 0.45 }),
            Plot.line(r, { x: 'tauS', y: nistKey, stroke: COLORS[type], strokeOpacity: 0.8 }),
            Plot.line(r, { x: 'tauS', y: exactKey, stroke: COLORS[type], strokeDasharray: '3,3' }),
            Plot.dot(r, { x: 'tauS', y: key, stroke: COLORS[type], r: 3 }),
          ]),
          ...byType.map(({ type, name, rows: r }) =>
            Plot.text(r.slice(-1), { x: 'tauS', y: key, text: () => name, dx: 8, textAnchor: 'start', fill: COLORS[type], fontSize: 11 })),
          // Top left, the one corner every type leaves empty (they all start at the same point).
          Plot.text(['circles: simulated, bars: 68 % confidence interval\nsolid: asymptotic line, dashed: exact discrete'], {
            frameAnchor: 'top-left', dx: 8, dy: 8, lineHeight: 1.3, text: (t: string) => t, textAnchor: 'start', fontSize: 11,
          }),
        ],
      } as Plot.PlotOptions;
    };
    nb.figure('adev-noise-types', deviationFigure('oadev', 'overlapping Allan deviation σ_y(τ)', 'oadevNist', 'oadevExact'), {
      caption: 'Overlapping ADEV of the five simulated noises, with 68 % confidence intervals (visible where few averages remain). Solid lines: NIST SP 1065 relations for the same h_α; dashed: the exact expectation for the discrete sequences, which differs at small τ for flicker PM, flicker FM and random-walk FM.',
      data: simulatedTable,
    });
    nb.figure('mdev-noise-types', deviationFigure('mdev', 'modified Allan deviation Mod σ_y(τ)', 'mdevNist', 'mdevExact'), {
      caption: 'Modified ADEV of the same series. MDEV separates white PM (τ^−3/2) from flicker PM (τ^−1), which ADEV cannot.',
      data: simulatedTable,
    });

    nb.table('fitted-slopes', slopes, [
      { key: 'type', header: 'noise type' },
      { key: 'alpha', header: 'α of S_y(f) ∝ f^α (1)' },
      { key: 'adevExpected', header: 'ADEV slope, expected (1)' },
      { key: 'adevFitted', header: 'ADEV slope, fitted (1)', digits: 3 },
      { key: 'mdevExpected', header: 'MDEV slope, expected (1)' },
      { key: 'mdevFitted', header: 'MDEV slope, fitted (1)', digits: 3 },
      { key: 'fromS', header: 'fit from τ (s)' },
      { key: 'toS', header: 'fit to τ (s)' },
    ], { caption: 'Log–log slopes fitted to the simulated deviations against the expected power laws (NIST SP 1065 Table 5).' });

    const fpm = slopes.find((s) => s.type === 'flicker PM');
    nb.md`
      The fitted slopes match the power laws. The exception that proves the rule is flicker PM's
      ADEV (fitted ${Number(fpm?.adevFitted).toFixed(2)}): its Allan variance is
      h₁(1.038 + 3 ln(2π f_h τ))/(4π²τ²), a τ⁻¹ deviation only once the logarithm stops
      changing, which is why MDEV is used to tell white from flicker PM.

      ## Two real clocks

      The same statistics on measured phase: a caesium beam standard (HP/Agilent 5071A) and a GPS
      receiver's 1PPS output, both compared with a hydrogen maser, 1 s samples. The shaded
      intervals are 68 % confidence intervals from the equivalent degrees of freedom of
      Greenhall & Riley; the noise type at each τ is identified from the lag-1 autocorrelation.
    `;

    const summaries: string[] = [];
    /** Noise types identified for the caesium standard beyond 10⁴ s, in τ order, for the text below. */
    let csLongTau: string[] = [];
    for (const set of DATA_SETS) {
      const x = readSeries(set.file);
      const a = oadev(x, { tau0S: 1, taus: 'octave' });
      const md = mdev(x, { tau0S: 1, taus: 'octave' });
      const rows: TableRow[] = Array.from(a.averagingFactors, (m, i) => {
        const j = md.averagingFactors.indexOf(m);
        return {
          tauS: a.tausS[i],
          terms: a.terms[i],
          oadev: a.devs[i],
          oadevLow: a.devsLow[i],
          oadevHigh: a.devsHigh[i],
          edf: a.edfs[i],
          noiseAdev: a.noiseTypes[i],
          mdev: j >= 0 ? md.devs[j] : null,
          mdevLow: j >= 0 ? md.devsLow[j] : null,
          mdevHigh: j >= 0 ? md.devsHigh[j] : null,
          noiseMdev: j >= 0 ? md.noiseTypes[j] : '',
        };
      });
      const table = nb.table(`${set.slug}-stability`, rows, [
        { key: 'tauS', header: 'τ (s)' },
        { key: 'terms', header: 'OADEV terms (1)' },
        { key: 'oadev', header: 'OADEV (1)', digits: 4 },
        { key: 'oadevLow', header: 'OADEV 68 % low (1)', digits: 4 },
        { key: 'oadevHigh', header: 'OADEV 68 % high (1)', digits: 4 },
        { key: 'edf', header: 'OADEV EDF (1)', digits: 4 },
        { key: 'noiseAdev', header: 'noise type (OADEV)' },
        { key: 'mdev', header: 'MDEV (1)', digits: 4 },
        { key: 'mdevLow', header: 'MDEV 68 % low (1)', digits: 4 },
        { key: 'mdevHigh', header: 'MDEV 68 % high (1)', digits: 4 },
        { key: 'noiseMdev', header: 'noise type (MDEV)' },
      ], { caption: `${set.title}: ${x.length.toLocaleString('en-US')} phase points, τ0 = 1 s, octave averaging times.` });
      const points = rows.flatMap((r) => [
        { tauS: r.tauS, dev: r.oadev, low: r.oadevLow, high: r.oadevHigh, statistic: 'OADEV', noise: r.noiseAdev },
        ...(r.mdev === null ? [] : [{ tauS: r.tauS, dev: r.mdev, low: r.mdevLow, high: r.mdevHigh, statistic: 'MDEV', noise: r.noiseMdev }]),
      ]);
      summaries.push(`**${set.title}**: ${noiseRuns(a.tausS, a.noiseTypes)}.`);
      if (set.slug === 'cs5071a') csLongTau = [...new Set(a.noiseTypes.filter((_, i) => a.tausS[i] > 1e4))];
      const colour = (p: { statistic: string }) => (p.statistic === 'OADEV' ? 'black' : '#d95f02');
      nb.figure(`${set.slug}-stability`, {
        width: 720,
        height: 420,
        marginTop: 30,
        marginLeft: 64,
        marginRight: 20,
        x: decadeAxis(points.map((p) => p.tauS), 'averaging time τ (s)'),
        y: decadeAxis(points.flatMap((p) => [p.low, p.high, p.dev]), 'deviation σ_y(τ) (1)'),
        marks: [
          Plot.ruleX(points, { x: 'tauS', y1: 'low', y2: 'high', stroke: colour, strokeWidth: 3, strokeOpacity: 0.35 }),
          Plot.line(points.filter((p) => p.statistic === 'OADEV'), { x: 'tauS', y: 'dev', stroke: 'black' }),
          Plot.line(points.filter((p) => p.statistic === 'MDEV'), { x: 'tauS', y: 'dev', stroke: '#d95f02', strokeDasharray: '4,3' }),
          Plot.dot(points, { x: 'tauS', y: 'dev', fill: colour, r: 2.5 }),
          Plot.text(points.filter((p) => p.statistic === 'OADEV'), { x: 'tauS', y: 'high', text: 'noise', dy: -8, fontSize: 9, fill: 'black' }),
          Plot.text(['black, solid: OADEV (labels: noise type)\norange, dashed: MDEV'], {
            frameAnchor: 'bottom-left', dx: 8, dy: -8, lineHeight: 1.3, text: (t: string) => t, textAnchor: 'start', fontSize: 11,
          }),
        ],
      } as Plot.PlotOptions, {
        caption: `${set.title}: OADEV and MDEV with 68 % confidence intervals; above each OADEV point the noise type identified at that τ.`,
        data: table,
      });
    }

    nb.md`Noise type identified at each τ (from the OADEV data):`;
    // One paragraph per data set, passed as plain strings (no template indentation to strip).
    for (const summary of summaries) nb.md(summary);
    nb.md`
      The caesium standard is limited by white and flicker PM (the measurement and the 1PPS
      interface) at short τ, then shows its own white FM (τ^−1/2) over several decades; beyond
      10⁴ s the identification gives ${csLongTau.join(', then ')} (there few independent samples
      remain, so it is less certain from one τ to the next: read it with the intervals). The GPS receiver's 1PPS is
      dominated by phase noise over most of the range: poor as a short-term clock, but steered to
      GPS time, so it does not wander away.
    `;
  },
);

/**
 * Notebook 50: how precisely an ensemble of synchronised clocks agrees, swept over sync interval ×
 * delay jitter × oscillator quality with the SIMD clock-ensemble kernel. Run:
 * `chronotope run notebooks/50-sweep-clock-ensemble.ts` (reduced size, a few seconds), or the full
 * size (≥ 10^8 lane-steps): `chronotope run notebooks/50-sweep-clock-ensemble.ts --param clocks=256
 * --param steps=20000` (3.1·10^8 lane-steps).
 *
 * Sources:
 * - The kernel and its model (offset and frequency per clock, white and random-walk FM, two-way
 *   exchanges over exponential delay jitter, offset step plus proportional frequency steering):
 *   src/kernel/README.md; its offset variance between syncs is derived there and tested against
 *   simulation (test/kernel/models.test.ts).
 * - Two-way time transfer: the offset estimate is off by half the forward–backward delay
 *   difference (IEEE 1588-2019, §11.3; D. W. Allan & M. A. Weiss, 1980).
 * - Oscillator levels: typical white-FM and random-walk-FM levels of crystal oscillators
 *   (W. J. Riley, NIST SP 1065, 2008, §5.2 and Table 3), here per 10 ms step.
 */
import * as Plot from '@observablehq/plot';
import { runClockEnsemble, CLOCK_ENSEMBLE_DEFAULTS, type ClockEnsembleParams } from '../src/kernel/index.ts';
import { notebook } from '../src/notebook/index.ts';

/** The oscillator grades compared: fractional-frequency noise per 10 ms step and initial skew. */
const QUALITIES = [
  { name: 'XO', whiteFmSigma: 1e-8, randomWalkFmSigma: 1e-10, initialSkewSigma: 2e-5 },
  { name: 'TCXO', whiteFmSigma: 1e-9, randomWalkFmSigma: 1e-11, initialSkewSigma: 1e-6 },
  { name: 'OCXO', whiteFmSigma: 1e-10, randomWalkFmSigma: 1e-12, initialSkewSigma: 1e-8 },
] as const;
const STEP_S = 0.01;
const SYNC_INTERVALS_STEPS = [2, 10, 50, 200, 1000];
const JITTERS_S = [1e-8, 1e-7, 1e-6, 1e-5];

/** "10 ns", "2 µs", "0.5 s": a time for labels. */
function time(s: number): string {
  for (const [unit, scale] of [['s', 1], ['ms', 1e-3], ['µs', 1e-6], ['ns', 1e-9]] as const) {
    if (s >= scale) return `${+(s / scale).toPrecision(3)} ${unit}`;
  }
  return `${+(s / 1e-12).toPrecision(3)} ps`;
}

export default notebook(
  {
    title: 'Sweep: precision of a synchronised clock ensemble',
    summary: 'Heat maps of ensemble precision over sync interval × delay jitter × oscillator quality, from the SIMD WebAssembly kernel.',
    params: {
      clocks: { value: 32, min: 4, max: 4096, integer: true, description: 'clocks per configuration (a multiple of 4)' },
      steps: { value: 10_000, min: 1000, max: 10_000_000, integer: true, description: 'steps of 10 ms per configuration' },
      frequencyGain: { value: 0.5, min: 0, max: 1, description: 'frequency-steering gain g of the servo (1)' },
    },
    seed: 50,
  },
  (nb, { clocks, steps, frequencyGain }) => {
    const configurations = QUALITIES.length * JITTERS_S.length * SYNC_INTERVALS_STEPS.length;
    const laneSteps = configurations * clocks * steps;
    nb.md`
      N = ${clocks} clocks follow a perfect reference. Each clock's fractional frequency takes
      random-walk FM steps, white FM is added on top, and its offset integrates both over steps of
      ${STEP_S * 1000} ms for ${steps} steps (${time(steps * STEP_S)}). Every **sync interval** the
      clock measures its offset by a two-way exchange whose forward and backward delays each carry
      exponential **jitter** of the given mean, so the measurement is off by half their difference;
      it steps its offset by the measurement and steers its frequency by g = ${frequencyGain} of
      the implied rate. The **precision** is the spread between the fastest and the slowest clock
      (max − min offset over the ensemble), averaged over the run. The clocks start at offset 0
      with their initial skew, so the time before the first sync counts too: the longest interval
      here (10 s) fits ${Math.floor((steps * STEP_S) / 10)} times into the run.

      This run: ${configurations} configurations (${QUALITIES.length} oscillator grades ×
      ${JITTERS_S.length} jitters × ${SYNC_INTERVALS_STEPS.length} sync intervals),
      **${laneSteps.toExponential(2)} lane-steps** through the SIMD WebAssembly kernel
      (bit-identical to its TypeScript reference). Configuration i draws its random numbers from
      Philox with key = seed ${nb.seed} and counter word 3 = i, as a sweep task would.
    `;
    const progress = nb.progress('configurations', configurations);
    const rows: Record<string, number | string>[] = [];
    let task = 0;
    for (const quality of QUALITIES) {
      for (const jitterS of JITTERS_S) {
        for (const syncIntervalSteps of SYNC_INTERVALS_STEPS) {
          const params: ClockEnsembleParams = {
            ...CLOCK_ENSEMBLE_DEFAULTS, clocks, steps, stepS: STEP_S, syncIntervalSteps, jitterS, frequencyGain,
            whiteFmSigma: quality.whiteFmSigma, randomWalkFmSigma: quality.randomWalkFmSigma,
            initialSkewSigma: quality.initialSkewSigma, asymmetryS: 0,
          };
          const s = runClockEnsemble(params, { seed: nb.seed, task });
          rows.push({
            oscillator: quality.name, syncIntervalS: syncIntervalSteps * STEP_S, jitterS,
            precisionMeanS: s.precisionMeanS, precisionMaxS: s.precisionMaxS, offsetRmsS: s.offsetRmsS, task,
          });
          task++;
          progress.tick(1, quality.name);
        }
      }
    }
    progress.done();
    const table = nb.table('precision', rows, [
      { key: 'oscillator', header: 'oscillator' },
      { key: 'syncIntervalS', header: 'sync interval (s)' },
      { key: 'jitterS', header: 'delay jitter, mean (s)' },
      { key: 'precisionMeanS', header: 'precision, mean spread (s)', digits: 3 },
      { key: 'precisionMaxS', header: 'precision, largest spread (s)', digits: 3 },
      { key: 'offsetRmsS', header: 'offset to reference, rms (s)', digits: 3 },
      { key: 'task', header: 'task (1)' },
    ], { caption: 'Every configuration of the sweep; task is the Philox counter word of its random numbers.' });

    const intervals = SYNC_INTERVALS_STEPS.map((k) => k * STEP_S);
    nb.figure('precision-heat-map', {
      width: 900,
      height: 260,
      marginLeft: 70,
      marginBottom: 45,
      padding: 0.04,
      fx: { label: 'oscillator', domain: QUALITIES.map((q) => q.name) },
      x: { type: 'band', label: 'sync interval (s)', domain: intervals, tickFormat: (v: number) => String(v) },
      y: { type: 'band', label: 'delay jitter, mean (s)', domain: [...JITTERS_S].reverse(), tickFormat: (v: number) => time(v) },
      color: { type: 'log', scheme: 'viridis', label: 'precision (s)' },
      marks: [
        Plot.cell(rows, { fx: 'oscillator', x: 'syncIntervalS', y: 'jitterS', fill: 'precisionMeanS' }),
        Plot.text(rows, {
          fx: 'oscillator', x: 'syncIntervalS', y: 'jitterS', text: (d: { precisionMeanS: number }) => time(d.precisionMeanS),
          fill: 'white', stroke: 'black', strokeWidth: 2, paintOrder: 'stroke', fontSize: 9,
        }),
      ],
    }, {
      caption: 'Mean precision (max − min offset over the ensemble) for each sync interval and delay jitter, one panel per oscillator grade; darker is better.',
      data: table,
    });

    // Where the sync interval stops mattering: the longest interval whose precision is within
    // 1.5× of the shortest interval's, per oscillator and jitter.
    const knees = QUALITIES.flatMap((q) => JITTERS_S.map((jitterS) => {
      const series = rows.filter((r) => r.oscillator === q.name && r.jitterS === jitterS);
      const best = series[0].precisionMeanS as number;
      let flatUntil = series[0].syncIntervalS as number;
      for (const r of series) {
        if ((r.precisionMeanS as number) <= 1.5 * best) flatUntil = r.syncIntervalS as number;
        else break;
      }
      return { oscillator: q.name, jitterS, shortestS: best, flatUntilS: flatUntil };
    }));
    nb.table('interval-that-matters', knees, [
      { key: 'oscillator', header: 'oscillator' },
      { key: 'jitterS', header: 'delay jitter, mean (s)' },
      { key: 'shortestS', header: `precision at the shortest interval, ${intervals[0]} s (s)`, digits: 3 },
      { key: 'flatUntilS', header: 'longest interval within 1.5× of it (s)' },
    ], { caption: 'Up to this sync interval, syncing more often does not improve precision: the jitter of the exchange dominates. Beyond it the oscillator wanders between syncs and precision degrades with the interval.' });

    nb.md`
      **Reading the maps.** With short sync intervals every panel shows horizontal bands: the
      precision is set by the delay jitter (half the forward–backward difference of two
      exponentials has standard deviation J/√2, and the spread of N clocks is a few times that),
      and the oscillator does not matter. As the interval grows, each clock's offset wanders
      between syncs — by the white-FM random walk, the random-walk-FM drift and any skew the servo
      has not yet removed — and once that wander exceeds the jitter floor, precision degrades with
      the interval. A better oscillator pushes that point to longer intervals: the second table
      lists, for each grade and jitter, the longest interval that is still as good (within 1.5×)
      as syncing every ${intervals[0]} s. Small jitter exposes the oscillator soonest; with
      ${time(JITTERS_S[JITTERS_S.length - 1])} of jitter even the crystal oscillator keeps up for longer.
    `;
  },
);

/**
 * Notebook 40: the detection-time / accuracy trade-off of every timeout-based failure detector,
 * on the same heartbeat trace. Run: `chronotope run notebooks/40-qos-tradeoff.ts`.
 *
 * Sources:
 * - QoS metrics T_D, T_MR, T_M, P_A: W. Chen, S. Toueg, M. K. Aguilera, "On the Quality of Service
 *   of Failure Detectors", IEEE Trans. Computers 51(5), 2002, §2.3; NFD-S and NFD-E §4, §6.
 * - NFD-S closed form: derived in src/failure-detection/qos/nfd-s-analytic.ts, checked against
 *   simulation in its tests.
 * - φ accrual: Hayashibara, Défago, Yared, Katayama, SRDS 2004; Akka's variant
 *   (akka/akka@9892c5e PhiAccrualFailureDetector.scala); Cassandra's exponential φ
 *   (apache/cassandra FailureDetector.java); SWIM (Das, Gupta, Motivala, DSN 2002) and
 *   Lifeguard (hashicorp/memberlist@1b4c746). Each reproduces its project's test vectors
 *   (test/failure-detection/).
 */
import * as Plot from '@observablehq/plot';
import {
  TIMING_ASSUMPTIONS, formatDelay, generateTrace, measureAccuracy, measureDetection, nfdSAnalyticQos, parseDelay,
  type TimeoutDetectorName,
} from '../src/failure-detection/index.ts';
import { notebook, type TableRow } from '../src/notebook/index.ts';

/** Each detector's knob and the values swept: δ for the timeouts, the threshold for φ. */
const SWEEPS: ReadonlyArray<{ name: TimeoutDetectorName; knob: 'delta' | 'threshold' | 'none'; values: number[] }> = [
  { name: 'fixed', knob: 'delta', values: [0.1, 0.2, 0.4, 0.8, 1.6] },
  { name: 'nfd-s', knob: 'delta', values: [0.05, 0.1, 0.2, 0.4, 0.8] },
  { name: 'nfd-e', knob: 'delta', values: [0.05, 0.1, 0.2, 0.4, 0.8] },
  { name: 'phi', knob: 'threshold', values: [1, 2, 4, 8, 16] },
  { name: 'phi-akka', knob: 'threshold', values: [1, 2, 4, 8, 16] },
  { name: 'cassandra', knob: 'threshold', values: [0.5, 1, 2, 4, 8] },
  { name: 'swim', knob: 'none', values: [0] },
  { name: 'lifeguard', knob: 'none', values: [0] },
];

const COLORS: Record<TimeoutDetectorName, string> = {
  fixed: '#1b9e77', 'nfd-s': '#d95f02', 'nfd-e': '#7570b3', phi: '#e7298a', 'phi-akka': '#66a61e',
  cassandra: '#e6ab02', swim: '#a6761d', lifeguard: '#666666',
};

export default notebook(
  {
    title: 'Failure detectors: detection time against accuracy',
    summary: 'T_D against T_MR for fixed timeouts, NFD-S/E, φ (exact, Akka, Cassandra), SWIM and Lifeguard on one trace.',
    params: {
      heartbeats: { value: 100_000, min: 10_000, max: 100_000_000, integer: true, description: 'heartbeats in the trace (1)' },
      etaS: { value: 1, min: 0.001, description: 'heartbeat interval η (s)' },
      loss: { value: 0.01, min: 0, max: 1, description: 'heartbeat loss probability p_L (1)' },
      delay: { value: 'lognormal:-3.9,0.6', description: 'delay distribution (exp:MEAN, lognormal:MU,SIGMA, pareto:XM,ALPHA)' },
      crashes: { value: 100, min: 10, max: 100_000, integer: true, description: 'crashes per point for T_D (1)' },
    },
    seed: 40,
  },
  (nb, { heartbeats, etaS, loss, delay: delaySpec, crashes }) => {
    const delay = parseDelay(delaySpec);
    nb.md`
      Every detector below watches the **same** ${heartbeats.toLocaleString('en-US')} heartbeats:
      sent every η = ${etaS} s, each lost with probability ${loss}, the others delayed by
      ${formatDelay(delay)} (for lognormal, μ and σ of ln(delay / 1 s): median
      ${(Math.exp(delay.kind === 'lognormal' ? delay.mu : 0) * 1000).toFixed(1)} ms, a heavier tail than the
      exponential). Seed ${nb.seed}.

      For each detector we turn its one knob — the shift δ of a timeout, the threshold of a φ
      detector — and measure, as Chen, Toueg and Aguilera define them: the mean detection time
      E(T_D) over ${crashes} crashes at random instants, and on the failure-free run the mean
      mistake recurrence time E(T_MR) (how long between false suspicions) and the query accuracy
      P_A. Better is **left and up**: fast detection, rare mistakes.
      SWIM and Lifeguard have no such knob here (memberlist's defaults); they are single points.
    `;
    const trace = generateTrace({ count: heartbeats, etaS, lossProbability: loss, delay, seed: nb.seed });
    const warmupBeats = Math.min(1000, Math.floor(heartbeats / 10));
    const rows: TableRow[] = [];
    const total = SWEEPS.reduce((n, s) => n + s.values.length, 0);
    const progress = nb.progress('detector settings', total);
    for (const sweep of SWEEPS) {
      for (const value of sweep.values) {
        const config = {
          name: sweep.name, etaS, deltaS: sweep.knob === 'delta' ? value : 0, threshold: sweep.knob === 'threshold' ? value : undefined,
          lossProbability: loss, delay, seed: nb.seed,
        };
        const acc = measureAccuracy(config, trace, warmupBeats * trace.etaUs);
        const det = measureDetection(config, trace, crashes, Math.min(300, warmupBeats), nb.seed, 11);
        rows.push({
          detector: sweep.name,
          knob: sweep.knob === 'none' ? 'defaults' : `${sweep.knob} = ${value}`,
          tdMeanS: det.meanS,
          tdP99S: det.p99S,
          tmrS: acc.mistakes >= 2 ? acc.mistakeRecurrenceS.mean : null,
          mistakes: acc.mistakes,
          tmS: acc.mistakes >= 1 ? acc.mistakeDurationS.mean : null,
          pa: acc.queryAccuracy.mean,
        });
        progress.tick();
      }
    }
    progress.done();
    const table = nb.table('tradeoff', rows, [
      { key: 'detector', header: 'detector' },
      { key: 'knob', header: 'setting' },
      { key: 'tdMeanS', header: 'E(T_D) (s)', digits: 4 },
      { key: 'tdP99S', header: 'T_D p99 (s)', digits: 4 },
      { key: 'tmrS', header: 'E(T_MR) (s)', digits: 4 },
      { key: 'mistakes', header: 'mistakes (1)' },
      { key: 'tmS', header: 'E(T_M) (s)', digits: 4 },
      { key: 'pa', header: 'P_A (1)', digits: 6 },
    ], { caption: 'Each detector at each setting on the same trace. E(T_MR) is blank with fewer than two mistakes in the run: longer than the run can show.' });

    // NFD-S closed form (our derivation) along the same δ values, as a line.
    const exact = [0.05, 0.1, 0.2, 0.4, 0.8].map((deltaS) => {
      const q = nfdSAnalyticQos(etaS, deltaS, loss, delay, 4000);
      // T_D averaged over a crash uniform in the period: δ + η/2 when the last heartbeat arrives.
      return { detector: 'nfd-s (closed form)', deltaS, tdMeanS: deltaS + etaS / 2, tmrS: q.mistakeRecurrenceS };
    });
    nb.table('nfd-s-closed-form', exact, [
      { key: 'deltaS', header: 'δ (s)' },
      { key: 'tdMeanS', header: 'E(T_D) if the last heartbeat arrives (s)', digits: 4 },
      { key: 'tmrS', header: 'E(T_MR), closed form (s)', digits: 5 },
    ], { caption: 'NFD-S from the closed form of src/failure-detection/qos/nfd-s-analytic.ts.' });

    const plotted = rows.filter((r) => r.tmrS !== null);
    nb.figure('td-vs-tmr', {
      x: { type: 'log', label: 'mean detection time E(T_D) (s)', grid: true, tickFormat: '.2~f' },
      y: { type: 'log', label: 'mean mistake recurrence E(T_MR) (s)', grid: true, tickFormat: '~s' },
      color: { domain: Object.keys(COLORS), range: Object.values(COLORS) },
      marks: [
        Plot.line(exact, { x: 'tdMeanS', y: 'tmrS', stroke: '#999', strokeDasharray: '4,3' }),
        Plot.line(plotted, { x: 'tdMeanS', y: 'tmrS', stroke: 'detector', z: 'detector' }),
        Plot.dot(plotted, { x: 'tdMeanS', y: 'tmrS', fill: 'detector', r: 3 }),
        // A key in the top-left corner: one line per drawn detector, in its colour.
        ...[...new Set(plotted.map((r) => r.detector as TimeoutDetectorName))].map((name, i) =>
          Plot.text([name], { frameAnchor: 'top-left', dx: 8, dy: 8 + 14 * i, text: (d: string) => d, fill: COLORS[name], textAnchor: 'start' })),
        Plot.text(['- - nfd-s closed form'], { frameAnchor: 'top-left', dx: 8, dy: 8 + 14 * new Set(plotted.map((r) => r.detector)).size, text: (d: string) => d, fill: '#999', textAnchor: 'start' }),
      ],
    }, { caption: 'The frontier: each line is one detector as its knob moves; the dashed grey line is NFD-S\'s closed form. Settings with fewer than two mistakes in the run are not drawn (their E(T_MR) is beyond the run): all of Akka\'s (its 3η acceptable pause), Cassandra\'s above threshold 1, SWIM\'s and Lifeguard\'s — see the table for their detection times.', data: table });

    nb.md`
      The plateau near η/p_L = ${Math.round(etaS / Math.max(loss, 1e-12))} s is the loss rate: a detector that waits less
      than one extra heartbeat period after the expected arrival suspects at every lost heartbeat,
      whatever its formula. Only waiting longer than a period (δ > η, φ thresholds that reach past
      the next heartbeat, Akka's acceptable pause, SWIM's indirect probes) escapes it, and each pays
      for that in detection time.
    `;

    nb.md`
      **Timing assumptions.** In a purely asynchronous system no detector is both complete and
      accurate; each one above places a timing assumption somewhere, and the frontier is its
      price:

      ${Object.entries(TIMING_ASSUMPTIONS).filter(([k]) => SWEEPS.some((s) => s.name === k)).map(([k, v]) => `- **${k}**: ${v}`).join('\n')}
    `;
  },
);

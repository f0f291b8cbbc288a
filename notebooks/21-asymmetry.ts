/**
 * Notebook 21: two-way synchronisation error against path asymmetry, for NTP and for PTP. Run:
 * `chronotope run notebooks/21-asymmetry.ts`.
 *
 * Sources:
 * - NTP on-wire offset θ = ((T2 − T1) + (T3 − T4))/2: RFC 5905 §8; PTP end-to-end
 *   offsetFromMaster and delayAsymmetry: IEEE 1588-2019 §11.3, §16.8 (src/clocks/sync/).
 * - The error is (d_fwd − d_ret)/2 for every two-way exchange and no time stamp can observe it:
 *   property-tested in test/clocks/sync/one-way-delay.test.ts; Einstein (1905), "Zur
 *   Elektrodynamik bewegter Körper", §1: synchronisation defined by equal one-way light times.
 * - Simulation: src/clocks/sync/network/two-way-network.ts (linuxptp PI servo, NTP clock filter
 *   and PLL discipline, oscillators of Vig's OCXO class).
 */
import * as Plot from '@observablehq/plot';
import { simulateTwoWayNetwork, type TwoWayAlgorithm } from '../src/clocks/sync/network/two-way-network.ts';
import { chainGraph } from '../src/clocks/sync/network/graph.ts';
import { notebook, type TableRow } from '../src/notebook/index.ts';

/** The last point of each series (where its label goes). */
function lastOfEach<T extends Record<string, unknown>>(points: T[], key: keyof T): T[] {
  const last = new Map<unknown, T>();
  for (const p of points) last.set(p[key], p);
  return [...last.values()];
}

export default notebook(
  {
    title: 'Two-way synchronisation and path asymmetry',
    summary: 'NTP and PTP err by half the path asymmetry, and nothing in their time stamps can show it.',
    params: {
      hops: { value: 3, min: 1, max: 8, integer: true, description: 'hops from the reference to the farthest node' },
      ptpDurationS: { value: 60, min: 20, description: 'simulated seconds per PTP run' },
      ntpDurationS: { value: 4000, min: 100, description: 'simulated seconds per NTP run (1 s polls)' },
    },
    seed: 21,
  },
  (nb, { hops, ptpDurationS, ntpDurationS }) => {
    nb.md`
      A two-way exchange measures the round trip, not the two one-way delays. Its offset estimate
      assumes they are equal, so when the forward path is slower by A the estimate is off by
      exactly A/2 — the same for NTP, PTP, Cristian and every other two-way scheme. Which one-way
      delay is "true" is a convention (Einstein's): shifting s from the offset into the delays
      leaves all four time stamps unchanged, so no exchange can detect it.

      Below, a chain of ${hops} hops: every link's forward (away from the reference) delay exceeds
      its return delay by A. Each node synchronises through its parent (NTP strata, PTP transparent
      clocks to the grandmaster). Every run uses the same seed, so the same oscillators, jitter and
      start-up; the shift of the last node's mean offset from the symmetric run is set against
      −hops·A/2. (NTP's loop, with its 65 s time constant per level and a much slower frequency
      integrator, is still ringing from its start-up after ${ntpDurationS} s — the shift removes that
      common part.)
    `;
    const asymmetriesNs = [0, 100, 300, 1000, 3000];
    const ntpScale = 100; // NTP lives in µs: its asymmetries are 100× larger
    const rows: TableRow[] = [];
    const progress = nb.progress('asymmetries', asymmetriesNs.length * 2);
    const run = (algorithm: TwoWayAlgorithm, asymmetryNs: number, durationS: number) => {
      const n = hops + 1;
      const r = simulateTwoWayNetwork({
        graph: chainGraph(n, 2), algorithm, durationS, syncIntervalS: 1, oscillator: 'ocxo', seed: nb.seed, asymmetryNs,
      });
      let sum = 0;
      let count = 0;
      for (let k = 0; k < r.timesS.length; k++) {
        if (r.timesS[k] < durationS / 2) continue;
        sum += r.errorsNs[k * n + hops] - r.errorsNs[k * n];
        count++;
      }
      return { mean: sum / count, rms: r.nodes[hops - 1].rmsNs };
    };
    let ptp0 = 0;
    let ntp0 = 0;
    for (const a of asymmetriesNs) {
      const ptp = run('ptp-e2e', a, ptpDurationS);
      progress.tick(1, `ptp ${a} ns`);
      const ntp = run('ntp', a * ntpScale, ntpDurationS);
      progress.tick(1, `ntp ${a * ntpScale} ns`);
      if (a === 0) { ptp0 = ptp.mean; ntp0 = ntp.mean; }
      rows.push({
        asymmetryPtpNs: a, ptpMeanNs: ptp.mean, ptpShiftNs: ptp.mean - ptp0, ptpRmsNs: ptp.rms, asymmetryNtpNs: a * ntpScale,
        ntpMeanNs: ntp.mean, ntpShiftNs: ntp.mean - ntp0, ntpRmsNs: ntp.rms, theoryPtpNs: (-hops * a) / 2,
        theoryNtpNs: (-hops * a * ntpScale) / 2,
      });
    }
    progress.done();
    nb.table('asymmetry-error', rows, [
      { key: 'asymmetryPtpNs', header: 'PTP asymmetry per link (ns)' },
      { key: 'ptpMeanNs', header: 'PTP mean offset, last node (ns)', digits: 4 },
      { key: 'ptpShiftNs', header: 'PTP shift from symmetric run (ns)', digits: 4 },
      { key: 'ptpRmsNs', header: 'PTP rms offset (ns)', digits: 4 },
      { key: 'theoryPtpNs', header: 'PTP −hops·A/2 (ns)' },
      { key: 'asymmetryNtpNs', header: 'NTP asymmetry per link (ns)' },
      { key: 'ntpMeanNs', header: 'NTP mean offset, last node (ns)', digits: 4 },
      { key: 'ntpShiftNs', header: 'NTP shift from symmetric run (ns)', digits: 4 },
      { key: 'ntpRmsNs', header: 'NTP rms offset (ns)', digits: 4 },
      { key: 'theoryNtpNs', header: 'NTP −hops·A/2 (ns)' },
    ], { caption: `Mean offset of the node ${hops} hops from the reference over the second half of each run (PTP ${ptpDurationS} s, NTP ${ntpDurationS} s).` });
    const points = rows.flatMap((r) => [
      { algorithm: 'PTP (E2E, transparent clocks)', asymmetryNs: r.asymmetryPtpNs as number, errorNs: -(r.ptpShiftNs as number) },
      { algorithm: 'NTP (RFC 5905)', asymmetryNs: r.asymmetryNtpNs as number, errorNs: -(r.ntpShiftNs as number) },
    ]).filter((p) => p.asymmetryNs > 0);
    const theory = [10, 1e6].map((a) => ({ asymmetryNs: a, errorNs: (hops * a) / 2 }));
    nb.figure('error-vs-asymmetry', {
      width: 680, height: 420, marginLeft: 70, marginRight: 20,
      x: { type: 'log', label: 'path asymmetry per link A (ns)', grid: true },
      y: { type: 'log', label: 'offset error from the asymmetry, last node (ns)', grid: true },
      color: { domain: ['PTP (E2E, transparent clocks)', 'NTP (RFC 5905)'], range: ['#1b9e77', '#d95f02'] },
      marks: [
        Plot.line(theory, { x: 'asymmetryNs', y: 'errorNs', stroke: '#999', strokeDasharray: '4 3' }),
        Plot.dot(points, { x: 'asymmetryNs', y: 'errorNs', stroke: 'algorithm', r: 4 }),
        Plot.text(lastOfEach(points, 'algorithm'), { x: 'asymmetryNs', y: 'errorNs', text: 'algorithm', dx: -8, dy: -12, textAnchor: 'end', fill: 'algorithm' }),
        Plot.text([theory[1]], { x: 'asymmetryNs', y: 'errorNs', text: () => `hops·A/2`, dy: 14, textAnchor: 'end', fill: '#666' }),
      ],
    }, { caption: 'Shift of the last node behind the reference caused by the asymmetry, against the per-link asymmetry: both algorithms sit on hops·A/2 (dashed), each in its own range.' });
    const ptpZero = rows[0].ptpRmsNs as number;
    nb.md`
      Both protocols land on the dashed line: the simulated error is the asymmetry's half per hop,
      to within the jitter of each (PTP's rms with no asymmetry is ${ptpZero.toFixed(1)} ns with
      hardware time stamps; NTP's jitter is tens of µs with kernel time stamps). PTP can only remove
      the error when the asymmetry is known in advance and configured (delayAsymmetry,
      IEEE 1588-2019 §16.8: a metre of extra fibre one way is 4.9 ns of delay, 2.45 ns of offset).
    `;
  },
);

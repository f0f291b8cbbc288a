/**
 * Notebook 25: a ptp4l log beside the simulated linuxptp servo. Run:
 * `chronotope run notebooks/25-real-servo.ts` (or with `--param log=path/to/your/ptp4l.log`).
 *
 * Sources:
 * - ptp4l's summary lines ("master offset … s2 freq … path delay …"): ptp4l(8); the reader in
 *   src/clocks/logs/ (the shipped sample data/logs/ptp4l.log is synthetic, made by chronotope in
 *   that documented format: data/logs/README.md).
 * - The servo: linuxptp pi.c (kp 0.7, ki 0.3 at a 1 s interval with hardware time stamps),
 *   src/clocks/sync/servo/linuxptp-pi.ts; PTP end-to-end, IEEE 1588-2019 §11.3.
 * - TDEV and MTIE: NIST SP 1065 §5.2.6 and ITU-T G.810 (src/clocks/stability/).
 */
import * as Plot from '@observablehq/plot';
import { readLog, logPhaseSeries } from '../src/clocks/logs/index.ts';
import { OSCILLATOR_CLASS_NAMES, type OscillatorClassName } from '../src/clocks/clock/index.ts';
import { simulateTwoWayNetwork } from '../src/clocks/sync/network/two-way-network.ts';
import { chainGraph } from '../src/clocks/sync/network/graph.ts';
import { mtie, tdev, octaveFactors } from '../src/clocks/stability/index.ts';
import { escapeHtml } from '../src/notebook/html-escape.ts';
import { notebook, type TableRow } from '../src/notebook/index.ts';

function rms(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s / x.length);
}

/** The last point of each series (where its label goes). */
function lastOfEach<T extends Record<string, unknown>>(points: T[], key: keyof T): T[] {
  const last = new Map<unknown, T>();
  for (const p of points) last.set(p[key], p);
  return [...last.values()];
}

export default notebook(
  {
    title: 'A real servo beside a simulated one',
    summary: 'A ptp4l log (offset series, TDEV, MTIE) next to the linuxptp PI servo simulated on a matching oscillator.',
    params: {
      log: { value: 'data/logs/ptp4l.log', description: 'a ptp4l log (summary lines)' },
      oscillator: { value: 'tcxo', description: `oscillator class of the simulated slave: ${OSCILLATOR_CLASS_NAMES.join(', ')}` },
      settleS: { value: 30, min: 0, description: 'seconds after lock left out of the comparison (the servo settling)' },
    },
    seed: 25,
  },
  (nb, { log, oscillator, settleS }) => {
    const locked = logPhaseSeries(readLog(log, 'ptp4l'), log);
    // Leave out the servo's settling after lock, in the log and in the simulation alike.
    const keep = Array.from(locked.timesS, (t) => t - locked.timesS[0] >= settleS);
    const series = { ...locked, timesS: locked.timesS.filter((_, i) => keep[i]), phaseS: locked.phaseS.filter((_, i) => keep[i]) };
    const n = series.phaseS.length;
    const tau0S = series.tau0S;
    const logNs = Array.from(series.phaseS, (x) => x * 1e9);
    // The simulated slave: one hop to a grandmaster, same interval and length as the log.
    const simulated: number[] = [];
    const simTimes: number[] = [];
    simulateTwoWayNetwork({
      graph: chainGraph(2, 2), algorithm: 'ptp-e2e', durationS: n * tau0S + 10, syncIntervalS: tau0S,
      oscillator: oscillator as OscillatorClassName, seed: nb.seed,
      onServoSample: (_node, t, offsetNs, _ppb, state) => { if (state === 'locked') { simulated.push(offsetNs); simTimes.push(t); } },
    });
    const firstLockS = simTimes[0];
    while (simTimes.length > 0 && simTimes[0] - firstLockS < settleS) { simTimes.shift(); simulated.shift(); }
    const sim = simulated.slice(0, n);
    nb.md`
      The log ${'`'}${escapeHtml(log)}${'`'} holds ${locked.phaseS.length} locked (s2) summaries, one per ${tau0S} s (the
      ${n} after the first ${settleS} s of settling are compared here): the
      offset ptp4l measured from its master each time, what its PI servo acted on. Beside it, the
      same servo (kp = 0.7, ki = 0.3 at a ${tau0S} s interval) simulated on a ${oscillator.toUpperCase()}
      behind one hop with 8 ns hardware time stamps, and its own measured offsets. Both are phase
      series of the slave against its master, so the stability statistics apply: TDEV separates
      the white time-stamp noise (falling as τ^−½) from the wander the servo lets through, and
      MTIE is the largest time error over any window, what telecom masks (ITU-T G.8261) bound.
    `;
    const seriesRows = [
      ...logNs.map((v, i) => ({ source: 'ptp4l log', timeS: series.timesS[i] - series.timesS[0], offsetNs: v })),
      ...sim.map((v, i) => ({ source: 'simulated servo', timeS: simTimes[i] - simTimes[0], offsetNs: v })),
    ];
    nb.figure('offsets', {
      width: 720, height: 360, marginLeft: 60, marginRight: 110,
      x: { label: `time since lock + ${settleS} s (s)` },
      y: { label: 'master offset (ns)', grid: true },
      color: { domain: ['ptp4l log', 'simulated servo'], range: ['#d95f02', '#1b9e77'] },
      marks: [
        Plot.line(seriesRows, { x: 'timeS', y: 'offsetNs', stroke: 'source', strokeWidth: 0.8 }),
        Plot.text(['ptp4l log', 'simulated servo'].map((source, i) => ({ source, timeS: (n - 1) * tau0S, offsetNs: i === 0 ? Math.max(...logNs) : Math.min(...sim) })), { x: 'timeS', y: 'offsetNs', text: 'source', fill: 'source', dx: 6, textAnchor: 'start' }),
      ],
    }, { caption: 'Offsets as the servo saw them (ns): the log after its servo locked, and the simulated servo after its own lock.' });
    const taus = octaveFactors(Math.floor((n - 1) / 4));
    const stats = (name: string, x: number[]) => {
      const phase = Float64Array.from(x, (v) => v * 1e-9);
      const t = tdev(phase, { tau0S, taus });
      const m = mtie(phase, { tau0S, taus });
      return { name, t, m };
    };
    const both = [stats('ptp4l log', logNs), stats('simulated servo', sim)];
    const curve = both.flatMap(({ name, t, m }) => [
      ...Array.from(t.tausS, (tau, i) => ({ source: name, stat: 'TDEV', tauS: tau, ns: t.devs[i] * 1e9 })),
      ...Array.from(m.tausS, (tau, i) => ({ source: name, stat: 'MTIE', tauS: tau, ns: m.devs[i] * 1e9 })),
    ]).filter((p) => p.ns > 0);
    for (const stat of ['TDEV', 'MTIE'] as const) {
      const data = curve.filter((p) => p.stat === stat);
      nb.figure(stat.toLowerCase(), {
        width: 640, height: 380, marginLeft: 60, marginRight: 110,
        x: { type: 'log', label: 'τ (s)', grid: true },
        y: { type: 'log', label: `${stat} (ns)`, grid: true },
        color: { domain: ['ptp4l log', 'simulated servo'], range: ['#d95f02', '#1b9e77'] },
        marks: [
          Plot.line(data, { x: 'tauS', y: 'ns', stroke: 'source' }),
          Plot.dot(data, { x: 'tauS', y: 'ns', stroke: 'source', r: 2.5 }),
          Plot.text(lastOfEach(data, 'source'), { x: 'tauS', y: 'ns', text: 'source', fill: 'source', dx: 6, textAnchor: 'start' }),
        ],
      }, { caption: `${stat} of the log and of the simulated servo (octave τ, NIST SP 1065 conventions).` });
    }
    const at = (r: ReturnType<typeof tdev>, tau: number) => {
      const i = Array.from(r.tausS).indexOf(tau);
      return i >= 0 ? r.devs[i] * 1e9 : null;
    };
    nb.table('comparison', both.map(({ name, t, m }, k): TableRow => {
      const x = k === 0 ? logNs : sim;
      return {
        source: name, samples: x.length, rmsNs: rms(x), maxAbsNs: Math.max(...x.map(Math.abs)),
        tdev1: at(t, tau0S), tdev16: at(t, 16 * tau0S), mtie64: at(m, 64 * tau0S),
      };
    }), [
      { key: 'source', header: 'series' },
      { key: 'samples', header: 'locked samples (1)' },
      { key: 'rmsNs', header: 'rms offset (ns)', digits: 4 },
      { key: 'maxAbsNs', header: 'max |offset| (ns)', digits: 4 },
      { key: 'tdev1', header: 'TDEV at τ0 (ns)', digits: 4 },
      { key: 'tdev16', header: 'TDEV at 16 τ0 (ns)', digits: 4 },
      { key: 'mtie64', header: 'MTIE at 64 τ0 (ns)', digits: 4 },
    ], { caption: 'The two servos in numbers (offsets measured by each servo, after lock).' });
    nb.md`
      With the settling left out, both are steady-state servo noise. At τ0 both TDEVs start from
      the white time-stamp noise, about 4 ns; the simulated one then falls steeply — white noise
      seen through the servo averages away — while the log's flicker PM (TDEV nearly flat in τ)
      holds up: the two set-ups part exactly where their noise types differ.
      Replace the log with your own to compare your servo.
    `;
  },
);

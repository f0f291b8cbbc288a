/**
 * Notebook 32: when does timestamp order break causality? Clock skew ε against one-way delay d.
 * Run: `chronotope run notebooks/32-skew-vs-latency.ts` (`--param events=1000` for a larger run).
 *
 * Model: hosts' clocks are offset by amounts drawn uniformly from [0, ε] (Philox stream per
 * cell); every message takes d. A receive stamped before its send happens when the sender's offset
 * exceeds the receiver's by more than d, probability (ε − d)²/(2ε²) for d < ε (derived in
 * src/causality/timestamp-order.ts, tested against simulation). Hybrid logical clocks (Kulkarni et
 * al. 2014) and vector clocks (Mattern 1989) never contradict causality, whatever ε.
 * "Clock synchronisation error is indistinguishable from latency": the violations vanish exactly
 * when d ≥ ε.
 */
import * as Plot from '@observablehq/plot';
import { notebook } from '../src/notebook/index.ts';
import { RandomStream } from '../src/core/random/stream.ts';
import {
  compareHlc, hlcTimestamps, messageViolationProbability, simulateSpacetime, timestampViolations,
} from '../src/causality/index.ts';

const GRID_NS = [0.25, 0.5, 1, 2, 4, 8, 16, 32];

export default notebook(
  {
    title: 'Clock skew against latency',
    summary: 'Fraction of causally related events whose physical timestamps say the opposite, over skew × delay; HLC and vector clocks never do.',
    params: {
      hosts: { value: 4, min: 2, max: 32, integer: true, description: 'hosts' },
      events: { value: 120, min: 10, max: 5000, integer: true, description: 'events per cell of the grid' },
    },
    seed: 32,
  },
  (nb, { hosts, events }) => {
    const names = Array.from({ length: hosts }, (_, i) => `h${i}`);
    const task = nb.progress('skew × delay grid', GRID_NS.length ** 2);
    const rows: Array<Record<string, number>> = [];
    let hlcBad = 0, vectorBad = 0, lamportBad = 0, pairsTotal = 0;
    GRID_NS.forEach((skewNs, i) => GRID_NS.forEach((delayNs, j) => {
      const delayPs = Math.round(delayNs * 1000), skewPs = Math.round(skewNs * 1000);
      const cell = i * GRID_NS.length + j;
      const st = simulateSpacetime({ hosts: names, delay: () => delayPs, events, seed: nb.seed, stream: 2 * cell, meanGapPs: delayPs, sendProbability: 0.5 });
      const rng = new RandomStream(nb.seed, 2 * cell + 1);
      const offsets = names.map(() => rng.uniform() * skewPs);
      const physical = st.trace.events.map((e) => st.timePs[e.id] + offsets[e.hostId]);
      const v = timestampViolations(st.trace, physical);
      const hlc = hlcTimestamps(st.trace, (e) => physical[e.id]);
      for (const f of st.trace.events) {
        for (const e of st.trace.events) {
          if (!st.trace.happenedBefore(e, f)) continue;
          if (compareHlc(hlc[e.id], hlc[f.id]) >= 0) hlcBad++;
          if (e.lamport >= f.lamport) lamportBad++;
          if (!(f.vector[e.hostId] >= e.index)) vectorBad++;
        }
      }
      pairsTotal += v.causalPairs;
      rows.push({
        skewNs, delayNs, causalPairs: v.causalPairs, violations: v.violations,
        pairFraction: v.causalPairs > 0 ? v.violations / v.causalPairs : 0,
        messages: v.messages, messageFraction: v.messages > 0 ? v.messageViolations / v.messages : 0,
        messageAnalytic: messageViolationProbability(skewNs, delayNs),
      });
      task.tick();
    }));
    task.done();
    const grid = nb.table('grid', rows, [
      { key: 'skewNs', header: 'skew ε (ns)' },
      { key: 'delayNs', header: 'one-way delay d (ns)' },
      { key: 'causalPairs', header: 'causally related pairs (1)' },
      { key: 'violations', header: 'pairs in the wrong timestamp order (1)' },
      { key: 'pairFraction', header: 'fraction of pairs violated (1)', digits: 3 },
      { key: 'messages', header: 'messages (1)' },
      { key: 'messageFraction', header: 'fraction of messages received before sent, simulated (1)', digits: 3 },
      { key: 'messageAnalytic', header: 'same, (ε − d)²/(2ε²) (1)', digits: 3 },
    ], { caption: `One simulated run of ${events} events on ${hosts} hosts per cell; clock offsets uniform on [0, ε].` });
    nb.md`
      Every cell is a run of ${events} events on ${hosts} hosts whose clocks are off by up to ε,
      exchanging messages that take d. Ordering events by their physical timestamps puts some
      causally related pairs the wrong way round — but only while ε exceeds d: in the upper left of
      the heat maps (d ≥ ε) every message arrives, by its own timestamps, after it was sent.
    `;
    const heat = (key: string, title: string): Plot.PlotOptions => ({
      width: 520, height: 420, marginLeft: 60, marginBottom: 45,
      x: { type: 'band' as const, label: 'clock skew ε (ns)' },
      y: { type: 'band' as const, label: 'one-way delay d (ns)', reverse: true },
      color: { type: 'linear' as const, scheme: 'reds' as const, domain: [0, 0.5] },
      marks: [
        Plot.cell(rows, { x: 'skewNs', y: 'delayNs', fill: key, inset: 0.5 }),
        Plot.text(rows, { x: 'skewNs', y: 'delayNs', text: (r: Record<string, number>) => (r[key] === 0 ? '0' : r[key].toFixed(2)), fontSize: 10, fill: (r: Record<string, number>) => (r[key] > 0.3 ? 'white' : 'black') }),
        Plot.text([title], { frameAnchor: 'top', dy: -14, text: (t: string) => t }),
      ],
    });
    nb.figure('pair-violations', heat('pairFraction', 'causally related pairs in the wrong order'), {
      caption: 'Fraction of causally related pairs whose physical timestamps contradict happened-before (darker: more). Zero wherever d ≥ ε.', data: grid,
    });
    nb.figure('message-violations', heat('messageFraction', 'messages stamped before they were sent'), {
      caption: 'Fraction of messages received "before" they were sent by the clocks, simulated; the analytic (ε − d)²/(2ε²) is in the table beside it.', data: grid,
    });
    nb.table('logical-clocks', [
      { clock: 'physical timestamps', bad: rows.reduce((s, r) => s + r.violations, 0) },
      { clock: 'hybrid logical clock (l, c)', bad: hlcBad },
      { clock: 'Lamport clock', bad: lamportBad },
      { clock: 'vector clock', bad: vectorBad },
    ].map((r) => ({ ...r, pairs: pairsTotal })), [
      { key: 'clock', header: 'timestamp' },
      { key: 'bad', header: 'causally related pairs in the wrong order, whole grid (1)' },
      { key: 'pairs', header: 'causally related pairs, whole grid (1)' },
    ], { caption: 'Beside the heat maps: logical clocks, including HLC which stays within ε of physical time, never contradict causality.' });
  },
);

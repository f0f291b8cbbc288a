/**
 * Notebook 42: timeout-free link-failure detection by counting ENTL events, in link events and
 * in wall time, under load; where counting wins over a clock and where it still needs one.
 * Run: `chronotope run notebooks/42-timeout-free.ts`.
 *
 * Sources:
 * - ENTL: the Earth Computing link protocol (token ping-pong), ported in
 *   src/hardware-timing/protocols/entl.ts from earthcomputing/NALDD; its 1 s HELLO watchdog is the
 *   clock the prototype still has.
 * - Frame times at 10 Gb/s (64-byte token 67.2 ns, 1518-byte data frame 1230.4 ns, IEEE 802.3
 *   clause 4.4.2) and cable lengths: hardware-timing's PHY model and mesh8 topology.
 * - The count rule: src/failure-detection/mesh/silence-counter.ts; the link model:
 *   src/failure-detection/mesh/link-events.ts.
 */
import * as Plot from '@observablehq/plot';
import {
  meanRoundTripNs, nodeTiming, simulateLinkDetection, type NodeTiming,
} from '../src/failure-detection/index.ts';
import { mesh8 } from '../src/hardware-timing/index.ts';
import { notebook, type TableRow } from '../src/notebook/index.ts';

export default notebook(
  {
    title: 'Counting instead of timing: link failure detection without a clock',
    summary: 'Detection in link events and in nanoseconds against load; false alarms when the node slows down or one link is loaded; the isolated node.',
    params: {
      countThreshold: { value: 64, min: 1, max: 100_000, integer: true, description: 'events on other ports before a port is declared silent (1)' },
      timeoutRoundTrips: { value: 8, min: 1, max: 1000, description: 'clock rule: silence longer than this many nominal round trips (1)' },
      trials: { value: 40, min: 5, max: 100_000, integer: true, description: 'failures per load (1)' },
      runUs: { value: 2000, min: 100, max: 1_000_000, description: 'failure-free run per point for false alarms (µs)' },
    },
    seed: 42,
  },
  (nb, { countThreshold, timeoutRoundTrips, trials, runUs }) => {
    const mesh = mesh8({ rows: 8, cols: 8, wrap: true });
    const node = 0;
    const base = nodeTiming(mesh, node, 0.3);
    nb.md`
      While the ENTL token circulates on a link, every round trip delivers one event on that port.
      Node ${node} of an 8 × 8 octavalent mesh (real cable lengths, 10 Gb/s, 100 ns turnaround per
      end) watches its 8 ports. The **count rule** declares a port silent when
      ${countThreshold} events have arrived on the node's other ports since its own last event — a
      count, not a clock. The **clock rule** beside it declares a port silent after
      ${timeoutRoundTrips} nominal round trips (${(timeoutRoundTrips * meanRoundTripNs(base, 0)).toFixed(0)} ns at
      30 % load, the load its timeout was set for). Seed ${nb.seed}.
    `;
    const loads = [0, 0.1, 0.3, 0.5, 0.7, 0.9];
    const detection: TableRow[] = [];
    const progress = nb.progress('simulations', loads.length + 12);
    for (const load of loads) {
      const timing = nodeTiming(mesh, node, load);
      let countNs = 0, clockNs = 0, countN = 0, clockN = 0;
      for (let k = 0; k < trials; k++) {
        const r = simulateLinkDetection({
          timing, clockBasis: base, failedPort: k % 8, failAtNs: 20_000, countThreshold, timeoutRoundTrips,
          durationNs: 200_000, seed: nb.seed, streamId: 1000 * loads.indexOf(load) + k,
        });
        if (Number.isFinite(r.countDetectionNs)) { countNs += r.countDetectionNs; countN++; }
        if (Number.isFinite(r.clockDetectionNs)) { clockNs += r.clockDetectionNs; clockN++; }
      }
      const rtt = meanRoundTripNs(timing, 0);
      detection.push({
        load, rttNs: rtt, countEvents: countThreshold, countNs: countNs / countN, countRoundTrips: countNs / countN / rtt,
        clockNs: clockNs / clockN, clockRoundTrips: clockNs / clockN / rtt,
      });
      progress.tick();
    }
    const det = nb.table('detection-vs-load', detection, [
      { key: 'load', header: 'link load (1)' },
      { key: 'rttNs', header: 'mean token round trip (ns)', digits: 4 },
      { key: 'countEvents', header: 'count rule: events on other ports (1)' },
      { key: 'countNs', header: 'count rule: detection (ns)', digits: 4 },
      { key: 'countRoundTrips', header: 'count rule: detection (round trips)', digits: 3 },
      { key: 'clockNs', header: 'clock rule: detection (ns)', digits: 4 },
      { key: 'clockRoundTrips', header: 'clock rule: detection (round trips)', digits: 3 },
    ], { caption: `Mean detection time of a silent link failure over ${trials} failures per load.` });
    const long = detection.flatMap((d) => [
      { load: d.load, rule: 'count', ns: d.countNs }, { load: d.load, rule: 'clock', ns: d.clockNs },
    ]);
    nb.figure('detection-vs-load', {
      x: { label: 'link load (1)', grid: true },
      y: { label: 'detection time (ns)', grid: true, zero: true },
      color: { domain: ['count', 'clock'], range: ['#1b9e77', '#d95f02'] },
      marks: [
        Plot.line(long, { x: 'load', y: 'ns', stroke: 'rule' }),
        Plot.dot(long, { x: 'load', y: 'ns', fill: 'rule' }),
        Plot.text(long.filter((d) => d.load === 0.9), { x: 'load', y: 'ns', text: 'rule', dx: -8, dy: -8, textAnchor: 'end', fill: 'rule' }),
      ],
    }, { caption: 'The count rule always waits the same number of events, so in time it stretches with the load on the other links; the clock waits the same time whatever the load.', data: det });

    // False alarms: the node slows down (gray), or one link is far busier than the others.
    const falseAlarms: TableRow[] = [];
    const runNs = runUs * 1000;
    for (const slowdown of [1, 10, 30, 50, 100]) {
      const r = simulateLinkDetection({
        timing: nodeTiming(mesh, node, 0.3, 100, slowdown), clockBasis: base, failedPort: 0, failAtNs: Infinity,
        countThreshold, timeoutRoundTrips, durationNs: runNs, seed: nb.seed, streamId: 50_000 + slowdown,
      });
      falseAlarms.push({ case: 'node slows down', threshold: countThreshold, x: slowdown, count: r.countFalseAlarms / (runNs / 1e9), clock: r.clockFalseAlarms / (runNs / 1e9) });
      progress.tick();
    }
    const tight = Math.max(1, Math.round(countThreshold / 4));
    for (const hot of [0.5, 0.9, 0.99]) {
      for (const threshold of [tight, countThreshold]) {
        const timing: NodeTiming = { ...base, ports: base.ports.map((p, i) => ({ ...p, load: i === 0 ? hot : 0 })) };
        const r = simulateLinkDetection({
          timing, clockBasis: base, failedPort: 0, failAtNs: Infinity, countThreshold: threshold, timeoutRoundTrips,
          durationNs: runNs, seed: nb.seed, streamId: 60_000 + Math.round(hot * 100),
        });
        falseAlarms.push({ case: 'one link loaded, the others idle', threshold, x: hot, count: r.countFalseAlarms / (runNs / 1e9), clock: r.clockFalseAlarms / (runNs / 1e9) });
        progress.tick();
      }
    }
    nb.table('false-alarms', falseAlarms, [
      { key: 'case', header: 'case' },
      { key: 'threshold', header: 'count threshold (1)' },
      { key: 'x', header: 'slow-down (×) or load of the busy link (1)' },
      { key: 'count', header: 'count rule: false alarms per second (1/s)', digits: 4 },
      { key: 'clock', header: 'clock rule: false alarms per second (1/s)', digits: 4 },
    ], { caption: `False declarations on live links over ${runUs} µs of link time per point.` });

    // The isolated node: every port silent at once.
    const isolated = simulateLinkDetection({
      timing: base, failedPort: 0, alsoSilent: [1, 2, 3, 4, 5, 6, 7], failAtNs: 20_000, countThreshold, timeoutRoundTrips,
      durationNs: 200_000, seed: nb.seed, streamId: 70_000,
    });
    progress.tick();
    progress.done();
    nb.table('isolated-node', [{
      count: Number.isFinite(isolated.countDetectionNs) ? isolated.countDetectionNs : null,
      clock: isolated.clockDetectionNs,
    }], [
      { key: 'count', header: 'count rule: detection (ns)' },
      { key: 'clock', header: 'clock rule: detection (ns)', digits: 4 },
    ], { caption: 'All eight ports fall silent together (the node is cut off, or its own receiver died): the count rule never fires (blank).' });

    nb.md`
      **Where counting wins.** A node that slows down — a gray failure of the observer itself, a
      stalled FPGA pipeline, a busy host — slows every port together, so no count grows: the count
      rule raises no false alarm, while a clock set for the healthy node fires on every link. The
      count measures the link *against its neighbours*, not against an absolute time.

      **Where it still needs a clock.** (1) When all the node's other ports are silent too — the
      node is isolated, or its own receive path died — nothing is counted and nothing is declared;
      only a watchdog clock can notice (ENTL's driver has one: a 1 s HELLO watchdog). (2) When one
      link is much busier than the others, its token's round trip grows while the others tick fast,
      and a small threshold declares a live link dead; the threshold must exceed the ratio of the
      rates, which is a timing assumption in disguise. (3) Under load the count rule's wall-clock
      detection time grows with the other links' round trips.
    `;
  },
);

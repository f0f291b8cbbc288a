/**
 * Notebook 10: how long a frame is on the wire, and how much of a link a sender uses when it waits
 * for each frame's handshake (the atomic-Ethernet "snake"). Run: `chronotope run notebooks/10-snake-utilisation.ts`.
 *
 * Sources:
 * - Frame on the wire: 7 B preamble + 1 B SFD + 64 B frame + 12 B minimum gap = 84 B
 *   (IEEE 802.3 Clause 3.2 and 4.4.2), 6.72 ns at 100 Gb/s.
 * - The spec table (atomic-Ethernet specification, as quoted in issue 6): 5 ns/m; RTT = 10 ns/m × L
 *   + 2.4 ns; U = 6.16 %, 35.14 %, 66.40 %, 72.88 % at 10 m, 1 m, 10 cm, 1 cm.
 * - Utilisation U = T_tx / (T_tx + RTT), frames in flight W = ⌈(T_tx + RTT)/T_tx⌉: checked here
 *   against a simulation of a windowed sender on the discrete-event engine at 1 ps.
 */
import * as Plot from '@observablehq/plot';
import { Simulation } from '../src/core/engine/simulation.ts';
import { notebook } from '../src/notebook/index.ts';
import {
  PHY_RATES, frameTimePs, framesInFlight, handshakeUtilisation, windowUtilisation, type RateName,
} from '../src/hardware-timing/phy/index.ts';

/** The spec's table: length and quoted utilisation (%). */
const SPEC_TABLE: ReadonlyArray<{ lengthM: number; specUtilisationPct: number }> = [
  { lengthM: 10, specUtilisationPct: 6.16 },
  { lengthM: 1, specUtilisationPct: 35.14 },
  { lengthM: 0.1, specUtilisationPct: 66.4 },
  { lengthM: 0.01, specUtilisationPct: 72.88 },
];
const RATES: readonly RateName[] = ['10G', '25G', '100G', '400G'];

/**
 * Simulates a sender that keeps at most `window` frames unacknowledged: each frame occupies the
 * link for frameTimePs, its acknowledgement returns rttPs after the frame's last bit. Returns the
 * fraction of time the link carried frames over `frames` frames. Times are whole picoseconds.
 */
function simulateWindow(frameTimePsInt: number, rttPsInt: number, window: number, frames: number): number {
  const sim = new Simulation({ resolution: 'ps' });
  let sent = 0;
  let outstanding = 0;
  let linkFreeAt = 0;
  let lastEnd = 0;
  const SEND = 0;
  const ACK = 1;
  const sender = sim.entity('sender', (s, _e, kind) => {
    if (kind === ACK) outstanding--;
    // A frame goes out when the window has room and the link is free; the link then frees again
    // after one frame time, so a SEND is due then.
    if (outstanding < window && sent < frames && linkFreeAt <= s.now) {
      const end = s.now + frameTimePsInt;
      linkFreeAt = end;
      lastEnd = end;
      sent++;
      outstanding++;
      s.scheduleAt(end + rttPsInt, sender, ACK);
      if (sent < frames) s.scheduleAt(end, sender, SEND);
    }
  });
  sim.schedule(0, sender, SEND);
  sim.run();
  return (frames * frameTimePsInt) / lastEnd;
}

export default notebook(
  {
    title: 'Snake utilisation: frame length, handshakes and frames in flight',
    summary: 'Utilisation of a link whose sender waits for each handshake, against cable length and rate, and how many frames must be in flight to fill it.',
    params: {
      nsPerM: { value: 5, min: 3.33564, description: 'propagation delay (ns/m), the spec\'s 5' },
      overheadNs: { value: 2.4, min: 0, description: 'fixed part of the round trip (ns), the spec\'s 2.4' },
      frameBytes: { value: 64, min: 64, max: 9216, integer: true, description: 'frame size (bytes)' },
    },
    seed: 1,
  },
  (nb, { nsPerM, overheadNs, frameBytes }) => {
    const rtt = (lengthM: number) => 2 * nsPerM * lengthM + overheadNs;
    const t100 = frameTimePs(PHY_RATES['100G'], frameBytes) / 1000;
    nb.md`
      A ${frameBytes}-byte frame takes ${frameBytes + 20} bytes on the wire (preamble, SFD and the
      minimum gap), **${t100} ns at 100 Gb/s**; at ${nsPerM} ns/m it is
      **${(t100 / nsPerM).toFixed(3)} m long**. A sender that waits for each frame's handshake
      to come back uses the link for T_tx out of every T_tx + RTT, with
      RTT = ${2 * nsPerM} ns/m × L + ${overheadNs} ns.
    `;
    const specRows = SPEC_TABLE.map(({ lengthM, specUtilisationPct }) => {
      const u = 100 * handshakeUtilisation(t100, rtt(lengthM));
      return { lengthM, frameLengthM: t100 / nsPerM, frameTimeNs: t100, rttNs: rtt(lengthM), utilisationPct: u, specUtilisationPct, differencePct: u - specUtilisationPct };
    });
    nb.table('spec-table', specRows, [
      { key: 'lengthM', header: 'cable (m)' },
      { key: 'frameLengthM', header: 'frame on the wire (m)', digits: 4 },
      { key: 'frameTimeNs', header: 'T_tx (ns)', digits: 4 },
      { key: 'rttNs', header: 'RTT (ns)', digits: 4 },
      { key: 'utilisationPct', header: 'U computed (%)', digits: 6 },
      { key: 'specUtilisationPct', header: 'U in the spec (%)', digits: 4 },
      { key: 'differencePct', header: 'difference (percentage points)', digits: 2 },
    ], { caption: `The spec's table at 100 Gb/s, ${frameBytes}-byte frames.` });
    nb.md`
      The computed values agree with the spec to within 0.01 percentage point. The spec rounds
      unevenly: 6.158 % becomes 6.16 (rounded), but 35.146 % and 72.885 % become 35.14 and 72.88
      (cut off); the computed column shows every digit.
    `;

    // Utilisation against length for each rate.
    const lengths = Array.from({ length: 41 }, (_, i) => 10 ** (-2 + (i * 4) / 40));
    const curve = RATES.flatMap((rate) => {
      const tx = frameTimePs(PHY_RATES[rate], frameBytes) / 1000;
      return lengths.map((lengthM) => ({
        rate, lengthM, frameTimeNs: tx, rttNs: rtt(lengthM),
        utilisationPct: 100 * handshakeUtilisation(tx, rtt(lengthM)),
        framesInFlight: framesInFlight(tx, rtt(lengthM)),
      }));
    });
    // Plot's default SI ticks print 0.01 as "10m", which reads as ten metres: name the lengths.
    const lengthTicks: ReadonlyArray<[number, string]> = [[0.01, '1 cm'], [0.1, '10 cm'], [1, '1 m'], [10, '10 m'], [100, '100 m']];
    const lengthAxis = { type: 'log' as const, label: 'cable length (m)', grid: true, ticks: lengthTicks.map(([m]) => m), tickFormat: (m: number) => lengthTicks.find(([v]) => v === m)?.[1] ?? '' };
    const curveTable = nb.table('utilisation', curve, [
      { key: 'rate', header: 'rate' },
      { key: 'lengthM', header: 'cable (m)', digits: 4 },
      { key: 'frameTimeNs', header: 'T_tx (ns)', digits: 4 },
      { key: 'rttNs', header: 'RTT (ns)', digits: 5 },
      { key: 'utilisationPct', header: 'U, one frame per handshake (%)', digits: 4 },
      { key: 'framesInFlight', header: 'frames in flight to fill the link (1)' },
    ], { caption: 'Utilisation and frames in flight against cable length, by rate.' });
    // Each curve labelled where it crosses L = 1 m (the 21st of 41 lengths), clear of the axis.
    const labelPoint = (rate: RateName) => curve.filter((r) => r.rate === rate)[20];
    nb.figure('utilisation', {
      width: 720, height: 380, marginLeft: 60,
      x: lengthAxis,
      y: { label: 'utilisation, one frame per handshake (%)', domain: [0, 100], grid: true },
      marks: [
        Plot.line(curve, { x: 'lengthM', y: 'utilisationPct', z: 'rate', stroke: 'black' }),
        Plot.dot(specRows, { x: 'lengthM', y: 'specUtilisationPct', r: 4, stroke: 'black', fill: 'white' }),
        Plot.text(RATES.map(labelPoint), { x: 'lengthM', y: 'utilisationPct', text: 'rate', dx: 6, textAnchor: 'start', dy: -8 }),
      ],
    }, { caption: 'U = T_tx / (T_tx + RTT) at each rate; circles: the spec\'s table at 100 Gb/s.', data: curveTable });

    nb.md`
      ## Make events parallel

      The seed's rule: *if more bandwidth than 1/latency is needed, explicitly make events
      parallel.* One handshake at a time gives at most one frame per round trip; filling the link
      needs W = ⌈(T_tx + RTT)/T_tx⌉ frames in flight. At 400 Gb/s over 10 m that is
      **${framesInFlight(frameTimePs(PHY_RATES['400G'], frameBytes) / 1000, rtt(10))} frames**.
    `;
    nb.figure('frames-in-flight', {
      width: 720, height: 380, marginLeft: 60, marginRight: 50,
      x: lengthAxis,
      y: { type: 'log', label: 'frames in flight to fill the link (1)', grid: true },
      marks: [
        Plot.line(curve, { x: 'lengthM', y: 'framesInFlight', z: 'rate', stroke: 'black', curve: 'step-after' }),
        Plot.text(RATES.map((r) => curve.filter((c) => c.rate === r).at(-1)!), { x: 'lengthM', y: 'framesInFlight', text: 'rate', dx: 6, textAnchor: 'start' }),
      ],
    }, { caption: 'Frames that must be in flight for the link to be busy all the time.', data: curveTable });

    // The formulas checked by simulation on the engine (1 ps ticks).
    const checks = RATES.flatMap((rate) => [0.01, 1, 10].flatMap((lengthM) => {
      const txPs = frameTimePs(PHY_RATES[rate], frameBytes);
      const rttPs = Math.round(rtt(lengthM) * 1000); // whole picoseconds, rounded explicitly
      const need = framesInFlight(txPs, rttPs);
      return [...new Set([1, Math.max(1, need - 1), need])].map((window) => ({
        rate, lengthM, window,
        formulaPct: 100 * windowUtilisation(window, txPs, rttPs),
        simulatedPct: 100 * simulateWindow(txPs, rttPs, window, 2000),
      }));
    }));
    nb.table('simulation-check', checks, [
      { key: 'rate', header: 'rate' },
      { key: 'lengthM', header: 'cable (m)' },
      { key: 'window', header: 'frames in flight (1)' },
      { key: 'formulaPct', header: 'U formula (%)', digits: 6 },
      { key: 'simulatedPct', header: 'U simulated, 2000 frames (%)', digits: 6 },
    ], { caption: 'min(1, W·T_tx/(T_tx + RTT)) against a simulated sender with W frames in flight (the simulation ends at the last frame, so it differs by at most one round trip in 2000 frames).' });
  },
);

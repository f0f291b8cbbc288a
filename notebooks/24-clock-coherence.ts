/**
 * Notebook 24: the best achievable synchronisation from a chiplet to Proxima Centauri, and what
 * limits it at each scale. Run: `chronotope run notebooks/24-clock-coherence.ts`.
 *
 * An order-of-magnitude budget, each term from a stated assumption (the table lists them):
 * - one-way-delay asymmetry: a two-way exchange errs by half the unknown asymmetry (RFC 5905 §8,
 *   IEEE 1588-2019 §16.8; property-tested in test/clocks/sync/one-way-delay.test.ts);
 * - the oscillator over the round trip: a clock must keep time while the answer travels,
 *   x ≈ τ·σ_y(τ) at τ = the round-trip time (NIST SP 1065 §3; σ_y of each clock class from
 *   J. R. Vig's tutorial (quartz), Riley's handbook (Rb, H-maser) and A. D. Ludlow et al.,
 *   "Optical atomic clocks", Rev. Mod. Phys. 87, 637 (2015) (optical: 1e-16/√τ, floor 1e-18));
 * - time-stamp granularity: 4T per hop for PHY counters (Lee et al., SIGCOMM 2016);
 * - relativity: the relativity of simultaneity vL/c² between frames (src/clocks/relativity).
 * Distances: Mars mean 1.52 AU from the Sun, Earth–Mars 0.52–2.52 AU (NASA Mars Fact Sheet);
 * Proxima Centauri 4.246 ly (Gaia DR3). Light-time constants: src/core/units.
 */
import * as Plot from '@observablehq/plot';
import { ASTRONOMICAL_UNIT_M, LIGHT_YEAR_M, SPEED_OF_LIGHT_M_PER_S } from '../src/core/units/index.ts';
import { swarmExchange } from '../src/clocks/relativity/index.ts';
import { DTP_TICK_NS_10G, simulateDtp } from '../src/clocks/sync/dtp.ts';
import { chainGraph } from '../src/clocks/sync/network/graph.ts';
import { notebook, type TableRow } from '../src/notebook/index.ts';

interface Scale {
  readonly name: string;
  readonly distanceM: number;
  /** Signal speed as a fraction of c (0.67 in cable and fibre, 1 in vacuum). */
  readonly velocityFactor: number;
  readonly hops: number;
  /** Fraction of the one-way delay that is unknown asymmetry. */
  readonly asymmetryFraction: number;
  readonly asymmetryNote: string;
  /** Best practical clock: σ_y(τ) = max(white / √τ, floor). */
  readonly clock: string;
  readonly whiteFm: number;
  readonly floor: number;
  /** Time-stamp tick, s (0 when below the other terms). */
  readonly tickS: number;
  /** Relative speed of the two ends, m/s (for vL/c²). */
  readonly speedMPerS: number;
}

const c = SPEED_OF_LIGHT_M_PER_S;
const SCALES: readonly Scale[] = [
  { name: 'chiplet (die to die)', distanceM: 0.01, velocityFactor: 0.5, hops: 1, asymmetryFraction: 0.01, asymmetryNote: 'interposer traces matched to 1 %', clock: 'quartz XO', whiteFm: 1e-11, floor: 1e-12, tickS: 0.5e-9, speedMPerS: 0 },
  { name: 'rack', distanceM: 2, velocityFactor: 0.67, hops: 1, asymmetryFraction: 0.005, asymmetryNote: 'cable length known to 1 cm', clock: 'OCXO', whiteFm: 1e-12, floor: 1e-13, tickS: DTP_TICK_NS_10G * 1e-9, speedMPerS: 0 },
  { name: 'data centre (6 hops)', distanceM: 500, velocityFactor: 0.67, hops: 6, asymmetryFraction: 0.001, asymmetryNote: 'fibre pairs equal to 0.1 %', clock: 'OCXO', whiteFm: 1e-12, floor: 1e-13, tickS: DTP_TICK_NS_10G * 1e-9, speedMPerS: 0 },
  { name: 'WAN (1000 km of fibre)', distanceM: 1e6, velocityFactor: 0.68, hops: 20, asymmetryFraction: 1e-4, asymmetryNote: 'separate fibres, lengths to 100 m', clock: 'rubidium', whiteFm: 3e-12, floor: 1e-13, tickS: 0, speedMPerS: 0 },
  { name: 'Earth–Mars (1.5 AU)', distanceM: 1.5 * ASTRONOMICAL_UNIT_M, velocityFactor: 1, hops: 1, asymmetryFraction: 1e-11, asymmetryNote: 'radio ranging to ~2 m; motion during the light time modelled', clock: 'H-maser', whiteFm: 1e-13, floor: 1e-15, tickS: 0, speedMPerS: 2.4e4 },
  { name: 'Earth–Proxima Centauri', distanceM: 4.246 * LIGHT_YEAR_M, velocityFactor: 1, hops: 1, asymmetryFraction: 2.6e-5, asymmetryNote: 'Gaia DR3 parallax ±0.0026 %', clock: 'optical clock', whiteFm: 1e-16, floor: 1e-18, tickS: 0, speedMPerS: 0.2 * c },
  { name: 'probe swarm at 0.2 c (1000 km laser links)', distanceM: 1e6, velocityFactor: 1, hops: 1, asymmetryFraction: 1e-9, asymmetryNote: 'laser ranging to 1 mm; co-moving, so no motion asymmetry in the swarm frame', clock: 'optical clock', whiteFm: 1e-16, floor: 1e-18, tickS: 0, speedMPerS: 0 },
];

export default notebook(
  {
    title: 'Clock coherence from a chiplet to Proxima Centauri',
    summary: 'An error budget for the best achievable synchronisation at seven scales, and which term limits each.',
    params: {},
    seed: 24,
  },
  (nb) => {
    nb.md`
      How well can two clocks agree? A two-way exchange is the only tool (one-way time transfer
      needs a known delay), so three things limit it: the part of the path delay that is not
      known to be symmetric (half of it becomes offset), the clocks themselves while the round
      trip lasts (a clock that wanders by x over the round-trip time τ cannot be pinned better
      than x), and how finely the clocks stamp time. Relativity adds one more at the largest
      scales: moving frames disagree about "now". Each row below is a budget under the stated
      assumption, not a measurement; change the assumptions to see the limit move.
    `;
    // Tick-level precision of a PHY counter protocol measured here by simulation (DTP, notebook 22).
    const dtp = simulateDtp({ graph: chainGraph(7, 2), durationS: 2e-4, seed: nb.seed, sampleIntervalS: 1e-7 });
    const dtpWorstPerHopS = (Math.max(...Array.from(dtp.worstTicksByHops).slice(1).map((t, i) => t / (i + 1))) * DTP_TICK_NS_10G) * 1e-9;
    const rows: TableRow[] = SCALES.map((s) => {
      const oneWayS = s.distanceM / (s.velocityFactor * c);
      const rttS = 2 * oneWayS;
      const asymmetryS = (s.asymmetryFraction * oneWayS) / 2;
      const sigmaY = Math.max(s.whiteFm / Math.sqrt(rttS), s.floor);
      const oscillatorS = rttS * sigmaY;
      const tickS = s.tickS > 0 ? 4 * s.tickS * s.hops : 0;
      const simultaneityS = (s.speedMPerS * s.distanceM) / (c * c);
      // The simultaneity term is a convention, not an error: once both ends agree on a frame
      // (the solar system's barycentric one, or the swarm's rest frame) it is a known
      // transformation. It is listed beside the budget, not in it.
      const terms: Array<[string, number]> = [
        ['path asymmetry', asymmetryS], ['oscillator over the round trip', oscillatorS], ['time-stamp ticks (4T per hop)', tickS],
      ];
      const [limit, best] = terms.reduce((a, b) => (b[1] > a[1] ? b : a));
      return {
        scale: s.name, distanceM: s.distanceM, oneWayS, asymmetryS, asymmetryNote: s.asymmetryNote, clock: s.clock, oscillatorS,
        tickS, simultaneityS, bestS: best, limit,
      };
    });
    nb.table('budget', rows, [
      { key: 'scale', header: 'scale' },
      { key: 'distanceM', header: 'distance (m)', digits: 4 },
      { key: 'oneWayS', header: 'one-way delay (s)', digits: 3 },
      { key: 'asymmetryS', header: 'asymmetry term (s)', digits: 3 },
      { key: 'asymmetryNote', header: 'asymmetry assumption' },
      { key: 'clock', header: 'clock' },
      { key: 'oscillatorS', header: 'oscillator over round trip (s)', digits: 3 },
      { key: 'tickS', header: 'time-stamp term (s)', digits: 3 },
      { key: 'bestS', header: 'best achievable (s)', digits: 3 },
      { key: 'limit', header: 'limited by' },
      { key: 'simultaneityS', header: 'frame convention vL/c², not in the budget (s)', digits: 3 },
    ], { caption: 'Error budget per scale: the largest term is the best achievable agreement. The last column is how much two frames in relative motion disagree about "now" — a convention to agree on, not an error.' });
    const points = rows.flatMap((r) => ([
      ['path asymmetry', r.asymmetryS], ['oscillator over the round trip', r.oscillatorS], ['time-stamp ticks', r.tickS],
    ] as const).filter(([, v]) => (v as number) > 0).map(([term, v]) => ({ scale: r.scale as string, distanceM: r.distanceM as number, term, seconds: v as number })));
    nb.figure('budget', {
      width: 720, height: 440, marginLeft: 70, marginRight: 90, insetLeft: 40, marginTop: 30,
      x: { type: 'log', label: 'distance (m)', grid: true },
      y: { type: 'log', label: 'error term (s)', grid: true },
      color: { domain: ['path asymmetry', 'oscillator over the round trip', 'time-stamp ticks'], range: ['#d95f02', '#1b9e77', '#7570b3'] },
      symbol: { domain: ['path asymmetry', 'oscillator over the round trip', 'time-stamp ticks'] },
      marks: [
        Plot.dot(points, { x: 'distanceM', y: 'seconds', stroke: 'term', symbol: 'term', r: 5 }),
        Plot.text(rows, { x: 'distanceM', y: 'bestS', text: 'scale', dy: -14, fontSize: 9, textAnchor: 'middle' }),
      ],
    }, { caption: 'The terms of each budget against distance; the highest at each distance is the limit (the swarm and the WAN share 1000 km). Orange: path asymmetry; green: the oscillator over the round trip; purple: time-stamp ticks.' });
    const swarm = swarmExchange(1e6, 0.2);
    nb.md`
      On a chip, in a rack and across a data centre the clocks are good enough; the limit is the
      ticks of the time stamps and the asymmetry nobody measured (the simulated DTP worst case is
      ${(dtpWorstPerHopS * 1e9).toFixed(1)} ns per hop, under its 4T = 25.6 ns). Over a WAN the unknown
      asymmetry of the fibres dominates. To Mars the clocks must hold time through a round trip of
      ${(2 * 1.5 * ASTRONOMICAL_UNIT_M / c / 60).toFixed(0)} minutes. To Proxima Centauri the round trip
      is 8.5 years and the distance itself is known only to about half an hour of light time. And
      "the same time" needs a frame: the swarm moves at 0.2 c, and frames in relative motion
      disagree about "now" by vL/c² (not an error, a convention both ends must agree on): ${(swarm.simultaneityS * 1e6).toFixed(1)} µs
      across a 1000 km swarm (a two-way exchange between two probes reports exactly that, ${(swarm.offsetS * 1e6).toFixed(1)} µs,
      in the Earth's frame) and ${((0.2 * 4.246 * LIGHT_YEAR_M) / c / 86400).toFixed(0)} days across the 4.246 light years. Within the
      swarm, co-moving probes synchronise over their laser links like a rack: the limit is their
      ranging and their clocks.
    `;
  },
);

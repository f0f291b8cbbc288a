/**
 * Notebook 01: light-time and the relativity of simultaneity, from a 2 cm chiplet link to
 * Proxima Centauri. Run: `chronotope run notebooks/01-light-time.ts`.
 *
 * Sources for every number:
 * - c = 299 792 458 m/s exactly: SI Brochure, 9th edition (BIPM 2019), section 2.2.
 * - light year = 9 460 730 472 580 800 m: IAU Style Manual (Wilkins 1989), c × one Julian year of
 *   365.25 days (86 400 s each); mathjs's `year` is that Julian year (31 557 600 s).
 * - astronomical unit = 149 597 870 700 m exactly: IAU 2012 Resolution B2.
 * - Earth–Moon 384 400 km: NASA Moon Fact Sheet (semimajor axis of the Moon's orbit).
 * - Proxima Centauri 4.246 ly: Gaia DR3 parallax 768.0665 mas (Gaia Collaboration, Vallenari et
 *   al. 2023, A&A 674, A1), 1 pc / 0.7680665 = 4.2465 ly.
 * - Transatlantic 5 570 km: great-circle distance London–New York (51.51° N 0.13° W to
 *   40.71° N 74.01° W on a sphere of the IUGG mean Earth radius 6 371.0088 km).
 * - Cable 5 ns/m: signals in optical fibre (group index ≈ 1.47, ITU-T G.652 fibre) and in
 *   common coax (velocity factor ≈ 0.66) travel at about 2×10⁸ m/s, the usual 5 ns per metre
 *   rule of thumb; vacuum: 1/c = 3.33564 ns/m.
 * - Andromeda paradox: Rietdijk 1966 (Philosophy of Science 33, 341), Putnam 1967 (J. Philosophy
 *   64, 240), Penrose 1989 (The Emperor's New Mind, ch. 5). Two observers passing each other at
 *   relative speed v disagree about "now" at distance D by Δt = γvD/c² ≈ vD/c² (Lorentz
 *   transformation t' = γ(t − vx/c²) with γ ≈ 1 for v ≪ c), with D = 2.5 Mly.
 */
import * as Plot from '@observablehq/plot';
import { create, all, type Unit } from 'mathjs';
import { notebook } from '../src/notebook/index.ts';

/** A private mathjs instance with the astronomical units mathjs lacks, so no global state changes. */
const math = create(all);
math.createUnit('lightyear', { definition: '9460730472580800 m', aliases: ['lightyears'] });
math.createUnit('au', { definition: '149597870700 m' });

/** The speed of light, from mathjs's physical constants (exact SI value). */
const cMPerS = math.speedOfLight.toNumber('m/s');

/** The scales the table walks through, short to long. */
const scales: ReadonlyArray<{ name: string; distance: string }> = [
  { name: 'chiplet link', distance: '2 cm' },
  { name: 'circuit board', distance: '30 cm' },
  { name: 'rack', distance: '2 m' },
  { name: 'machine hall', distance: '100 m' },
  { name: 'metro network', distance: '10 km' },
  { name: 'transatlantic (London–New York)', distance: '5570 km' },
  { name: 'Earth–Moon', distance: '384400 km' },
  { name: 'Earth–Sun', distance: '1 au' },
  { name: 'Proxima Centauri', distance: '4.246 lightyear' },
];

/** Readable units for a duration, largest first. */
const readableUnits = [['year', 'years'], ['day', 'days'], ['hour', 'h'], ['minute', 'min'], ['s', 's'],
  ['ms', 'ms'], ['us', 'µs'], ['ns', 'ns'], ['ps', 'ps']] as const;

/** A duration in the largest unit that keeps it ≥ 1, three significant digits: `4.25 years`. */
function readable(seconds: number): string {
  const time: Unit = math.unit(seconds, 's');
  for (const [unit, label] of readableUnits) {
    const value = time.toNumber(unit);
    if (value >= 1) return `${Number(value.toPrecision(3))} ${label}`;
  }
  return `${Number(time.toNumber('ps').toPrecision(3))} ps`;
}

export default notebook(
  {
    title: 'Light-time: from a 2 cm chiplet link to Proxima Centauri',
    summary: 'How long light and cable signals take across nine scales, and why "now" depends on who is asking.',
    params: {
      cableNsPerM: { value: 5, min: 3.33564, description: 'signal delay in cable (ns/m); ≥ 1/c' },
      andromedaMly: { value: 2.5, min: 0, description: 'distance to Andromeda (Mly)' },
    },
    seed: 1,
  },
  (nb, { cableNsPerM, andromedaMly }) => {
    const vacuumNsPerM = 1e9 / cMPerS;
    nb.md`
      Nothing travels faster than light, so every "now" at a distance is already old. In vacuum a
      signal needs **${vacuumNsPerM.toFixed(3)} ns per metre**; in cable or fibre about
      **${cableNsPerM} ns per metre**. Across a chip that is nothing; across a data centre it is
      longer than a memory access; to the nearest star it is years.
    `;

    const rows = scales.map(({ name, distance }) => {
      const distanceM = math.unit(distance).toNumber('m');
      const oneWayVacuumS = distanceM / cMPerS;
      const oneWayCableS = distanceM * cableNsPerM * 1e-9;
      return {
        name,
        distanceM,
        oneWayVacuumS,
        roundTripVacuumS: 2 * oneWayVacuumS,
        oneWayCableS,
        roundTripCableS: 2 * oneWayCableS,
        oneWayVacuum: readable(oneWayVacuumS),
      };
    });
    const scaleTable = nb.table('light-time', rows, [
      { key: 'name', header: 'link' },
      { key: 'distanceM', header: 'distance (m)', digits: 4 },
      { key: 'oneWayVacuumS', header: 'one-way, vacuum (s)', digits: 4 },
      { key: 'roundTripVacuumS', header: 'round trip, vacuum (s)', digits: 4 },
      { key: 'oneWayCableS', header: `one-way, cable at ${cableNsPerM} ns/m (s)`, digits: 4 },
      { key: 'roundTripCableS', header: `round trip, cable at ${cableNsPerM} ns/m (s)`, digits: 4 },
      { key: 'oneWayVacuum', header: 'one-way, vacuum (readable)' },
    ], { caption: 'Light-time across scales.' });

    const proxima = rows[rows.length - 1];
    const yearS = math.unit(1, 'year').toNumber('s');
    nb.md`
      A message to Proxima Centauri takes **${(proxima.oneWayVacuumS / yearS).toFixed(2)} years**;
      its answer arrives **${(proxima.roundTripVacuumS / yearS).toFixed(2)} years** after we asked.
    `;

    const yTicks = [['1 ns', 1e-9], ['1 µs', 1e-6], ['1 ms', 1e-3], ['1 s', 1], ['1 h', 3600], ['1 day', 86400], ['1 year', yearS]] as const;
    const xTicks = [['1 cm', 0.01], ['1 m', 1], ['1 km', 1e3], ['1000 km', 1e6], ['1 au', math.unit('1 au').toNumber('m')], ['1 ly', math.unit('1 lightyear').toNumber('m')]] as const;
    const points = rows.flatMap((r) => [
      { distanceM: r.distanceM, timeS: r.oneWayVacuumS, medium: 'vacuum', name: r.name },
      { distanceM: r.distanceM, timeS: r.oneWayCableS, medium: 'cable', name: r.name },
    ]);
    nb.figure('light-time', {
      width: 720,
      height: 440,
      marginRight: 20,
      marginLeft: 60,
      // Domains padded beyond the data so the labels below-right of the points fit.
      x: { type: 'log', domain: [3e-3, 2e17], label: 'distance (m)', ticks: xTicks.map(([, m]) => m), tickFormat: (m: number) => xTicks.find(([, v]) => v === m)?.[0] ?? '', grid: true },
      y: { type: 'log', domain: [1e-11, 1e9], label: 'one-way time (s)', ticks: yTicks.map(([, s]) => s), tickFormat: (s: number) => yTicks.find(([, v]) => v === s)?.[0] ?? '', grid: true },
      symbol: { domain: ['vacuum', 'cable'], range: ['circle', 'triangle'] },
      marks: [
        Plot.line(points.filter((p) => p.medium === 'cable'), { x: 'distanceM', y: 'timeS', stroke: '#999', strokeDasharray: '4,3' }),
        Plot.line(points.filter((p) => p.medium === 'vacuum'), { x: 'distanceM', y: 'timeS', stroke: 'black' }),
        Plot.dot(points, { x: 'distanceM', y: 'timeS', symbol: 'medium', fill: (p: { medium: string }) => (p.medium === 'vacuum' ? 'black' : 'white'), stroke: 'black', r: 3.5 }),
        // Labels below-right of each point, where the rising line leaves room; the last one
        // above-left (below-left it ran across the lines).
        Plot.text(rows.slice(0, -1), { x: 'distanceM', y: 'oneWayVacuumS', text: 'name', dx: 9, dy: 11, textAnchor: 'start', fontSize: 11 }),
        Plot.text(rows.slice(-1), { x: 'distanceM', y: 'oneWayVacuumS', text: 'name', dx: -12, dy: -6, textAnchor: 'end', fontSize: 11 }),
        Plot.text([`●  vacuum, ${vacuumNsPerM.toFixed(3)} ns/m\n△  cable, ${cableNsPerM} ns/m (dashed)`], {
          frameAnchor: 'top-left', dx: 12, dy: 12, lineHeight: 1.4, text: (t: string) => t, textAnchor: 'start', fontSize: 12,
        }),
      ],
    }, {
      caption: 'One-way signal time against distance, both on log scales. Light-time grows in proportion to distance: a straight line of slope 1.',
      data: scaleTable,
      paper: 'figures/light-time',
    });

    const andromedaM = math.unit(andromedaMly * 1e6, 'lightyear').toNumber('m');
    const dayS = math.unit(1, 'day').toNumber('s');
    const examples = [
      { what: 'walking', speedMPerS: 1.39 },
      { what: 'hypersonic, about 5 × the speed of sound', speedMPerS: 1700 },
    ].map((e) => {
      const shiftS = (e.speedMPerS * andromedaM) / cMPerS ** 2;
      return { ...e, shiftS, shiftDays: shiftS / dayS, shiftYears: shiftS / yearS };
    });

    nb.md`
      ## Whose "now"?

      Special relativity makes it worse: observers in relative motion do not even agree on what
      is happening *now* far away. Two people pass each other in the street; for events at
      distance D their "now" differs by Δt ≈ vD/c² (the Rietdijk–Putnam argument, told by
      Penrose as the Andromeda paradox). At the distance of the Andromeda galaxy,
      ${andromedaMly} million light years, a walker at 1.39 m/s and someone standing still
      disagree by **${examples[0].shiftDays.toFixed(1)} days**; at 1,700 m/s by
      **${examples[1].shiftYears.toFixed(0)} years**. Neither can know, because no signal from
      there can reach them for millions of years: simultaneity at a distance is a convention,
      which is why networks must *agree* on time rather than observe it.
    `;

    const andromedaTable = nb.table('andromeda', examples, [
      { key: 'what', header: 'observer' },
      { key: 'speedMPerS', header: 'speed (m/s)' },
      { key: 'shiftS', header: 'shift of "now" at Andromeda (s)', digits: 4 },
      { key: 'shiftDays', header: 'shift (days)', digits: 3 },
      { key: 'shiftYears', header: 'shift (years)', digits: 3 },
    ], { caption: `Relativity of simultaneity at D = ${andromedaMly} Mly, Δt ≈ vD/c².` });

    const speeds = Array.from({ length: 61 }, (_, i) => 10 ** (-1 + i / 10));
    nb.figure('andromeda', {
      width: 720,
      height: 360,
      marginLeft: 60,
      x: { type: 'log', label: 'relative speed (m/s)', grid: true, ticks: [0.1, 1, 10, 100, 1e3, 1e4, 1e5], tickFormat: ',' },
      y: { type: 'log', label: 'shift of "now" at Andromeda (days)', grid: true, ticks: [1, 10, 100, 1e3, 1e4, 1e5], tickFormat: ',' },
      marks: [
        Plot.line(speeds, { x: (v: number) => v, y: (v: number) => (v * andromedaM) / cMPerS ** 2 / dayS }),
        Plot.dot(examples, { x: 'speedMPerS', y: 'shiftDays', fill: 'black', r: 4 }),
        Plot.text(examples, { x: 'speedMPerS', y: 'shiftDays', text: (e: { what: string; shiftS: number }) => `${e.what.split(',')[0]}: ${readable(e.shiftS)}`, dx: -8, textAnchor: 'end', dy: -10 }),
      ],
    }, {
      caption: `How far "now" at ${andromedaMly} Mly shifts for an observer moving at the given speed (Δt ≈ vD/c²).`,
      data: andromedaTable,
    });
  },
);

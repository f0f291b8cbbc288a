/**
 * Notebook 31: the same events as three observers see them, and the relativity of simultaneity.
 * Run: `chronotope run notebooks/31-observer-order.ts`.
 *
 * Sources: observers order events by the arrival of their news (light-speed delays, c exact,
 * SI Brochure 9th ed. §2.2); agreement on causally related pairs follows from the triangle
 * inequality of the delays (tested as a property in test/causality/observer.test.ts). Kendall tau:
 * Kendall 1938. Relativity of simultaneity: Lorentz transformation t' = γ(t − vx/c²); the
 * Andromeda example (Rietdijk 1966, Putnam 1967, Penrose 1989) as in notebook 01: D = 2.5 Mly,
 * walking speed 1.39 m/s.
 */
import * as Plot from '@observablehq/plot';
import { notebook } from '../src/notebook/index.ts';
import { LIGHT_YEAR_M, SPEED_OF_LIGHT_M_PER_S } from '../src/core/units/index.ts';
import {
  disagreeingPairs, kendallTauDistance, lightDelayPs, observerOrder, simulateSpacetime, type PositionM,
} from '../src/causality/index.ts';

export default notebook(
  {
    title: 'Three observers, three orders',
    summary: 'Observers order events by when news of them arrives: they disagree only on concurrent events. And "now" at Andromeda.',
    params: {
      events: { value: 16, min: 2, max: 200, integer: true, description: 'events in the run' },
      spacingM: { value: 150, min: 1, description: 'distance between neighbouring hosts (m)' },
      walkingMPerS: { value: 1.39, min: 0, description: 'speed of the moving observer (m/s)' },
      andromedaMly: { value: 2.5, min: 0, description: 'distance to Andromeda (Mly)' },
    },
    seed: 4,
  },
  (nb, { events, spacingM, walkingMPerS, andromedaMly }) => {
    const hosts = ['a', 'b', 'c'];
    const positions: Record<string, PositionM> = { a: [0, 0, 0], b: [spacingM, 0, 0], c: [3 * spacingM, 0, 0] };
    const delay = lightDelayPs(positions);
    // Mean gap between a host's events: about the light time between neighbours, so many events
    // are concurrent (news has not arrived yet) and some are causally related by messages.
    const meanGapPs = 2 * delay('a', 'b');
    const st = simulateSpacetime({ hosts, delay, events, seed: nb.seed, meanGapPs, sendProbability: 0.6 });
    const ev = st.trace.events;
    const name = (id: number) => `${ev[id].host}${ev[id].index}`;
    const orders = hosts.map((o) => observerOrder(st, o, delay));
    nb.md`
      Three hosts on a line, at 0, ${spacingM} and ${3 * spacingM} m, make ${ev.length} events and
      exchange ${st.trace.messages} messages at light speed. Each host is also an observer: it
      orders all events by the time their news reaches it (event time + light time from there).
      The three orders differ, but only ever on pairs of *concurrent* events; on causally related
      pairs all three agree.
    `;
    const orderRows = ev.map((e) => ({
      event: name(e.id), timeNs: st.timePs[e.id] / 1000, kind: e.type,
      ...Object.fromEntries(hosts.map((o, k) => [`at_${o}`, orders[k].indexOf(e.id) + 1])),
    }));
    const orderTable = nb.table('orders', orderRows, [
      { key: 'event', header: 'event' },
      { key: 'kind', header: 'kind' },
      { key: 'timeNs', header: 'true time (ns)', digits: 5 },
      ...hosts.map((o) => ({ key: `at_${o}`, header: `position seen from ${o} (1)` })),
    ], { caption: 'Each event\'s place in the order of each observer.' });
    nb.figure('orders', {
      width: 640, height: 420, marginLeft: 60, marginRight: 60,
      x: { domain: hosts.map((o) => `seen from ${o}`), label: 'observer', padding: 0.3 },
      y: { reverse: true, label: 'position in the observer\'s order (1)', grid: true },
      marks: [
        Plot.line(orderRows.flatMap((r) => hosts.map((o) => ({ event: r.event, observer: `seen from ${o}`, position: r[`at_${o}` as keyof typeof r] as number }))),
          { x: 'observer', y: 'position', z: 'event', stroke: '#999' }),
        Plot.dot(orderRows.flatMap((r) => hosts.map((o) => ({ event: r.event, observer: `seen from ${o}`, position: r[`at_${o}` as keyof typeof r] as number }))),
          { x: 'observer', y: 'position', fill: 'black', r: 3 }),
        Plot.text(orderRows, { x: () => `seen from ${hosts[0]}`, y: `at_${hosts[0]}`, text: 'event', dx: -10, textAnchor: 'end' }),
        Plot.text(orderRows, { x: () => `seen from ${hosts[2]}`, y: `at_${hosts[2]}`, text: 'event', dx: 10, textAnchor: 'start' }),
      ],
    }, { caption: 'The same events in three orders: crossing lines are pairs two observers see the other way round; every crossing is a concurrent pair.', data: orderTable });

    const pairRows = [];
    for (let a = 0; a < hosts.length; a++) {
      for (let b = a + 1; b < hosts.length; b++) {
        const pairs = disagreeingPairs(orders[a], orders[b]);
        pairRows.push({
          observers: `${hosts[a]} vs ${hosts[b]}`, kendall: kendallTauDistance(orders[a], orders[b]),
          concurrent: pairs.filter(([x, y]) => st.trace.concurrent(ev[x], ev[y])).length,
          causal: pairs.filter(([x, y]) => !st.trace.concurrent(ev[x], ev[y])).length,
          examples: pairs.slice(0, 6).map(([x, y]) => `${name(x)}/${name(y)}`).join(' '),
        });
      }
    }
    nb.table('disagreements', pairRows, [
      { key: 'observers', header: 'observers' },
      { key: 'kendall', header: 'Kendall-tau distance (pairs)' },
      { key: 'concurrent', header: 'disagreeing concurrent pairs (pairs)' },
      { key: 'causal', header: 'disagreeing causally related pairs (pairs)' },
      { key: 'examples', header: 'some disagreeing pairs' },
    ], { caption: 'Pairs on which two observers disagree: all concurrent, none causally related.' });

    // Relativity of simultaneity: two observers at the same place and time, one walking.
    const c = SPEED_OF_LIGHT_M_PER_S;
    const dM = andromedaMly * 1e6 * LIGHT_YEAR_M;
    const shiftDays = (walkingMPerS * dM) / c ** 2 / 86_400;
    nb.md`
      ## "Now" is a slice, and it tilts

      Special relativity removes even a shared "now": in space-time, each observer's present is a
      slice of simultaneous events. For an observer at rest it is horizontal; for one walking at
      ${walkingMPerS} m/s it tilts by v/c², so at the Andromeda galaxy, ${andromedaMly} million
      light years away, the walker's "now" is **${shiftDays.toFixed(1)} days** off the other's
      (the example of notebook 01). Neither can ever see the events on their slices there: both
      lie far outside the light cone of here and now, like concurrent events in a trace.
    `;
    const xs = Array.from({ length: 41 }, (_, i) => -andromedaMly + (i * andromedaMly) / 20);
    const slices = [-2, -1, 0, 1, 2].flatMap((k) => xs.flatMap((xMly) => [
      { xMly, tDays: k * shiftDays, observer: 'at rest', k },
      { xMly, tDays: k * shiftDays + (walkingMPerS * xMly * 1e6 * LIGHT_YEAR_M) / c ** 2 / 86_400, observer: `walking at ${walkingMPerS} m/s`, k },
    ]));
    const sliceTable = nb.table('simultaneity', [-1, 0, 1].map((k) => ({ k, xMly: andromedaMly, restDays: k * shiftDays, walkingDays: (k + 1) * shiftDays })), [
      { key: 'k', header: 'slice (1)' },
      { key: 'xMly', header: 'distance (Mly)' },
      { key: 'restDays', header: '"now" of the observer at rest (days)', digits: 4 },
      { key: 'walkingDays', header: '"now" of the walker (days)', digits: 4 },
    ], { caption: 'Where the two slices meet the Andromeda galaxy (Δt = vD/c²).' });
    nb.figure('simultaneity', {
      width: 640, height: 380, marginLeft: 60,
      x: { label: 'distance along the walk (Mly)', grid: true },
      y: { label: 'time of the events on the slice (days)', grid: true },
      color: { domain: ['at rest', `walking at ${walkingMPerS} m/s`], range: ['black', '#c0392b'] },
      marks: [
        Plot.line(slices, { x: 'xMly', y: 'tDays', z: (d: { observer: string; k: number }) => `${d.observer}${d.k}`, stroke: 'observer' }),
        Plot.ruleX([andromedaMly], { stroke: '#888', strokeDasharray: '4,3' }),
        Plot.text([{ x: andromedaMly, y: 2 * shiftDays }], { x: 'x', y: 'y', text: () => 'Andromeda', dx: -6, textAnchor: 'end' }),
        Plot.text([`black: at rest, red: walking at ${walkingMPerS} m/s`], { frameAnchor: 'top-left', dx: 8, dy: 8, text: (t: string) => t, textAnchor: 'start' }),
      ],
    }, { caption: 'Minkowski slices of simultaneity for two observers passing each other at the origin: lines of equal time, horizontal at rest, tilted by v/c² for the walker.', data: sliceTable });
  },
);

/**
 * Notebook 15: Ethernet's efficiency as Metcalfe and Boggs computed it in 1976, beside a
 * bilateral efficiency that also charges the return leg of a handshake.
 * Run: `chronotope run notebooks/15-metcalfe-boggs.ts`.
 *
 * Sources:
 * - R. M. Metcalfe & D. R. Boggs, "Ethernet: distributed packet switching for local computer
 *   networks", Communications of the ACM 19(7), 395–404, 1976, §6 (efficiency): A = (1 − 1/Q)^(Q−1),
 *   W = (1 − A)/A, E = (P/C)/(P/C + W·T). Parameters: the experimental Ethernet's 2.94 Mb/s and up
 *   to 256 stations; slot time T = 16 µs (the value the paper's analysis uses, as e.g. the ORNL
 *   Computational Science Education Project's Ethernet exercise restates); packets of 48, 512,
 *   1024 and 4096 bits, the sizes whose curves the paper draws.
 * - Bilateral efficiency: the return leg of a handshake (propagation both ways and the
 *   acknowledgement's own transmission) charged to the link, after the argument of "The bilateral
 *   efficiency of Ethernet: recalibrating Metcalfe and Boggs after fifty years" (arXiv 2603.19406).
 *   Modern links are point to point (no contention: W = 0); acknowledgement = one minimum frame
 *   (84 B on the wire, IEEE 802.3 Clause 4.4.2); 5 ns/m.
 */
import * as Plot from '@observablehq/plot';
import { notebook } from '../src/notebook/index.ts';
import { PHY_RATES, bilateralEfficiency, frameTimePs, metcalfeBoggs, type RateName } from '../src/hardware-timing/phy/index.ts';

const PACKET_BITS = [4096, 1024, 512, 48] as const;
const RATES: readonly RateName[] = ['10G', '100G', '400G'];

export default notebook(
  {
    title: 'Metcalfe & Boggs (1976): forward efficiency and bilateral efficiency',
    summary: 'Ethernet efficiency E = (P/C)/(P/C + W·T) with the 1976 parameters, and the efficiency of a handshake that also pays for the return leg, on links up to 1 m.',
    params: {
      capacityMbps: { value: 2.94, min: 0.001, description: 'C, the Ether\'s data rate (Mb/s)' },
      slotUs: { value: 16, min: 0, description: 'T, the slot time (µs)' },
      maxStations: { value: 256, min: 1, max: 4096, integer: true, description: 'Q up to' },
      nsPerM: { value: 5, min: 3.33564, description: 'propagation (ns/m) for the bilateral case' },
    },
    seed: 1,
  },
  (nb, { capacityMbps, slotUs, maxStations, nsPerM }) => {
    const C = capacityMbps * 1e6;
    const T = slotUs * 1e-6;
    const stations = [...new Set(Array.from({ length: 65 }, (_, i) => Math.round(2 ** ((i * Math.log2(maxStations)) / 64))))];
    const classic = PACKET_BITS.flatMap((P) => stations.map((Q) => {
      const r = metcalfeBoggs({ packetBits: P, capacityBitsPerS: C, slotS: T, stations: Q });
      return { packetBits: P, stations: Q, acquisition: r.acquisition, waitSlots: r.waitSlots, efficiency: r.efficiency };
    }));
    const classicTable = nb.table('metcalfe-boggs', classic, [
      { key: 'packetBits', header: 'P (bits)' },
      { key: 'stations', header: 'Q (stations)' },
      { key: 'acquisition', header: 'A (probability)', digits: 5 },
      { key: 'waitSlots', header: 'W (slots)', digits: 5 },
      { key: 'efficiency', header: 'E (fraction)', digits: 5 },
    ], { caption: `E = (P/C)/(P/C + W·T), C = ${capacityMbps} Mb/s, T = ${slotUs} µs.` });
    nb.figure('metcalfe-boggs', {
      width: 720, height: 380, marginLeft: 60, marginRight: 80,
      x: { type: 'log', base: 2, label: 'stations always ready, Q (1)', grid: true },
      y: { label: 'efficiency E (fraction)', domain: [0, 1], grid: true },
      marks: [
        Plot.line(classic, { x: 'stations', y: 'efficiency', z: 'packetBits', stroke: 'black' }),
        Plot.text(classic.filter((r) => r.stations === stations.at(-1)), { x: 'stations', y: 'efficiency', text: (r: { packetBits: number }) => `${r.packetBits} bits`, dx: 6, textAnchor: 'start' }),
      ],
    }, { caption: 'The 1976 curves: long packets keep the Ether busy; 48-bit packets lose most of it to contention as Q grows (A → 1/e, W → e − 1).', data: classicTable });

    const lengths = Array.from({ length: 41 }, (_, i) => 10 ** (-2 + (2 * i) / 40));
    const ackS = (rate: RateName) => frameTimePs(PHY_RATES[rate], 64) * 1e-12;
    const bilateral = RATES.flatMap((rate) => [64, 1518].flatMap((frameBytes) => lengths.map((lengthM) => {
      const packetS = frameTimePs(PHY_RATES[rate], frameBytes) * 1e-12;
      const roundTripS = 2 * lengthM * nsPerM * 1e-9;
      return {
        rate, frameBytes, lengthM,
        forward: 1, // point to point: no contention, W = 0, so Metcalfe & Boggs's E = 1
        bilateral: bilateralEfficiency({ packetS, waitS: 0, roundTripS, ackS: ackS(rate) }),
      };
    })));
    const bilateralTable = nb.table('bilateral', bilateral, [
      { key: 'rate', header: 'rate' },
      { key: 'frameBytes', header: 'frame (bytes)' },
      { key: 'lengthM', header: 'link (m)', digits: 4 },
      { key: 'forward', header: 'forward efficiency, Metcalfe & Boggs (fraction)' },
      { key: 'bilateral', header: 'bilateral efficiency (fraction)', digits: 5 },
    ], { caption: 'Point-to-point links: forward efficiency is 1; charging the handshake\'s return leg (round trip plus an 84-byte acknowledgement) is not.' });
    nb.figure('bilateral', {
      width: 720, height: 380, marginLeft: 60, marginRight: 110,
      x: { type: 'log', label: 'link length (m)', grid: true, ticks: [0.01, 0.1, 1], tickFormat: (m: number) => ({ 0.01: '1 cm', 0.1: '10 cm', 1: '1 m' } as Record<number, string>)[m] ?? '' },
      y: { label: 'bilateral efficiency (fraction)', domain: [0, 1], grid: true },
      marks: [
        Plot.line(bilateral.filter((r) => r.frameBytes === 1518), { x: 'lengthM', y: 'bilateral', z: 'rate', stroke: 'black' }),
        Plot.line(bilateral.filter((r) => r.frameBytes === 64), { x: 'lengthM', y: 'bilateral', z: 'rate', stroke: 'black', strokeDasharray: '4,3' }),
        Plot.text(bilateral.filter((r) => r.lengthM === 1), { x: 'lengthM', y: 'bilateral', text: (r: { rate: string; frameBytes: number }) => `${r.rate}, ${r.frameBytes} B`, dx: 6, textAnchor: 'start', fontSize: 10 }),
      ],
    }, { caption: 'One frame per handshake on links up to 1 m: minimum frames (dashed) spend most of the time waiting for the return leg, even at 1 m.', data: bilateralTable });
    const worst = bilateral.find((r) => r.rate === '400G' && r.frameBytes === 64 && r.lengthM === 1)!;
    nb.md`
      Metcalfe and Boggs measured the fraction of Ether time that carries good packets forward.
      On today's point-to-point links that is 1 by construction; the cost has moved to the
      handshake. A 64-byte frame at 400 Gb/s over 1 m, waiting for its acknowledgement, uses
      **${(100 * worst.bilateral).toFixed(1)} %** of the link: the case for many frames in flight
      (notebook 10).
    `;
  },
);

import { InputError } from '../../core/errors.ts';
import { Simulation } from '../../core/engine/simulation.ts';
import { RandomStream } from '../../core/random/index.ts';
import { CABLE_DELAY_NS_PER_M } from '../../core/units/index.ts';
import { CLOCK_TOLERANCE_PPM } from '../../hardware-timing/phy/index.ts';
import { FPGA_CYCLE_PS } from '../../hardware-timing/link-timing/index.ts';
import { syncMessages } from './messages.ts';
import { adjacency, syncTree, type SyncGraph } from './network/graph.ts';

/**
 * DTP, the Datacenter Time Protocol (K. S. Lee, H. Wang, V. Shrivastav, H. Weatherspoon,
 * "Globally Synchronized Time via Datacenter Networks", SIGCOMM 2016), simulated cycle by cycle
 * in the PHY: every port counts the ticks of its node's oscillator (T = 6.4 ns at 10 GbE:
 * 156.25 MHz, IEEE 802.3 clause 49, within ±100 ppm, clause 52.5.1); in the INIT phase each pair
 * of neighbours measures the one-way delay d in ticks as half the round trip; then every
 * `beaconIntervalTicks` each node sends its counter in a PHY control block, and the receiver, on
 * the clock edge where the value has crossed its synchroniser, sets its counter to
 * max(local, remote + d). Counters thus follow the fastest clock, and the paper bounds the
 * precision of two nodes D hops apart by 4TD (25.6 ns per hop; 153.6 ns over six).
 *
 * T and the ±100 ppm tolerance come from the hardware-timing PHY model (the 10GBASE-R PCS clock
 * cycle, FPGA_CYCLE_PS; CLOCK_TOLERANCE_PPM). The model: each node's edges at φ_i + k·T(1 − y_i)
 * with y_i uniform in ±ppm; a message leaves
 * on a sender edge, arrives after the link's propagation and fixed PHY latency, is sampled on the
 * receiver's first edge after arrival and used `synchroniserTicks` − 1 edges later (a two-flop
 * clock-domain crossing). The oscillator noise of the chosen class is below a picosecond over the
 * microseconds between beacons and is left out.
 */
export const DTP_TICK_NS_10G = FPGA_CYCLE_PS / 1000;

export interface DtpOptions {
  readonly graph: SyncGraph;
  readonly durationS: number;
  readonly seed: number;
  /** Tick period T, ns (default 6.4: 10 GbE). */
  readonly tickNs?: number;
  /** Frequency tolerance, ppm (default 100: IEEE 802.3 clause 52.5.1). */
  readonly tolerancePpm?: number;
  /** Ticks between beacons on each port (default 200). */
  readonly beaconIntervalTicks?: number;
  /** Fixed PHY latency per direction, ns (default 100). */
  readonly phyLatencyNs?: number;
  /** Synchroniser depth in receiver edges (default 2). */
  readonly synchroniserTicks?: number;
  /** Sampling interval of the counters, s (default duration / 200). */
  readonly sampleIntervalS?: number;
  /** Ignore samples before this time, s (default 10 % of the run): the counters' initial climb. */
  readonly settleS?: number;
  readonly reference?: number;
  /** Forward (away from the reference) delay of every link exceeds the return delay by this, ns. */
  readonly asymmetryNs?: number;
}

export interface DtpResult {
  readonly tickNs: number;
  /** Largest |counter difference| (ticks) of any two nodes D hops apart, index D = 1 … diameter. */
  readonly worstTicksByHops: Int32Array;
  /** The paper's bound 4D ticks, as ns: 4TD. */
  readonly boundNsByHops: Float64Array;
  readonly timesS: Float64Array;
  /** Counter of each node minus the reference's, times T, ns, row-major [sample][node]. */
  readonly offsetsNs: Float64Array;
  /** Measured one-way delay of each directed link (link k: 2k is a→b, 2k+1 is b→a), ticks. */
  readonly owdTicks: Int32Array;
  readonly messageEvents: number;
}

const PS_PER_NS = 1000;

export function simulateDtp(o: DtpOptions): DtpResult {
  for (const [field, v] of [['durationS', o.durationS], ['tickNs', o.tickNs ?? 1], ['beaconIntervalTicks', o.beaconIntervalTicks ?? 1]] as const) {
    if (!(Number.isFinite(v) && v > 0)) throw new InputError(syncMessages.badNumber(field, 'a number > 0', v));
  }
  const n = o.graph.nodeCount;
  const tickPs = (o.tickNs ?? DTP_TICK_NS_10G) * PS_PER_NS;
  const ppm = o.tolerancePpm ?? CLOCK_TOLERANCE_PPM;
  const beacon = o.beaconIntervalTicks ?? 200;
  const sync = o.synchroniserTicks ?? 2;
  const phyPs = (o.phyLatencyNs ?? 100) * PS_PER_NS;
  const reference = o.reference ?? 0;
  const rng = new RandomStream(o.seed, 0);
  const period = new Float64Array(n);
  const phase = new Float64Array(n);
  // Counter state: the counter reads base[i] + (k − baseEdge[i]) at edge k.
  const base = new Float64Array(n);
  const baseEdge = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    period[i] = tickPs * (1 - ppm * 1e-6 * (2 * rng.uniform() - 1));
    phase[i] = rng.uniform() * period[i];
    base[i] = Math.floor(rng.uniform() * 1e6); // counters start anywhere
  }
  const edgeAtOrAfter = (i: number, tPs: number) => Math.max(0, Math.ceil((tPs - phase[i]) / period[i]));
  const edgeTime = (i: number, k: number) => phase[i] + k * period[i];
  const counterAt = (i: number, k: number) => base[i] + (k - baseEdge[i]);
  const counterAtTime = (i: number, tPs: number) => counterAt(i, Math.floor((tPs - phase[i]) / period[i]));
  const links = o.graph.links;
  const propPs = links.map((l) => l.lengthM * CABLE_DELAY_NS_PER_M * PS_PER_NS + phyPs);
  const depth = syncTree(o.graph, reference).depth;
  const extraPs = (o.asymmetryNs ?? 0) * PS_PER_NS;
  /** Receiver edge at which a message sent at time tPs over link k is used. */
  const latchEdge = (receiver: number, tPs: number, k: number) => {
    const l = links[k];
    const sender = receiver === l.b ? l.a : l.b;
    const forward = depth[receiver] > depth[sender] || (depth[receiver] === depth[sender] && receiver > sender);
    return edgeAtOrAfter(receiver, tPs + propPs[k] + (forward ? extraPs : 0)) + sync - 1;
  };

  // INIT: each directed link measures d as half its round trip, in the receiver's ticks (the
  // receiver of beacons is the node that measures: it sends INIT and gets INIT-ACK back).
  const owd = new Int32Array(2 * links.length);
  links.forEach((l, k) => {
    for (const [dir, measurer, peer] of [[0, l.b, l.a], [1, l.a, l.b]] as const) {
      const sendEdge = 10 + Math.floor(rng.uniform() * 100);
      const peerEdge = latchEdge(peer, edgeTime(measurer, sendEdge), k);
      const backEdge = latchEdge(measurer, edgeTime(peer, peerEdge), k);
      owd[2 * k + dir] = Math.floor((backEdge - sendEdge) / 2);
    }
  });

  const adj = adjacency(o.graph);
  const sampleIntervalS = o.sampleIntervalS ?? o.durationS / 200;
  const samples = Math.floor(o.durationS / sampleIntervalS) + 1;
  const timesS = new Float64Array(samples);
  const offsetsNs = new Float64Array(samples * n);
  const settlePs = (o.settleS ?? o.durationS / 10) * 1e12;
  // Hop distances, for the bound per distance.
  const hops = adj.map((_, s) => {
    const d = new Int32Array(n).fill(-1);
    d[s] = 0;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) for (const [v] of adj[queue[h]]) if (d[v] < 0) { d[v] = d[queue[h]] + 1; queue.push(v); }
    return d;
  });
  let diameter = 0;
  for (const d of hops) for (const x of d) diameter = Math.max(diameter, x);
  const worst = new Int32Array(diameter + 1);
  let sampleIndex = 0;
  let messageEvents = 0;
  // In-flight beacon per directed link: its counter value + d, and the receiver's latch edge.
  const inFlightValue = new Float64Array(2 * links.length);
  const inFlightEdge = new Float64Array(2 * links.length);
  const SEND = 0, LATCH = 1, SAMPLE = 2;
  const endPs = Math.round(o.durationS * 1e12);

  const sim = new Simulation({ resolution: 'ps', capacity: 4 * links.length + 16 });
  sim.entity('dtp', (s, _e, kind, data) => {
    if (kind === SAMPLE) {
      const t = s.now;
      const counters = Array.from({ length: n }, (_, i) => counterAtTime(i, t));
      timesS[sampleIndex] = t / 1e12;
      for (let i = 0; i < n; i++) offsetsNs[sampleIndex * n + i] = (counters[i] - counters[reference]) * tickPs / PS_PER_NS;
      if (t >= settlePs) {
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
          const dc = Math.abs(counters[i] - counters[j]);
          const h = hops[i][j];
          if (dc > worst[h]) worst[h] = dc;
        }
      }
      sampleIndex++;
      if (sampleIndex < samples) s.scheduleAt(Math.round(sampleIndex * sampleIntervalS * 1e12), 0, SAMPLE, 0);
      return;
    }
    const directed = data;
    const k = directed >> 1;
    const l = links[k];
    const [sender, receiver] = (directed & 1) === 0 ? [l.a, l.b] : [l.b, l.a];
    if (kind === SEND) {
      // The sender's edge at (or just before) now: it sends its counter and schedules the next.
      const edge = Math.round((s.now - phase[sender]) / period[sender]);
      const value = counterAt(sender, edge);
      const latch = latchEdge(receiver, edgeTime(sender, edge), k);
      inFlightValue[directed] = value + owd[directed];
      inFlightEdge[directed] = latch;
      s.scheduleAt(Math.max(s.now, Math.ceil(edgeTime(receiver, latch))), 0, LATCH, directed);
      const next = edge + beacon;
      const at = Math.ceil(edgeTime(sender, next));
      if (at <= endPs) s.scheduleAt(at, 0, SEND, directed);
      return;
    }
    messageEvents++;
    const edge = inFlightEdge[directed];
    const local = counterAt(receiver, edge);
    const remote = inFlightValue[directed];
    if (remote > local) { base[receiver] = remote; baseEdge[receiver] = edge; }
  });
  for (let d = 0; d < 2 * links.length; d++) {
    const l = links[d >> 1];
    const sender = (d & 1) === 0 ? l.a : l.b;
    const first = 1 + Math.floor(rng.uniform() * beacon);
    sim.scheduleAt(Math.ceil(edgeTime(sender, first)), 0, SEND, d);
  }
  sim.scheduleAt(0, 0, SAMPLE, 0);
  sim.run({ untilTicks: endPs });
  const boundNsByHops = Float64Array.from({ length: diameter + 1 }, (_, h) => 4 * h * tickPs / PS_PER_NS);
  return {
    tickNs: tickPs / PS_PER_NS, worstTicksByHops: worst, boundNsByHops, timesS: timesS.subarray(0, sampleIndex),
    offsetsNs: offsetsNs.subarray(0, sampleIndex * n), owdTicks: owd, messageEvents,
  };
}

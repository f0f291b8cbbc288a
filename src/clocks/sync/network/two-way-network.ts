import { InputError } from '../../../core/errors.ts';
import { Simulation } from '../../../core/engine/simulation.ts';
import { RandomStream } from '../../../core/random/index.ts';
import { CABLE_DELAY_NS_PER_M } from '../../../core/units/index.ts';
import { Clock } from '../../clock/clock.ts';
import { drawOscillator, type OscillatorClassName } from '../../clock/oscillator-classes.ts';
import { syncMessages } from '../messages.ts';
import { ClockFilter } from '../ntp/clock-filter.ts';
import { NtpDiscipline } from '../ntp/discipline.ts';
import { ntpDelay, ntpOffset } from '../ntp/on-wire.ts';
import { berkeleyRound } from '../berkeley.ts';
import { cristianOffset } from '../cristian.ts';
import { ptpE2eOffsetFromMaster } from '../ptp/e2e.ts';
import { neighborRateRatio, ptpMeanLinkDelay } from '../ptp/p2p.ts';
import { LinuxptpPiServo } from '../servo/linuxptp-pi.ts';
import { syncTree, type SyncGraph, type SyncTree } from './graph.ts';
import { summariseOffsets, type SyncSummary } from './offset-metrics.ts';

/**
 * Two-way synchronisation over a network, simulated message by message on the event engine
 * (1 ps ticks; 1 ns beyond 4000 s): every node runs its own clock (an oscillator of the chosen class); the reference
 * runs free. PTP runs with transparent clocks (default: every node is a slave of the grandmaster,
 * and the nodes on the way add their measured residence times — and, peer-to-peer, their measured
 * link delays — to the correctionField, IEEE 1588-2019 §10.2, §11.5) or with boundary clocks (each
 * node a slave of its parent in the breadth-first tree, a master to its children, §10.1). NTP
 * runs as a stratum hierarchy along the same tree; TrueTime and Cristian clients poll the
 * reference itself across the path and step to what they measured (Cristian 1989: server time
 * plus half the round trip); in Berkeley (Gusella & Zatti 1989) the reference is the master: it
 * polls every node at once each interval, averages the offsets (its own included) and every
 * clock, its own too, steps to the average. Each link's one-way delay is its cable (5 ns/m) plus a fixed latency plus
 * exponential queueing jitter; time stamps are read from the node's clock and truncated to the
 * time-stamp resolution. `asymmetryNs` adds A to every forward (away from the reference) delay.
 */
export const TWO_WAY_ALGORITHMS = ['ptp-e2e', 'ptp-p2p', 'ntp', 'truetime', 'cristian', 'berkeley'] as const;
export type TwoWayAlgorithm = (typeof TWO_WAY_ALGORITHMS)[number];

export interface LinkTiming {
  /** Fixed latency per hop and direction (PHY, MAC, time-stamp point), ns. */
  readonly fixedNs: number;
  /** Mean of the exponential queueing delay per hop and direction, ns. */
  readonly jitterMeanNs: number;
  /** Time-stamp granularity, ns (8 ns for a 125 MHz PHC counter). */
  readonly timestampResolutionNs: number;
}

/**
 * Defaults per algorithm. PTP: hardware time stamps (8 ns granularity), 10GbE PHY latency of the
 * order of 300 ns, queueing jitter of tens of ns. NTP and TrueTime: software time stamps in the
 * kernel (1 µs), tens of µs of stack and queueing jitter. Orders of magnitude as reported for
 * linuxptp with hardware time stamping and for chrony/ntpd with software stamps (e.g. Lichtinger,
 * "Comparison of PTP and NTP", 2016; chrony's FAQ on hardware time stamping).
 */
export const LINK_DEFAULTS: Readonly<Record<TwoWayAlgorithm, LinkTiming>> = {
  'ptp-e2e': { fixedNs: 300, jitterMeanNs: 20, timestampResolutionNs: 8 },
  'ptp-p2p': { fixedNs: 300, jitterMeanNs: 20, timestampResolutionNs: 8 },
  ntp: { fixedNs: 20_000, jitterMeanNs: 20_000, timestampResolutionNs: 1000 },
  truetime: { fixedNs: 20_000, jitterMeanNs: 20_000, timestampResolutionNs: 1000 },
  cristian: { fixedNs: 20_000, jitterMeanNs: 20_000, timestampResolutionNs: 1000 },
  berkeley: { fixedNs: 20_000, jitterMeanNs: 20_000, timestampResolutionNs: 1000 },
};

export interface TwoWayNetworkOptions {
  readonly graph: SyncGraph;
  readonly algorithm: TwoWayAlgorithm;
  readonly durationS: number;
  readonly syncIntervalS: number;
  readonly oscillator: OscillatorClassName;
  readonly seed: number;
  readonly reference?: number;
  /** Nodes to report (default all but the reference). */
  readonly reported?: readonly number[];
  readonly asymmetryNs?: number;
  /**
   * PTP: the per-link asymmetry the ports are configured with (IEEE 1588-2019 §16.8,
   * delayAsymmetry; known from calibration), ns. A slave whose path to its master crosses h links
   * uses delayAsymmetry = h·known/2 — the forward delay exceeds the mean by half the difference.
   */
  readonly knownAsymmetryNs?: number;
  readonly link?: Partial<LinkTiming>;
  /** Spread of the initial phase offsets, s (default 1 ms). */
  readonly initialPhaseSpreadS?: number;
  /** Sampling interval of the offsets, s (default 1 s, or the duration / 4096 if longer runs). */
  readonly sampleIntervalS?: number;
  /** PTP: 'transparent' (default) or 'boundary' clocks at the nodes between a slave and the grandmaster. */
  readonly ptpClocks?: 'transparent' | 'boundary';
  /** Residence time of a message in a transparent clock: fixed part, ns (default: the link's fixedNs). */
  readonly residenceNs?: number;
  /** PTP-P2P responder turnaround between Pdelay_Req and Pdelay_Resp, ns (default 10 µs). */
  readonly turnaroundNs?: number;
  /** Called now and then with the fraction of simulated time done. */
  readonly onProgress?: (fraction: number) => void;
  /**
   * PTP: called with every offset the servo sees (what ptp4l prints as "master offset", ns), its
   * output (ppb) and state — for setting a simulated servo beside a real one's log.
   */
  readonly onServoSample?: (node: number, timeS: number, offsetNs: number, ppb: number, state: 'unlocked' | 'jump' | 'locked') => void;
}

export interface TwoWayNetworkResult extends SyncSummary {
  /** Messages delivered (Sync, Delay_Req, Delay_Resp, Pdelay_*, NTP request and reply). */
  readonly messageEvents: number;
  readonly tree: SyncTree;
  readonly timesS: Float64Array;
  /** Clock error of every node at every sample, row-major [sample][node], ns. */
  readonly errorsNs: Float64Array;
  /** Wall-clock seconds spent building the clocks (oscillator noise) and running the events. */
  readonly setupWallS: number;
  readonly runWallS: number;
}

// Event kinds.
const SYNC_SEND = 0, SYNC_RX = 1, DREQ_RX = 2, DRESP_RX = 3, PDREQ_RX = 4, PDRESP_RX = 5, SAMPLE = 6;
const NTP_SEND = 7, NTP_REQ_RX = 8, NTP_RESP_RX = 9;

function checkPositive(field: string, v: number): void {
  if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) throw new InputError(syncMessages.badNumber(field, 'a number > 0', v));
}

export function simulateTwoWayNetwork(o: TwoWayNetworkOptions): TwoWayNetworkResult {
  checkPositive('durationS', o.durationS);
  checkPositive('syncIntervalS', o.syncIntervalS);
  if (!(TWO_WAY_ALGORITHMS as readonly string[]).includes(o.algorithm)) throw new InputError(syncMessages.badEnum('algorithm', o.algorithm, TWO_WAY_ALGORITHMS));
  // 1 ps ticks up to an hour or so (2^53 ps ≈ 2.5 h), 1 ns ticks for longer runs (NTP, TrueTime over days).
  const fine = o.durationS <= 4000;
  const PS_PER_S = fine ? 1e12 : 1e9;
  const PS_PER_NS = fine ? 1000 : 1;
  if (o.durationS * PS_PER_S > Number.MAX_SAFE_INTEGER / 2) throw new InputError(syncMessages.badNumber('durationS', 'at most 4·10^6 s', o.durationS));
  const wallStart = performance.now();
  const algorithm = o.algorithm;
  const link = { ...LINK_DEFAULTS[algorithm], ...o.link };
  const asymmetryNs = o.asymmetryNs ?? 0;
  /** Clients that poll the reference itself across the path. */
  const polled = algorithm === 'truetime' || algorithm === 'cristian' || algorithm === 'berkeley';
  const knownAsymmetryNs = o.knownAsymmetryNs ?? 0;
  const reference = o.reference ?? 0;
  const tree = syncTree(o.graph, reference);
  const n = o.graph.nodeCount;
  const spanS = o.durationS + 2 * o.syncIntervalS + 2;
  const paramRng = new RandomStream(o.seed, 0);
  const clocks = Array.from({ length: n }, (_, i) => new Clock({
    oscillator: drawOscillator(o.oscillator, paramRng, o.initialPhaseSpreadS ?? 1e-3), spanS, seed: o.seed, stream: 1 + i,
  }));
  // One stream per node for its exchanges' delays.
  const delayRng = Array.from({ length: n }, (_, i) => new RandomStream(o.seed, 1_000_000 + i));
  const baseNs = o.graph.links.map((l) => l.lengthM * CABLE_DELAY_NS_PER_M + link.fixedNs);
  const res = link.timestampResolutionNs;
  const stamp = (node: number, ticks: number) => {
    const local = clocks[node].localNs(ticks / PS_PER_S);
    return res > 0 ? Math.floor(local / res) * res : local;
  };
  const transparent = algorithm.startsWith('ptp') && (o.ptpClocks ?? 'transparent') === 'transparent';
  /** One-way delay of node's path to its partner, ps: forward = away from the reference. */
  const hopDelayPs = (node: number, forward: boolean): number => {
    const rng = delayRng[node];
    if (polled) {
      // Across every hop from the reference to the node.
      let ns = 0;
      for (let v = node; v !== reference; v = tree.parent[v]) ns += baseNs[tree.parentLink[v]] + rng.exponential(link.jitterMeanNs) + (forward ? asymmetryNs : 0);
      return Math.round(ns * PS_PER_NS);
    }
    // With transparent clocks the queueing happens inside the bridges (residence time), so the
    // link-local peer-delay messages see the bare link.
    const queued = !transparent && link.jitterMeanNs > 0;
    const ns = baseNs[tree.parentLink[node]] + (queued ? rng.exponential(link.jitterMeanNs) : 0) + (forward ? asymmetryNs : 0);
    return Math.round(ns * PS_PER_NS);
  };
  if (o.ptpClocks !== undefined && o.ptpClocks !== 'transparent' && o.ptpClocks !== 'boundary') {
    throw new InputError(syncMessages.badEnum('ptpClocks', o.ptpClocks, ['transparent', 'boundary']));
  }
  // Each node's master, looked up once rather than decided per time stamp.
  const masterOf = Int32Array.from({ length: n }, (_, v) => (polled || transparent ? reference : tree.parent[v]));
  const master = (node: number) => masterOf[node];
  const onServoSample = o.onServoSample;
  // Path from the reference to each node (both ends included), for transparent clocks.
  const paths: Int32Array[] = [];
  if (transparent) {
    for (let v = 0; v < n; v++) {
      const p = new Int32Array(tree.depth[v] + 1);
      for (let u = v, k = tree.depth[v]; k >= 0; u = tree.parent[u], k--) p[k] = u;
      paths.push(p);
    }
  }
  const residenceFixedNs = o.residenceNs ?? link.fixedNs;
  /** correctionField accumulated by the last pathDelayPs call, ns. */
  let correctionNs = 0;
  /**
   * One-way delay across the transparent clocks between the reference and `node`, leaving at
   * `startPs`; each intermediate node holds the message for its residence time (fixed plus
   * exponential queueing) and adds what its own clock measured to correctionNs; in peer-to-peer
   * mode it also adds the delay it measured on its upstream link.
   */
  const pathDelayPs = (node: number, forward: boolean, startPs: number): number => {
    const rng = delayRng[node];
    const p = paths[node];
    const hops = p.length - 1;
    let t = startPs;
    correctionNs = 0;
    for (let k = 0; k < hops; k++) {
      // Link k joins p[k] and p[k + 1]; forward messages cross them in that order.
      const child = forward ? p[k + 1] : p[hops - k];
      t += Math.round((baseNs[tree.parentLink[child]] + (forward ? asymmetryNs : 0)) * PS_PER_NS);
      if (k === hops - 1) break;
      const tc = forward ? p[k + 1] : p[hops - k - 1];
      const residencePs = Math.round((residenceFixedNs + (link.jitterMeanNs > 0 ? rng.exponential(link.jitterMeanNs) : 0)) * PS_PER_NS);
      const ingress = stamp(tc, t);
      t += residencePs;
      correctionNs += stamp(tc, t) - ingress;
      if (algorithm === 'ptp-p2p' && forward) correctionNs += Number.isNaN(meanLinkDelayNs[tc]) ? 0 : meanLinkDelayNs[tc];
    }
    return t - startPs;
  };

  // Per-node exchange state.
  const t1 = new Float64Array(n), t2 = new Float64Array(n), t3 = new Float64Array(n), t4 = new Float64Array(n);
  const syncCorrection = new Float64Array(n), reqCorrection = new Float64Array(n);
  const p1 = new Float64Array(n), p2 = new Float64Array(n), p3 = new Float64Array(n), p4 = new Float64Array(n);
  const prevP3 = new Float64Array(n).fill(NaN), prevP4 = new Float64Array(n).fill(NaN);
  const meanLinkDelayNs = new Float64Array(n).fill(NaN);
  const rateRatio = new Float64Array(n).fill(1);
  // ptp4l sets the servo's max_frequency to what the clock can do (clockadj_max_freq), so the
  // integrator stops where the clock's frequency adjustment saturates.
  const piServos = algorithm.startsWith('ptp')
    ? clocks.map((c) => new LinuxptpPiServo({ intervalS: o.syncIntervalS, maxFrequencyPpb: c.maxFrequencyPpb }))
    : [];
  const filters = algorithm === 'ntp' ? clocks.map(() => new ClockFilter()) : [];
  const log2Poll = Math.round(Math.log2(o.syncIntervalS));
  const disciplines = algorithm === 'ntp' ? clocks.map(() => new NtpDiscipline(log2Poll)) : [];
  const turnaroundPs = Math.round((o.turnaroundNs ?? 10_000) * PS_PER_NS);
  // Berkeley: the master's round over every other node.
  const berkeleySlaves = Array.from({ length: n }, (_, v) => v).filter((v) => v !== reference);
  const berkeleySlot = new Int32Array(n).fill(-1);
  berkeleySlaves.forEach((v, k) => { berkeleySlot[v] = k; });
  const berkeleyOffsets = new Array<number>(berkeleySlaves.length).fill(0);
  let berkeleyReplies = 0;

  const sampleIntervalS = o.sampleIntervalS ?? Math.max(1, o.durationS / 4096);
  const samples = Math.floor(o.durationS / sampleIntervalS) + 1;
  const timesS = new Float64Array(samples);
  const errorsNs = new Float64Array(samples * n);
  let sampleIndex = 0;
  let messageEvents = 0;

  const intervalPs = Math.round(o.syncIntervalS * PS_PER_S);
  const endPs = Math.round(o.durationS * PS_PER_S);

  /** Applies a PTP offset (slave − master, ns) through the node's linuxptp servo. */
  const ptpUpdate = (sim: Simulation, node: number, offsetNs: number) => {
    const tS = sim.now / PS_PER_S;
    const servo = piServos[node];
    const ppb = servo.update(offsetNs, stamp(node, sim.now));
    const state = servo.lastState;
    if (onServoSample !== undefined) onServoSample(node, tS, offsetNs, ppb, state);
    if (state === 'jump') {
      clocks[node].setFrequencyPpb(tS, -ppb);
      clocks[node].step(tS, -offsetNs);
    } else if (state === 'locked') {
      clocks[node].setFrequencyPpb(tS, -ppb);
    }
  };

  const handler = (sim: Simulation, _entity: number, kind: number, node: number) => {
    switch (kind) {
      case SAMPLE: {
        const tS = sim.now / PS_PER_S;
        timesS[sampleIndex] = tS;
        for (let v = 0; v < n; v++) errorsNs[sampleIndex * n + v] = clocks[v].errorNs(tS);
        sampleIndex++;
        if (sampleIndex < samples) sim.scheduleAt(Math.round(sampleIndex * sampleIntervalS * PS_PER_S), 0, SAMPLE, 0);
        o.onProgress?.(sampleIndex / samples);
        return;
      }
      case SYNC_SEND: {
        if (sim.now + intervalPs <= endPs) sim.schedule(intervalPs, 0, SYNC_SEND, node);
        t1[node] = stamp(master(node), sim.now);
        if (transparent) {
          sim.schedule(pathDelayPs(node, true, sim.now), 0, SYNC_RX, node);
          syncCorrection[node] = correctionNs;
        } else sim.schedule(hopDelayPs(node, true), 0, SYNC_RX, node);
        if (algorithm === 'ptp-p2p') {
          // Peer delay to the parent (the peer), whatever the clocks in between.
          // The slave's Pdelay_Req goes out with each Sync interval (logMinPdelayReqInterval = logSyncInterval).
          p1[node] = stamp(node, sim.now);
          sim.schedule(hopDelayPs(node, false), 0, PDREQ_RX, node);
        }
        return;
      }
      case SYNC_RX: {
        messageEvents++;
        t2[node] = stamp(node, sim.now);
        if (algorithm === 'ptp-e2e') {
          t3[node] = t2[node];
          if (transparent) {
            sim.schedule(pathDelayPs(node, false, sim.now), 0, DREQ_RX, node);
            reqCorrection[node] = correctionNs;
          } else sim.schedule(hopDelayPs(node, false), 0, DREQ_RX, node);
        } else if (!Number.isNaN(meanLinkDelayNs[node])) {
          // P2P: the peer delay is the mean of the two directions, so the forward excess of each
          // link, half its asymmetry, is subtracted as well (delayAsymmetry, §16.8).
          const links = transparent ? tree.depth[node] : 1;
          ptpUpdate(sim, node, t2[node] - t1[node] - syncCorrection[node] - meanLinkDelayNs[node] - (links * knownAsymmetryNs) / 2);
        }
        return;
      }
      case DREQ_RX: {
        messageEvents++;
        t4[node] = stamp(master(node), sim.now);
        sim.schedule(hopDelayPs(node, true), 0, DRESP_RX, node);
        return;
      }
      case DRESP_RX: {
        messageEvents++;
        const links = transparent ? tree.depth[node] : 1;
        const offsetNs = ptpE2eOffsetFromMaster(
          t1[node], t2[node], t3[node], t4[node], syncCorrection[node], reqCorrection[node], (links * knownAsymmetryNs) / 2,
        );
        ptpUpdate(sim, node, offsetNs);
        return;
      }
      case PDREQ_RX: {
        messageEvents++;
        p2[node] = stamp(tree.parent[node], sim.now);
        p3[node] = stamp(tree.parent[node], sim.now + turnaroundPs);
        sim.schedule(turnaroundPs + hopDelayPs(node, true), 0, PDRESP_RX, node);
        return;
      }
      case PDRESP_RX: {
        messageEvents++;
        p4[node] = stamp(node, sim.now);
        const x = { t1: p1[node], t2: p2[node], t3: p3[node], t4: p4[node] };
        if (!Number.isNaN(prevP3[node])) {
          rateRatio[node] = neighborRateRatio({ t1: 0, t2: 0, t3: prevP3[node], t4: prevP4[node] }, x);
        }
        prevP3[node] = p3[node];
        prevP4[node] = p4[node];
        meanLinkDelayNs[node] = ptpMeanLinkDelay(x, rateRatio[node]);
        return;
      }
      case NTP_SEND: {
        if (sim.now + intervalPs <= endPs) sim.schedule(intervalPs, 0, NTP_SEND, node);
        t1[node] = stamp(node, sim.now);
        sim.schedule(hopDelayPs(node, false), 0, NTP_REQ_RX, node);
        return;
      }
      case NTP_REQ_RX: {
        messageEvents++;
        t2[node] = stamp(master(node), sim.now);
        t3[node] = t2[node];
        sim.schedule(hopDelayPs(node, true), 0, NTP_RESP_RX, node);
        return;
      }
      case NTP_RESP_RX: {
        messageEvents++;
        t4[node] = stamp(node, sim.now);
        const ts = { t1: t1[node] / 1e9, t2: t2[node] / 1e9, t3: t3[node] / 1e9, t4: t4[node] / 1e9 };
        const thetaS = ntpOffset(ts);
        const tS = sim.now / PS_PER_S;
        if (algorithm === 'truetime') {
          // The client sets its clock to the master's time as measured (Cristian / NTP θ).
          clocks[node].step(tS, thetaS * 1e9);
          return;
        }
        if (algorithm === 'cristian') {
          // The server answered at once (t3 = t2): its time plus half the round trip.
          clocks[node].step(tS, cristianOffset({ requestLocal: t1[node], replyLocal: t4[node], serverTime: t3[node] }));
          return;
        }
        if (algorithm === 'berkeley') {
          // The master's reading of this node: node minus master.
          berkeleyOffsets[berkeleySlot[node]] = -thetaS * 1e9;
          if (++berkeleyReplies < berkeleySlaves.length) return;
          berkeleyReplies = 0;
          const round = berkeleyRound(berkeleyOffsets);
          clocks[reference].step(tS, round.corrections[0]);
          berkeleySlaves.forEach((v, k) => clocks[v].step(tS, round.corrections[k + 1]));
          return;
        }
        const out = filters[node].add(tS, thetaS, ntpDelay(ts), 2 ** -20);
        if (!out.fresh) return;
        const u = disciplines[node].update(tS, out.offsetS);
        if (u.action === 'step') clocks[node].step(tS, u.stepS * 1e9);
        clocks[node].setFrequencyPpb(tS, u.frequency * 1e9);
        return;
      }
    }
  };

  const runStart = performance.now();
  const sim = new Simulation({ resolution: fine ? 'ps' : 'ns', capacity: 4 * n + 16 });
  sim.entity('sync', handler);
  const phaseRng = new RandomStream(o.seed, 2_000_000);
  const startKind = algorithm.startsWith('ptp') ? SYNC_SEND : NTP_SEND;
  for (let v = 0; v < n; v++) {
    if (v === reference) continue;
    // Berkeley's master polls everyone at once; the others start at random phases.
    const first = Math.floor(phaseRng.uniform() * intervalPs);
    sim.scheduleAt(algorithm === 'berkeley' ? 0 : first, 0, startKind, v);
  }
  sim.scheduleAt(0, 0, SAMPLE, 0);
  sim.run({ untilTicks: endPs + intervalPs });
  const runWallS = (performance.now() - runStart) / 1000;
  const setupWallS = (runStart - wallStart) / 1000;
  const summary = summariseOffsets(timesS.subarray(0, sampleIndex), errorsNs.subarray(0, sampleIndex * n), n, reference, o.reported);
  return { ...summary, messageEvents, setupWallS, runWallS, tree, timesS: timesS.subarray(0, sampleIndex), errorsNs: errorsNs.subarray(0, sampleIndex * n) };
}

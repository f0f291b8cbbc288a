import { InputError } from '../../core/errors.ts';
import { Simulation } from '../../core/engine/simulation.ts';
import { RandomStream, exponential } from '../../core/random/index.ts';
import {
  fecLatencyPs, medium as mediumOf, nsPerMetre, pcsLatencyPs, phyRate, checkFrameBytes,
  type FecName, type MediumName, type RateName,
} from '../phy/index.ts';
import { routingOf, type Routing, type Topology } from '../topology/index.ts';
import { coreCyclePs } from './core-clock.ts';
import { linkMessages } from './messages.ts';
import {
  DEFAULT_HOST_CONFIG, DEFAULT_SWITCH_CONFIG, MAC_HEADER_BYTES, resolveNodeConfig, type NodeConfig,
} from './node-config.ts';
import { PortClocks, type PortClockOptions } from './port-clocks.ts';
import { STAGES, type Delivery, type NetworkStats, type StageNs } from './stats.ts';
import type { SourceSpec } from './traffic.ts';

/** Back-pressure: none (tail drop only), IEEE 802.3x PAUSE (Annex 31B) or IEEE 802.1Qbb PFC (per priority). */
export type FlowControl = 'none' | 'pause' | 'pfc';

export interface NetworkOptions {
  topology: Topology;
  /** Every link's rate (default 10G). */
  rate?: RateName;
  /** Every cable's medium (default 'dac'); lengths come from the topology. */
  medium?: MediumName;
  /** FEC on every link (default: the rate's usual one). */
  fec?: FecName;
  host?: Partial<NodeConfig>;
  switch?: Partial<NodeConfig>;
  clocks?: PortClockOptions;
  flowControl?: FlowControl;
  /** PAUSE time requested by an XOFF, in pause quanta of 512 bit times (Annex 31B.2; default 0xFFFF, the maximum). */
  pauseQuanta?: number;
  /** XOFF when an output FIFO (PAUSE) or one priority's share of it (PFC) holds more than this many bytes; default half the FIFO. */
  xoffBytes?: number;
  /** XON when it drops below this; default a quarter of the FIFO. */
  xonBytes?: number;
  seed?: number;
  /** Called for each delivered frame, at its delivery time (then each delivery is an engine event). */
  onDeliver?: (d: Delivery, sim: Simulation) => void;
}

// Event kinds.
const GEN = 0;
const ARRIVE = 1;
const DELIVER = 2;
const PAUSE_RX = 3;
const RESUME = 4;
const XON_CHECK = 5;

const PREAMBLE_SFD_BYTES = 8;
const WIRE_OVERHEAD_BYTES = 20;
const CLASSES = 8;
/** Pause quanta are 512 bit times = 64 byte times (IEEE 802.3 Annex 31B.2). */
const QUANTUM_BYTES = 64;
/** Random stream ids of the traffic sources: 0x2000 + source index. */
const SOURCE_STREAM_BASE = 0x2000;

// Hot rows (one per source, one per port, stride 16 doubles = two cache lines): each event touches a
// random source and port, and reading their fields from one row instead of a dozen separate arrays
// was most of the link model's time (cache misses, seen in --cpu-prof line ticks).
const ROW = 16;
// Source row: next frame time and frames left (mutable), then constants.
const S_NEXT = 0, S_LEFT = 1, S_STOP = 2, S_LINE_GAP = 3, S_DST = 4, S_FLOW = 5, S_BYTES = 6, S_PRI = 7, S_PORT = 8, S_KIND = 9;
// Port row (constants): byte time, propagation, peer node and its receiving port, the peer's
// cut-through flag and CDC cycles, the receiving port's core-clock period, phase and 1/period, and
// this node's FIFO size.
const P_BYTE = 0, P_PROP = 1, P_PEER = 2, P_RX = 3, P_PEER_CUT = 4, P_RX_CYCLE = 5, P_RX_PHASE = 6, P_RX_INV = 7, P_PEER_CDC = 8, P_FIFO = 9;

const PATTERN_LINE_RATE = 0;
const PATTERN_POISSON = 1;
const PATTERN_ON_OFF = 2;

/**
 * Cycle-timed NICs and switches on a topology, on the discrete-event engine at 1 ps.
 *
 * Every port is its own clock domain (`PortClocks`): it serialises frames at its own rate,
 * nominal × (1 + y(t)). Each node forwards between its ports: a cut-through node decides once it
 * has the MAC header, a store-and-forward node once it has the whole frame. Each output port has a
 * bounded FIFO; a frame that does not fit is tail-dropped and counted on that port.
 *
 * Cost: one engine event per frame per hop. A port's FIFO is served in order at a rate fixed by
 * its clock, so when a frame enters a FIFO its departure time is already known
 * (max(arrival, end of the frame ahead)); the frame is scheduled straight to its next decision
 * point (the next node's forwarding decision), and delivery at the destination is computed, not
 * simulated, unless `onDeliver` asks for an event. PAUSE and PFC break this only while a port is
 * paused: frames not yet started are then taken back (their events cancelled) and rescheduled
 * when the pause ends.
 *
 * Per hop the latency is broken down into forwarding (pipeline), FIFO wait, serialisation (the
 * header at a cut-through hop, the whole frame at store-and-forward hops and at the last one),
 * PCS + FEC, propagation, and the receiver's clock-domain crossing (waiting for its core clock's
 * next edge, then the synchroniser's cycles).
 *
 * Simplifications, stated: the PAUSE frame itself is sent ahead of queued data (as MAC Control
 * frames are) but its wire time is not charged to the data behind it; an XOFF is not refreshed
 * before its quanta expire; a host source whose own FIFO is full drops (counted on that port).
 */
export class Network {
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly routing: Routing;
  readonly clocks: PortClocks;
  readonly portCount: number;
  /** Global port id of node n's port p: portBase[n] + p. */
  readonly portBase: Int32Array;
  readonly rate: RateName;

  private readonly o: NetworkOptions;
  private started = false;
  private readonly portNode: Int32Array;
  private readonly portPeerNode: Int32Array;
  private readonly portPeerPort: Int32Array;
  private readonly portPropPs: Float64Array;
  private readonly busyUntil: Float64Array;
  private readonly curEnd: Float64Array;
  private readonly qBytes: Float64Array;
  private readonly qClassBytes: Float64Array;
  /** Each port's FIFO: a ring of frame ids (grown by doubling), head index and count. */
  private readonly queues: Int32Array[];
  private readonly qHead: Int32Array;
  private readonly qCount: Int32Array;
  private readonly heldCount: Int32Array;
  private readonly pausedUntil: Float64Array;
  private readonly pauseSources: Array<Array<[number, number]>>;
  private readonly xonPending: Uint8Array;
  private readonly dropsPerPort: Int32Array;
  private readonly txFramesPerPort: Float64Array;

  /** Without wander, each port's byte time and core-clock period are constant: kept here. */
  private readonly steady: boolean;
  private readonly portBytePs: Float64Array;
  private readonly portCyclePs: Float64Array;
  private readonly portInvCycle: Float64Array;
  private readonly portPhasePs: Float64Array;
  private readonly pfc: boolean;
  private readonly deliverEvents: boolean;
  private readonly fwdPs: Float64Array;
  private readonly cutThrough: Uint8Array;
  private readonly fifoBytes: Float64Array;
  private readonly cdcCycles: Float64Array;
  private readonly bytePs: number;
  private readonly pcsFecPs: number;
  private readonly cyclePs: number;
  private readonly flowControl: FlowControl;
  /** flowControl !== 'none', tested on every enqueue. */
  private readonly backPressure: boolean;
  private readonly quantumPs: number;
  private readonly pauseQuanta: number;
  private readonly xoffBytes: number;
  private readonly xonBytes: number;

  // Frames: a pool of records in typed arrays (no allocation per frame).
  private cap = 0;
  private freeList: number[] = [];
  private nextFrame = 0;
  private fSrc = new Int32Array(0);
  private fDst = new Int32Array(0);
  private fFlow = new Int32Array(0);
  private fBytes = new Int32Array(0);
  private fPri = new Int32Array(0);
  private fHops = new Int32Array(0);
  private fRxPort = new Int32Array(0);
  private fFinal = new Uint8Array(0);
  private fCreated = new Float64Array(0);
  private fReady = new Float64Array(0);
  private fTxStart = new Float64Array(0);
  private fEnd = new Float64Array(0);
  private fNext = new Float64Array(0);
  private fEvent = new Float64Array(0);
  /** Stage sums of completed hops, then of the current hop: 6 each, stage order STAGES. */
  private fSum = new Float64Array(0);
  private fHop = new Float64Array(0);

  // Sources.
  private readonly sources: SourceSpec[] = [];
  // Typed arrays (grown by doubling in addSource): the hot path reads them without the element-kind checks of plain arrays.
  private srcNode = new Int32Array(0);
  private srcDst = new Int32Array(0);
  private srcFlow = new Int32Array(0);
  private srcBytes = new Int32Array(0);
  private srcPri = new Int32Array(0);
  private srcPort = new Int32Array(0);
  private srcKind = new Int32Array(0);
  private srcNext = new Float64Array(0);
  private srcOnUntil = new Float64Array(0);
  private srcLeft = new Float64Array(0);
  private srcStop = new Float64Array(0);
  private srcMeanGapPs = new Float64Array(0);
  private srcRng: RandomStream[] = [];
  /** Steady clocks: a line-rate source's gap, mean gap / nominal byte time × its port's byte time, computed once in run(). */
  private srcLineGapPs = new Float64Array(0);
  private srcRow = new Float64Array(0);
  private readonly portRow: Float64Array;

  // Totals.
  private generated = 0;
  private delivered = 0;
  private dropped = 0;
  private pauseFramesSent = 0;
  private latencySumPs = 0;
  private latencyMaxPs = 0;
  private readonly stageSumPs = new Float64Array(6);
  private frameEvents = 0;
  private popTime = 0.5;

  constructor(options: NetworkOptions) {
    this.o = options;
    const t = options.topology;
    this.topology = t;
    this.routing = routingOf(t);
    this.rate = options.rate ?? '10G';
    const rate = phyRate(this.rate);
    const med = mediumOf(options.medium ?? 'dac');
    const fec = options.fec ?? rate.defaultFec;
    this.bytePs = rate.bytePs;
    this.pcsFecPs = pcsLatencyPs(rate) + fecLatencyPs(rate, fec);
    this.cyclePs = coreCyclePs(this.rate, rate.bytePs);
    const seed = options.seed ?? 1;
    if (!Number.isSafeInteger(seed) || seed < 0) throw new InputError(linkMessages.badConfig('seed', seed, 'an integer ≥ 0'));

    const n = t.nodeCount;
    this.portBase = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) this.portBase[v + 1] = this.portBase[v] + t.degree(v);
    const P = this.portBase[n];
    this.portCount = P;
    this.portNode = new Int32Array(P);
    this.portPeerNode = new Int32Array(P);
    this.portPeerPort = new Int32Array(P);
    this.portPropPs = new Float64Array(P);
    const nsPerM = nsPerMetre(med);
    for (let v = 0; v < n; v++) {
      t.ports(v).forEach((port, p) => {
        const gp = this.portBase[v] + p;
        this.portNode[gp] = v;
        this.portPeerNode[gp] = port.peer;
        this.portPeerPort[gp] = this.portBase[port.peer] + t.portTo(port.peer, v);
        this.portPropPs[gp] = t.links[port.link].lengthM * nsPerM * 1000;
      });
    }
    this.busyUntil = new Float64Array(P);
    this.curEnd = new Float64Array(P);
    this.qBytes = new Float64Array(P);
    this.qClassBytes = new Float64Array(P * CLASSES);
    this.queues = Array.from({ length: P }, () => new Int32Array(4));
    this.qHead = new Int32Array(P);
    this.qCount = new Int32Array(P);
    this.heldCount = new Int32Array(P);
    this.pausedUntil = new Float64Array(P * CLASSES);
    this.pauseSources = Array.from({ length: P }, () => []);
    this.xonPending = new Uint8Array(P);
    this.dropsPerPort = new Int32Array(P);
    this.txFramesPerPort = new Float64Array(P);

    const host = resolveNodeConfig(DEFAULT_HOST_CONFIG, options.host, 'host');
    const sw = resolveNodeConfig(DEFAULT_SWITCH_CONFIG, options.switch, 'switch');
    this.fwdPs = new Float64Array(n);
    this.cutThrough = new Uint8Array(n);
    this.fifoBytes = new Float64Array(n);
    this.cdcCycles = new Float64Array(n);
    for (let v = 0; v < n; v++) {
      const c = t.nodes[v].kind === 'host' ? host : sw;
      this.fwdPs[v] = c.forwardingNs * 1000;
      this.cutThrough[v] = c.mode === 'cut-through' ? 1 : 0;
      this.fifoBytes[v] = c.fifoBytes;
      this.cdcCycles[v] = c.cdcCycles;
    }
    this.flowControl = options.flowControl ?? 'none';
    if (!['none', 'pause', 'pfc'].includes(this.flowControl)) throw new InputError(linkMessages.badConfig('flowControl', this.flowControl, "'none', 'pause' or 'pfc'"));
    this.pauseQuanta = options.pauseQuanta ?? 0xffff;
    if (!(Number.isSafeInteger(this.pauseQuanta) && this.pauseQuanta >= 1 && this.pauseQuanta <= 0xffff)) throw new InputError(linkMessages.badConfig('pauseQuanta', this.pauseQuanta, 'an integer from 1 to 65535'));
    this.quantumPs = QUANTUM_BYTES * this.bytePs;
    const minFifo = Math.min(host.fifoBytes, sw.fifoBytes);
    this.xoffBytes = options.xoffBytes ?? minFifo / 2;
    this.xonBytes = options.xonBytes ?? minFifo / 4;
    if (!(this.xonBytes >= 0 && this.xonBytes < this.xoffBytes)) throw new InputError(linkMessages.badConfig('xonBytes', this.xonBytes, `a number ≥ 0 below xoffBytes (${this.xoffBytes})`));

    this.clocks = new PortClocks(P, seed, options.clocks);
    this.steady = options.clocks?.wander === undefined;
    this.portBytePs = new Float64Array(P);
    this.portCyclePs = new Float64Array(P);
    this.portInvCycle = new Float64Array(P);
    this.portPhasePs = new Float64Array(P);
    for (let gp = 0; gp < P; gp++) {
      this.portBytePs[gp] = this.bytePs / this.clocks.factor(gp, 0);
      this.portCyclePs[gp] = this.cyclePs / this.clocks.factor(gp, 0);
      this.portInvCycle[gp] = 1 / this.portCyclePs[gp];
      this.portPhasePs[gp] = this.clocks.phases[gp] * this.portCyclePs[gp];
    }
    this.portRow = new Float64Array(P * ROW);
    for (let gp = 0; gp < P; gp++) {
      const r = ROW * gp;
      const peer = this.portPeerNode[gp];
      const rx = this.portPeerPort[gp];
      this.portRow[r + P_BYTE] = this.portBytePs[gp];
      this.portRow[r + P_PROP] = this.portPropPs[gp];
      this.portRow[r + P_PEER] = peer;
      this.portRow[r + P_RX] = rx;
      this.portRow[r + P_PEER_CUT] = this.cutThrough[peer];
      this.portRow[r + P_RX_CYCLE] = this.portCyclePs[rx];
      this.portRow[r + P_RX_PHASE] = this.portPhasePs[rx];
      this.portRow[r + P_RX_INV] = this.portInvCycle[rx];
      this.portRow[r + P_PEER_CDC] = this.cdcCycles[peer];
      this.portRow[r + P_FIFO] = this.fifoBytes[this.portNode[gp]];
    }
    this.pfc = this.flowControl === 'pfc';
    this.backPressure = this.flowControl !== 'none';
    this.deliverEvents = options.onDeliver !== undefined;
    this.sim = new Simulation({ resolution: 'ps', capacity: Math.max(1024, 4 * P) });
    this.grow(1024);
    const handler = (sim: Simulation, entity: number, kind: number, data: number): void => {
      // Generations first: with delivery computed rather than simulated they are most events.
      if (kind === GEN) this.onGenerate(entity, data);
      else if (kind === ARRIVE) this.onArrive(entity, data);
      else if (kind === DELIVER) this.onDeliverEvent(data);
      else if (kind === PAUSE_RX) this.onPause(sim.now, data);
      else if (kind === RESUME) this.reschedule(data, sim.now);
      else this.onXonCheck(data, sim.now);
    };
    for (const node of t.nodes) this.sim.entity(node.name, handler);
  }

  /** Adds a traffic source; returns its index. Sources must be added before `run`. */
  addSource(spec: SourceSpec): number {
    if (this.started) throw new InputError(linkMessages.alreadyRunning());
    const i = this.sources.length;
    const t = this.topology;
    const node = (field: string, v: number) => {
      if (!(Number.isSafeInteger(v) && v >= 0 && v < t.nodeCount)) throw new InputError(linkMessages.badSource(i, field, v, `a node id from 0 to ${t.nodeCount - 1}`));
    };
    node('src', spec.src);
    node('dst', spec.dst);
    if (spec.src === spec.dst) throw new InputError(linkMessages.badSource(i, 'dst', spec.dst, 'a node other than src'));
    checkFrameBytes(spec.frameBytes, true);
    const priority = spec.priority ?? 0;
    if (!(Number.isSafeInteger(priority) && priority >= 0 && priority < CLASSES)) throw new InputError(linkMessages.badSource(i, 'priority', priority, 'an integer from 0 to 7'));
    const flow = spec.flow ?? i;
    if (!(Number.isSafeInteger(flow) && flow >= 0 && flow < 2 ** 31)) throw new InputError(linkMessages.badSource(i, 'flow', flow, 'an integer from 0 to 2^31 − 1'));
    const port = this.routing.port(spec.src, spec.dst, flow);
    if (port < 0) throw new InputError(linkMessages.unreachable(i, spec.src, spec.dst));
    const startPs = (spec.startNs ?? 0) * 1000;
    if (!(Number.isFinite(startPs) && startPs >= 0)) throw new InputError(linkMessages.badSource(i, 'startNs', spec.startNs, 'a number ≥ 0'));
    const stopPs = spec.stopNs === undefined ? Infinity : spec.stopNs * 1000;
    if (!(stopPs >= startPs)) throw new InputError(linkMessages.badSource(i, 'stopNs', spec.stopNs, 'a number ≥ startNs'));
    const frames = spec.frames ?? Infinity;
    if (!(frames === Infinity || (Number.isSafeInteger(frames) && frames >= 1))) throw new InputError(linkMessages.badSource(i, 'frames', frames, 'an integer ≥ 1'));
    const wirePs = (spec.frameBytes + WIRE_OVERHEAD_BYTES) * this.bytePs;
    const p = spec.pattern;
    let kind = PATTERN_LINE_RATE;
    let meanGapPs = wirePs;
    let onUntil = Infinity;
    const rng = new RandomStream(this.o.seed ?? 1, SOURCE_STREAM_BASE + i);
    if (p.kind === 'poisson') {
      if (!(Number.isFinite(p.load) && p.load > 0 && p.load <= 1)) throw new InputError(linkMessages.badSource(i, 'pattern.load', p.load, 'a number in (0, 1]'));
      kind = PATTERN_POISSON;
      meanGapPs = wirePs / p.load;
    } else if (p.kind === 'on-off') {
      for (const f of ['meanOnNs', 'meanOffNs'] as const) {
        if (!(Number.isFinite(p[f]) && p[f] > 0)) throw new InputError(linkMessages.badSource(i, `pattern.${f}`, p[f], 'a number of ns > 0'));
      }
      kind = PATTERN_ON_OFF;
      onUntil = startPs + exponential(rng, p.meanOnNs * 1000);
    } else if (p.kind !== 'line-rate') {
      throw new InputError(linkMessages.badSource(i, 'pattern.kind', (p as { kind: unknown }).kind, "'line-rate', 'poisson' or 'on-off'"));
    }
    this.sources.push({ ...spec, priority, flow });
    if (i === this.srcNode.length) this.growSources(Math.max(16, 2 * i));
    this.srcNode[i] = spec.src;
    this.srcDst[i] = spec.dst;
    this.srcFlow[i] = flow;
    this.srcBytes[i] = spec.frameBytes;
    this.srcPri[i] = priority;
    this.srcPort[i] = this.portBase[spec.src] + port;
    this.srcNext[i] = startPs;
    this.srcOnUntil[i] = onUntil;
    this.srcLeft[i] = frames;
    this.srcStop[i] = stopPs;
    this.srcKind[i] = kind;
    this.srcMeanGapPs[i] = meanGapPs;
    this.srcRng.push(rng);
    return i;
  }

  /**
   * Runs until `untilNs` of simulated time; a later call goes on from there. Returns the stats
   * (frames still in flight are counted in neither delivered nor dropped).
   */
  run(untilNs: number): NetworkStats {
    const untilPs = Math.round(untilNs * 1000);
    if (!this.started) {
      this.started = true;
      const S = this.sources.length;
      this.srcLineGapPs = new Float64Array(S);
      for (let s = 0; s < S; s++) this.srcLineGapPs[s] = this.srcMeanGapPs[s] / this.bytePs * this.portBytePs[this.srcPort[s]];
      this.srcRow = new Float64Array(S * ROW);
      for (let s = 0; s < S; s++) {
        const r = ROW * s;
        const row = this.srcRow;
        row[r + S_NEXT] = this.srcNext[s]; row[r + S_LEFT] = this.srcLeft[s]; row[r + S_STOP] = this.srcStop[s];
        row[r + S_LINE_GAP] = this.srcLineGapPs[s]; row[r + S_DST] = this.srcDst[s]; row[r + S_FLOW] = this.srcFlow[s];
        row[r + S_BYTES] = this.srcBytes[s]; row[r + S_PRI] = this.srcPri[s]; row[r + S_PORT] = this.srcPort[s]; row[r + S_KIND] = this.srcKind[s];
      }
      for (let s = 0; s < this.sources.length; s++) {
        if (this.srcNext[s] < this.srcStop[s]) this.sim.scheduleAt(Math.ceil(this.srcNext[s]), this.srcNode[s], GEN, s);
      }
    }
    this.sim.run({ untilTicks: untilPs });
    return this.stats();
  }

  stats(): NetworkStats {
    const meanStagesNs = {} as StageNs;
    STAGES.forEach((s, i) => { meanStagesNs[s] = this.delivered ? this.stageSumPs[i] / this.delivered / 1000 : 0; });
    return {
      generated: this.generated,
      delivered: this.delivered,
      dropped: this.dropped,
      dropsPerPort: this.dropsPerPort.slice(),
      txFramesPerPort: this.txFramesPerPort.slice(),
      pauseFramesSent: this.pauseFramesSent,
      meanLatencyNs: this.delivered ? this.latencySumPs / this.delivered / 1000 : 0,
      maxLatencyNs: this.latencyMaxPs / 1000,
      meanStagesNs,
      frameEvents: this.frameEvents,
    };
  }

  /** The global port id of node's port p. */
  globalPort(node: number, port: number): number {
    return this.portBase[node] + port;
  }

  // --- frames -------------------------------------------------------------------------------

  private grow(cap: number): void {
    const g32 = (a: Int32Array, k = 1) => { const b = new Int32Array(cap * k); b.set(a); return b; };
    const g64 = (a: Float64Array, k = 1) => { const b = new Float64Array(cap * k); b.set(a); return b; };
    this.fSrc = g32(this.fSrc); this.fDst = g32(this.fDst); this.fFlow = g32(this.fFlow); this.fBytes = g32(this.fBytes);
    this.fPri = g32(this.fPri); this.fHops = g32(this.fHops); this.fRxPort = g32(this.fRxPort);
    const fin = new Uint8Array(cap); fin.set(this.fFinal); this.fFinal = fin;
    this.fCreated = g64(this.fCreated); this.fReady = g64(this.fReady); this.fTxStart = g64(this.fTxStart);
    this.fEnd = g64(this.fEnd); this.fNext = g64(this.fNext); this.fEvent = g64(this.fEvent);
    this.fSum = g64(this.fSum, 6); this.fHop = g64(this.fHop, 6);
    this.cap = cap;
  }

  private growSources(cap: number): void {
    const g32 = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a); return b; };
    const g64 = (a: Float64Array) => { const b = new Float64Array(cap); b.set(a); return b; };
    this.srcNode = g32(this.srcNode); this.srcDst = g32(this.srcDst); this.srcFlow = g32(this.srcFlow);
    this.srcBytes = g32(this.srcBytes); this.srcPri = g32(this.srcPri); this.srcPort = g32(this.srcPort); this.srcKind = g32(this.srcKind);
    this.srcNext = g64(this.srcNext); this.srcOnUntil = g64(this.srcOnUntil); this.srcLeft = g64(this.srcLeft);
    this.srcStop = g64(this.srcStop); this.srcMeanGapPs = g64(this.srcMeanGapPs);
  }

  private allocFrame(): number {
    if (this.freeList.length > 0) return this.freeList.pop() as number;
    if (this.nextFrame === this.cap) this.grow(this.cap * 2);
    return this.nextFrame++;
  }

  private freeFrame(f: number): void {
    this.freeList.push(f);
  }

  // --- events -------------------------------------------------------------------------------

  private onGenerate(node: number, s: number): void {
    this.frameEvents++;
    const row = this.srcRow;
    const r = ROW * s;
    const t = row[r + S_NEXT];
    const f = this.allocFrame();
    this.fSrc[f] = node;
    this.fDst[f] = row[r + S_DST];
    this.fFlow[f] = row[r + S_FLOW];
    this.fBytes[f] = row[r + S_BYTES];
    this.fPri[f] = row[r + S_PRI];
    this.fHops[f] = 0;
    this.fCreated[f] = t;
    const b = 6 * f;
    const sum = this.fSum;
    sum[b] = 0; sum[b + 1] = 0; sum[b + 2] = 0; sum[b + 3] = 0; sum[b + 4] = 0; sum[b + 5] = 0;
    this.generated++;
    this.fReady[f] = t;
    const gp = row[r + S_PORT];
    this.enqueue(f, gp, -1, 0);
    // The next frame of this source.
    let next: number;
    const kind = row[r + S_KIND];
    if (kind === PATTERN_LINE_RATE) {
      next = t + (this.steady ? row[r + S_LINE_GAP] : this.srcMeanGapPs[s] / this.clocks.factor(gp, t));
    } else if (kind === PATTERN_POISSON) {
      next = t + exponential(this.srcRng[s], this.srcMeanGapPs[s]);
    } else {
      next = t + this.srcMeanGapPs[s] / this.clocks.factor(gp, t);
      if (next >= this.srcOnUntil[s]) {
        const p = this.sources[s].pattern as { meanOnNs: number; meanOffNs: number };
        next = this.srcOnUntil[s] + exponential(this.srcRng[s], p.meanOffNs * 1000);
        this.srcOnUntil[s] = next + exponential(this.srcRng[s], p.meanOnNs * 1000);
      }
    }
    const left = row[r + S_LEFT] - 1;
    row[r + S_LEFT] = left;
    if (left > 0 && next < row[r + S_STOP]) {
      row[r + S_NEXT] = next;
      this.sim.scheduleAt(Math.ceil(next), node, GEN, s);
    }
  }

  private onArrive(node: number, f: number): void {
    this.frameEvents++;
    // The frame has left the sender's FIFO (it started before it arrived): take it out before reuse.
    this.popStarted(this.portPeerPort[this.fRxPort[f]], this.sim.now);
    // The hop just completed joins the frame's sums.
    const b = 6 * f;
    for (let i = 0; i < 6; i++) this.fSum[b + i] += this.fHop[b + i];
    this.fHops[f]++;
    const port = this.routing.port(node, this.fDst[f], this.fFlow[f]);
    if (port < 0) {
      // No route (a partitioned network): counted as a drop at the arrival port.
      this.dropped++;
      this.dropsPerPort[this.fRxPort[f]]++;
      this.freeFrame(f);
      return;
    }
    const fwd = this.fwdPs[node];
    this.fReady[f] = this.fNext[f] + fwd;
    this.enqueue(f, this.portBase[node] + port, this.fRxPort[f], fwd);
  }

  private onDeliverEvent(f: number): void {
    this.popStarted(this.portPeerPort[this.fRxPort[f]], this.sim.now);
    const b = 6 * f;
    const stagesNs = {} as StageNs;
    STAGES.forEach((s, i) => { stagesNs[s] = (this.fSum[b + i] + this.fHop[b + i]) / 1000; });
    const d: Delivery = {
      src: this.fSrc[f], dst: this.fDst[f], flow: this.fFlow[f], frameBytes: this.fBytes[f], priority: this.fPri[f],
      hops: this.fHops[f] + 1, createdPs: this.fCreated[f], deliveredPs: this.fNext[f], stagesNs,
    };
    this.fEvent[f] = -1;
    this.freeFrame(f);
    this.o.onDeliver?.(d, this.sim);
  }

  // --- output ports ---------------------------------------------------------------------------

  /** Puts frame f into output port gp's FIFO at time readyPs (tail drop if full), then times it. */
  // Times travel in the frame's typed-array fields rather than as arguments: a double passed to a
  // function V8 does not inline is boxed, and boxing on every hop showed as garbage collection.
  private enqueue(f: number, gp: number, inPort: number, fwdPs: number): void {
    const readyPs = this.fReady[f];
    this.popTime = readyPs;
    this.popStartedAtPopTime(gp);
    const bytes = this.fBytes[f];
    if (this.qBytes[gp] + bytes > this.portRow[ROW * gp + P_FIFO]) {
      this.dropped++;
      this.dropsPerPort[gp]++;
      this.freeFrame(f);
      return;
    }
    const cls = this.fPri[f];
    this.push(gp, f);
    this.qBytes[gp] += bytes;
    if (this.pfc) this.qClassBytes[gp * CLASSES + cls] += bytes;
    this.fHop[6 * f] = fwdPs;
    if (this.backPressure && this.pausedUntil[gp * CLASSES + cls] > readyPs) {
      this.fTxStart[f] = -1;
      this.fEvent[f] = -1;
      this.heldCount[gp]++;
    } else {
      this.commit(f, gp);
    }
    if (this.backPressure && inPort >= 0) this.checkXoff(gp, inPort, cls, readyPs);
  }

  /** Fixes frame f's departure from port gp and schedules its next decision point (or records its delivery). */
  private commit(f: number, gp: number): void {
    const readyPs = this.fReady[f];
    const busy = this.busyUntil[gp];
    const start = readyPs > busy ? readyPs : busy;
    const bytes = this.fBytes[f];
    const pr = this.portRow;
    const k = ROW * gp;
    const bytePs = this.steady ? pr[k + P_BYTE] : this.bytePs / this.clocks.factor(gp, start);
    this.busyUntil[gp] = this.fEnd[f] = start + (bytes + WIRE_OVERHEAD_BYTES) * bytePs;
    this.fTxStart[f] = start;
    this.txFramesPerPort[gp]++;
    const peer = pr[k + P_PEER];
    const rxPort = pr[k + P_RX];
    const last = peer === this.fDst[f];
    const serPs = (last || pr[k + P_PEER_CUT] === 0 ? bytes + PREAMBLE_SFD_BYTES : PREAMBLE_SFD_BYTES + MAC_HEADER_BYTES) * bytePs;
    const propPs = pr[k + P_PROP];
    const tArr = start + serPs + this.pcsFecPs + propPs;
    // Clock-domain crossing: the receiver's core clock's next edge, then the synchroniser.
    let tRx: number;
    if (this.steady) {
      const cycle = pr[k + P_RX_CYCLE];
      const phase = pr[k + P_RX_PHASE];
      tRx = phase + (Math.ceil((tArr - phase) * pr[k + P_RX_INV]) + pr[k + P_PEER_CDC]) * cycle;
    } else {
      const cycle = this.cyclePs / this.clocks.factor(rxPort, tArr);
      const phase = this.clocks.phases[rxPort] * cycle;
      tRx = phase + (Math.ceil((tArr - phase) / cycle) + this.cdcCycles[peer]) * cycle;
    }
    const b = 6 * f;
    const hop = this.fHop;
    hop[b + 1] = start - readyPs;
    hop[b + 2] = serPs;
    hop[b + 3] = this.pcsFecPs;
    hop[b + 4] = propPs;
    hop[b + 5] = tRx - tArr;
    this.fNext[f] = tRx;
    this.fRxPort[f] = rxPort;
    if (last) {
      this.fFinal[f] = 1;
      this.recordDelivery(f);
      this.fEvent[f] = this.deliverEvents ? this.sim.scheduleAt(Math.ceil(tRx), peer, DELIVER, f) : -1;
    } else {
      this.fFinal[f] = 0;
      this.fEvent[f] = this.sim.scheduleAt(Math.ceil(tRx), peer, ARRIVE, f);
    }
  }

  /** Adds (sign 1) or removes (sign −1, when a pause takes the frame back) a delivery's totals. */
  private record(f: number, sign: number): void {
    const b = 6 * f;
    const latency = this.fNext[f] - this.fCreated[f];
    this.delivered += sign;
    this.latencySumPs += sign * latency;
    if (sign > 0 && latency > this.latencyMaxPs) this.latencyMaxPs = latency;
    for (let i = 0; i < 6; i++) this.stageSumPs[i] += sign * (this.fSum[b + i] + this.fHop[b + i]);
  }

  /** record(f, 1) unrolled, for the hot path: same sums in the same order. */
  private recordDelivery(f: number): void {
    const b = 6 * f;
    const latency = this.fNext[f] - this.fCreated[f];
    this.delivered++;
    this.latencySumPs += latency;
    if (latency > this.latencyMaxPs) this.latencyMaxPs = latency;
    const sum = this.fSum;
    const hop = this.fHop;
    const acc = this.stageSumPs;
    acc[0] += sum[b] + hop[b];
    acc[1] += sum[b + 1] + hop[b + 1];
    acc[2] += sum[b + 2] + hop[b + 2];
    acc[3] += sum[b + 3] + hop[b + 3];
    acc[4] += sum[b + 4] + hop[b + 4];
    acc[5] += sum[b + 5] + hop[b + 5];
  }

  private push(gp: number, f: number): void {
    let q = this.queues[gp];
    const n = this.qCount[gp];
    if (n === q.length) {
      const grown = new Int32Array(2 * q.length);
      const h = this.qHead[gp];
      for (let i = 0; i < n; i++) grown[i] = q[(h + i) & (q.length - 1)];
      this.queues[gp] = q = grown;
      this.qHead[gp] = 0;
    }
    q[(this.qHead[gp] + n) & (q.length - 1)] = f;
    this.qCount[gp] = n + 1;
  }

  /** The i-th frame waiting at port gp (0: the head). */
  private at(gp: number, i: number): number {
    const q = this.queues[gp];
    return q[(this.qHead[gp] + i) & (q.length - 1)];
  }

  /** Removes from port gp's FIFO the frames that have started by time t. */
  private popStarted(gp: number, t: number): void {
    this.popTime = t;
    this.popStartedAtPopTime(gp);
  }

  /** popStarted with the time in a field: the hot path's caller avoids boxing a double argument. */
  private popStartedAtPopTime(gp: number): void {
    const t = this.popTime;
    const q = this.queues[gp];
    const mask = q.length - 1;
    let h = this.qHead[gp];
    let n = this.qCount[gp];
    if (this.heldCount[gp] > 0) {
      // Held (paused) frames can sit ahead of started ones (PFC): compact the whole ring.
      let w = 0;
      for (let r = 0; r < n; r++) {
        const f = q[(h + r) & mask];
        const s = this.fTxStart[f];
        if (s >= 0 && s <= t) this.leave(gp, f);
        else q[(h + w++) & mask] = f;
      }
      n = w;
    } else {
      while (n > 0) {
        const f = q[h];
        const s = this.fTxStart[f];
        if (s < 0 || s > t) break;
        this.leave(gp, f);
        h = (h + 1) & mask;
        n--;
      }
    }
    this.qHead[gp] = h;
    this.qCount[gp] = n;
  }

  private leave(gp: number, f: number): void {
    const bytes = this.fBytes[f];
    this.qBytes[gp] -= bytes;
    if (this.pfc) this.qClassBytes[gp * CLASSES + this.fPri[f]] -= bytes;
    if (this.fEnd[f] > this.curEnd[gp]) this.curEnd[gp] = this.fEnd[f];
    if (this.fFinal[f] === 1 && this.fEvent[f] < 0) this.freeFrame(f);
  }

  // --- PAUSE and PFC --------------------------------------------------------------------------

  private checkXoff(gp: number, inPort: number, cls: number, t: number): void {
    const pfc = this.flowControl === 'pfc';
    const bytes = pfc ? this.qClassBytes[gp * CLASSES + cls] : this.qBytes[gp];
    if (bytes <= this.xoffBytes) return;
    const mask = pfc ? 1 << cls : 0xff;
    const list = this.pauseSources[gp];
    for (const [port, m] of list) if (port === inPort && (m & mask) === mask) return;
    list.push([inPort, mask]);
    this.sendPause(inPort, mask, true, t);
    this.ensureXonCheck(gp);
  }

  /** Sends a PAUSE (XOFF) or XON from local port `port` to its peer; it goes out after the frame on the wire. */
  private sendPause(port: number, mask: number, xoff: boolean, t: number): void {
    this.popStarted(port, t);
    const after = this.curEnd[port] > t ? this.curEnd[port] : t;
    const k = this.clocks.factor(port, after);
    const tArr = after + (QUANTUM_BYTES + PREAMBLE_SFD_BYTES) * this.bytePs / k + this.pcsFecPs + this.portPropPs[port];
    const upstream = this.portPeerPort[port];
    this.pauseFramesSent++;
    this.sim.scheduleAt(Math.ceil(tArr), this.portPeerNode[port], PAUSE_RX, upstream + this.portCount * (mask + 256 * (xoff ? 1 : 0)));
  }

  private onPause(now: number, data: number): void {
    const port = data % this.portCount;
    const rest = Math.floor(data / this.portCount);
    const mask = rest % 256;
    const xoff = rest >= 256;
    const until = xoff ? now + this.pauseQuanta * this.quantumPs : now;
    for (let c = 0; c < CLASSES; c++) if (mask & (1 << c)) this.pausedUntil[port * CLASSES + c] = until;
    this.reschedule(port, now);
    if (xoff) this.sim.scheduleAt(Math.ceil(until), this.portNode[port], RESUME, port);
  }

  /** Takes back the frames of port gp that have not started by t and times them again, holding paused classes. */
  private reschedule(gp: number, t: number): void {
    this.popStarted(gp, t);
    const n = this.qCount[gp];
    for (let r = 0; r < n; r++) {
      const f = this.at(gp, r);
      if (this.fTxStart[f] < 0) continue;
      if (this.fEvent[f] >= 0) this.sim.cancel(this.fEvent[f]);
      if (this.fFinal[f] === 1) this.record(f, -1);
      this.fTxStart[f] = -1;
      this.fEvent[f] = -1;
      this.heldCount[gp]++;
      this.txFramesPerPort[gp]--;
    }
    this.busyUntil[gp] = this.curEnd[gp] > t ? this.curEnd[gp] : t;
    for (let r = 0; r < n; r++) {
      const f = this.at(gp, r);
      if (this.pausedUntil[gp * CLASSES + this.fPri[f]] > t) continue;
      this.heldCount[gp]--;
      const ready = this.fReady[f];
      if (ready < t) this.fReady[f] = t;
      this.commit(f, gp);
      // FIFO wait counts from when the frame was ready, not from the resume.
      this.fReady[f] = ready;
      this.fHop[6 * f + 1] = this.fTxStart[f] - ready;
      if (this.fFinal[f] === 1) { this.record(f, -1); this.record(f, 1); }
    }
    this.ensureXonCheck(gp);
  }

  private ensureXonCheck(gp: number): void {
    if (this.xonPending[gp] || this.pauseSources[gp].length === 0) return;
    // Check again when the next waiting frame starts.
    let next = Infinity;
    for (let r = 0; r < this.qCount[gp]; r++) {
      const s = this.fTxStart[this.at(gp, r)];
      if (s >= 0 && s < next) next = s;
    }
    if (next === Infinity) return;
    this.xonPending[gp] = 1;
    this.sim.scheduleAt(Math.max(this.sim.now, Math.ceil(next)), this.portNode[gp], XON_CHECK, gp);
  }

  private onXonCheck(gp: number, now: number): void {
    this.xonPending[gp] = 0;
    this.popStarted(gp, now);
    const list = this.pauseSources[gp];
    for (let i = list.length - 1; i >= 0; i--) {
      const [port, mask] = list[i];
      let bytes = 0;
      if (this.flowControl === 'pfc') {
        for (let c = 0; c < CLASSES; c++) if (mask & (1 << c)) bytes += this.qClassBytes[gp * CLASSES + c];
      } else {
        bytes = this.qBytes[gp];
      }
      if (bytes < this.xonBytes) {
        this.sendPause(port, mask, false, now);
        list.splice(i, 1);
      }
    }
    if (list.length > 0) {
      // Frames starting at exactly `now` have left; look from the next one.
      this.ensureXonCheckAfter(gp, now);
    }
  }

  private ensureXonCheckAfter(gp: number, now: number): void {
    let next = Infinity;
    for (let r = 0; r < this.qCount[gp]; r++) {
      const s = this.fTxStart[this.at(gp, r)];
      if (s > now && s < next) next = s;
    }
    if (next === Infinity) return;
    this.xonPending[gp] = 1;
    this.sim.scheduleAt(Math.ceil(next), this.portNode[gp], XON_CHECK, gp);
  }
}

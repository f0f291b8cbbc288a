import { InputError } from '../../core/errors.ts';
import { RandomStream } from '../../core/random/index.ts';
import { Simulation } from '../../core/engine/simulation.ts';
import { DeliveryJudge, type DeliveryRecord, type DeliveryVerdict } from '../../causality/delivery/index.ts';
import {
  detectionDelayPs, directionWorks, frameErrorProbability, randomFailureSchedule, type Detection, type Failure, type LinkState,
} from '../failures/index.ts';
import { FPGA_CYCLE_PS, MIN_FRAME_WIRE_BITS, MIN_FRAME_WIRE_PS, NIC_PIPELINE_CYCLES, PROPAGATION_PS_PER_M } from '../link-timing/index.ts';
import { receiverReceive, senderReceive, senderResponsible, type ReceiverState, type SenderState } from '../protocols/handshake.ts';
import { exactlyOnceMessages } from './messages.ts';
import { LiveRouting, type NetworkGraph } from './network.ts';

/**
 * The exactly-once experiment: messages between random pairs of nodes of a network whose links
 * fail at random moments, carried by one protocol, judged by the delivery judge.
 *
 * Time is in integer picoseconds. Each frame crossing a link takes: propagation (5 ns/m, the
 * spec's figure), serialisation of a minimum frame on the wire (84 bytes at 10 Gb/s = 67.2 ns,
 * IEEE 802.3 clause 4: 64-byte frame + 8 preamble/SFD + 12 inter-packet gap), a NIC pipeline of
 * `NIC_PIPELINE_CYCLES` cycles of the 10GBASE-R PCS clock (156.25 MHz, 6.4 ns; IEEE 802.3
 * clause 49), and a queueing jitter drawn from an exponential of mean `jitterNs` (an assumption,
 * standing in for FIFO waits that this model does not simulate frame by frame).
 *
 * Failures (`failures/`): each link fails with probability `linkFailureRate` at a uniformly
 * random moment of the run, into one of its three failed states (dead, or working one way only),
 * and stays so; optionally nodes crash (`nodeCrashRate`), frames have bit errors
 * (`bitErrorRate`), or an explicit schedule is given (`failures`, e.g. a partial partition). A
 * frame is lost when its direction has failed by the time it arrives.
 *
 * Protocols:
 * - `unacked`: one frame per hop; a frame into a failed link is lost, silently.
 * - `stop-and-wait`: the alternating-bit protocol on every hop, with its retransmission timer
 *   (`timeoutNs`, at most `maxRetries` resends per hop); the bit stops duplicates on one link,
 *   but when routing moves a message to another link whose acknowledgement was lost, the
 *   message goes twice.
 * - `timeout-retry`: end to end; the destination acknowledges every copy and delivers every copy;
 *   the source resends after `timeoutNs` without an acknowledgement, up to `maxRetries` times,
 *   then reports the message undeliverable (whether or not it arrived).
 * - `timeout-retry-dedup`: the same, the destination keeping the ids it has delivered (the
 *   state is measured: its peak size).
 * Conventional nodes learn of a failed link `rerouteNs` after it fails (loss of signal or
 * missed hellos, then a routing update); until then they keep sending into it.
 * - `tiktyktik`, `ait`: the atomic handshake of `protocols/handshake.ts` on every hop, its four
 *   messages timed one by one; the receiver forwards on the third (1.5 RTT). A failure during
 *   the handshake is settled by the ownership rule from the state at each end: a responsible
 *   sender resends over the live network (the one-hop triangle first), a committed receiver goes
 *   on, a tentative receiver asks the sender over the live network first (timed as a round trip
 *   of mean hop delays over the shortest live path, not frame by frame). Both ends of a link
 *   notice the failure after `failures/detection.ts`'s delay: 102.4 ns for a PHY loss-of-signal
 *   report, one link round trip plus two cycles for a silent failure (the next ping-pong token
 *   is overdue), or `atomicDetectNs` if given (the ENTL prototype re-checks once per second,
 *   `ENTL_WATCHDOG_NS`). Everyone's routing drops the link at that moment. `ait` waits for the ENTL token before each hop
 *   (uniform over one round trip), as the driver sends AIT only from its SEND state.
 * A message that cannot go on (no live path) is reported to its source when a live path back
 * exists; else it is lost.
 */

export const PROTOCOLS = ['unacked', 'stop-and-wait', 'timeout-retry', 'timeout-retry-dedup', 'ait', 'tiktyktik'] as const;
export type ProtocolName = (typeof PROTOCOLS)[number];
export const WORKLOADS = ['messages', 'transfers'] as const;
export type Workload = (typeof WORKLOADS)[number];

export interface ExactlyOnceOptions {
  readonly protocol: ProtocolName;
  readonly network: NetworkGraph;
  readonly messages: number;
  /** Probability that each link fails during the run, in [0, 1]. */
  readonly linkFailureRate: number;
  /** Retransmission timeout of the conventional protocols (ns). */
  readonly timeoutNs?: number;
  readonly workload?: Workload;
  readonly seed: number;
  /** Mean time between messages, network-wide (ns). */
  readonly messageIntervalNs?: number;
  readonly jitterNs?: number;
  readonly maxRetries?: number;
  /** Time for a conventional network to route around a failed link (ns). */
  readonly rerouteNs?: number;
  /**
   * Time for the two ends of a link to notice its failure in the atomic protocols (ns); by
   * default from each failure's detection (`failures/detection.ts`: 102.4 ns for a PHY
   * loss-of-signal report, one link round trip plus two cycles for a silent failure).
   */
  readonly atomicDetectNs?: number;
  /** Probability that each node crashes during the run (default 0). */
  readonly nodeCrashRate?: number;
  /** Bit error rate on every link (default 0); a frame with an error fails its CRC and is dropped. */
  readonly bitErrorRate?: number;
  /** Fraction of link failures reported by the PHY (loss of signal); the rest are silent (default 0.5). */
  readonly lossOfSignalFraction?: number;
  /** An explicit failure schedule instead of a random one (`linkFailureRate` is then ignored). */
  readonly failures?: readonly Failure[];
  /** Send every message from `src` to `dst` (one flow) instead of between random pairs. */
  readonly flow?: { readonly src: number; readonly dst: number };
  /**
   * Also return the delivery history as causality records (`DeliveryRecord`: sends, retries,
   * deliveries, reports; hosts `n0`, `n1`, …; copies `m#k`), for small runs and traces.
   */
  readonly trace?: boolean;
  /** Called after each twentieth of the messages' time span has been simulated (for progress bars). */
  readonly onProgress?: (done: number, total: number) => void;
}

export const EXACTLY_ONCE_DEFAULTS = {
  timeoutNs: 2000,
  workload: 'messages' as Workload,
  messageIntervalNs: 10,
  jitterNs: 20,
  maxRetries: 4,
  rerouteNs: 50_000,
};

export interface Percentiles { readonly min: number; readonly p50: number; readonly p99: number; readonly max: number; readonly count: number }

export interface ExactlyOnceResult {
  readonly sent: number;
  readonly delivered: number;
  readonly duplicates: number;
  readonly lost: number;
  readonly reportedUndeliverable: number;
  /** Units after minus units before (`transfers` workload); null for `messages`, which moves no quantity. */
  readonly conservationError: number | null;
  readonly latencyNs: Percentiles;
  /** From a link failure to each displaced message leaving again on another path (`min`: the first packet over the detour). */
  readonly recoveryNs: Percentiles & { readonly p50Cycles: number };
  readonly verdict: DeliveryVerdict;
  readonly failedLinks: number;
  /**
   * Messages held by a tentative receiver cut off from its sender (link and every detour gone):
   * not delivered and not reported until a path returns. The judge counts them as lost.
   */
  readonly parked: number;
  /** Packet copies that were on a node when it crashed. */
  readonly crashLosses: number;
  /** Peak ids held by the de-duplicating receivers, and their size at 8 bytes per id. */
  readonly dedupPeakEntries: number;
  readonly dedupPeakBytes: number;
  readonly events: number;
  readonly simulatedNs: number;
  /** The delivery history, when `trace` was asked for. */
  readonly history?: DeliveryRecord[];
}

/** Nearest-rank percentiles. */
function percentiles(values: number[], scale: number): Percentiles {
  if (values.length === 0) return { min: 0, p50: 0, p99: 0, max: 0, count: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] / scale;
  return { min: sorted[0] / scale, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] / scale, count: values.length };
}

/** Progress is reported in this many slices of simulated time. */
const PROGRESS_STEPS = 20;

// Event kinds.
const ARRIVE = 0; // a packet is held at node `packetNode` (data = packet id)
const TIMEOUT = 1; // end-to-end retransmission timer of a message copy (data = packet id)
const ROUTE_UPDATE = 2; // routing tables change (data = link id)
const ABP_TIMEOUT = 3; // hop timer of the alternating-bit sender (data = packet id)

function check(name: string, ok: boolean, value: unknown, expected: string): void {
  if (!ok) throw new InputError(exactlyOnceMessages.badOption(name, value, expected));
}

export function simulateExactlyOnce(options: ExactlyOnceOptions): ExactlyOnceResult {
  const o = { ...EXACTLY_ONCE_DEFAULTS, ...options };
  check('protocol', (PROTOCOLS as readonly string[]).includes(o.protocol), o.protocol, `one of ${PROTOCOLS.join(', ')}`);
  check('workload', (WORKLOADS as readonly string[]).includes(o.workload), o.workload, `one of ${WORKLOADS.join(', ')}`);
  check('link failure rate', o.linkFailureRate >= 0 && o.linkFailureRate <= 1, o.linkFailureRate, 'a number in [0, 1]');
  check('timeout', Number.isFinite(o.timeoutNs) && o.timeoutNs > 0, o.timeoutNs, 'a number of ns > 0');
  check('messages', Number.isSafeInteger(o.messages) && o.messages >= 1, o.messages, 'an integer ≥ 1');
  if (o.network.nodeCount < 2) throw new InputError(exactlyOnceMessages.tooFewNodes(o.network.nodeCount));

  const { network, protocol } = o;
  const links = network.links;
  const atomic = protocol === 'ait' || protocol === 'tiktyktik';
  const endToEnd = protocol === 'timeout-retry' || protocol === 'timeout-retry-dedup';
  const ps = (ns: number) => Math.round(ns * 1000);
  const jitterMeanPs = ps(o.jitterNs);
  const timeoutPs = ps(o.timeoutNs);
  const horizonPs = ps(o.messages * o.messageIntervalNs);
  const fixedPs = (link: number) => Math.round(links[link].lengthM * PROPAGATION_PS_PER_M) + MIN_FRAME_WIRE_PS + NIC_PIPELINE_CYCLES * FPGA_CYCLE_PS;
  const meanHopPs = links.reduce((s, _, l) => s + fixedPs(l), 0) / Math.max(1, links.length) + jitterMeanPs;
  const linkRttPs = (link: number) => 2 * (fixedPs(link) + jitterMeanPs);

  // Randomness: one stream per independent source.
  const failureRng = new RandomStream(o.seed, 1);
  const trafficRng = new RandomStream(o.seed, 2);
  const jitterRng = new RandomStream(o.seed, 3);
  const tokenRng = new RandomStream(o.seed, 4);
  const bitErrorRng = new RandomStream(o.seed, 5);

  // The failure schedule: time, failed state and detection per link (Infinity: never fails).
  const schedule = o.failures ?? randomFailureSchedule(network, {
    linkFailureRate: o.linkFailureRate, nodeCrashRate: o.nodeCrashRate, lossOfSignalFraction: o.lossOfSignalFraction, horizonPs,
  }, failureRng);
  const failAt = new Float64Array(links.length).fill(Infinity);
  const failState: LinkState[] = links.map(() => 'up');
  const failDetection: Detection[] = links.map(() => 'silent');
  const crashAt = new Float64Array(network.nodeCount).fill(Infinity);
  const fail = (link: number, atPs: number, state: Exclude<LinkState, 'up'>, detection: Detection) => {
    if (atPs >= failAt[link]) return;
    failAt[link] = atPs;
    failState[link] = state;
    failDetection[link] = detection;
  };
  for (const f of schedule) {
    if (f.kind === 'link') fail(f.link, f.atPs, f.state, f.detection);
    else {
      crashAt[f.node] = Math.min(crashAt[f.node], f.atPs);
      // A crashed node's transmitters stop: its neighbours see loss of signal.
      links.forEach((l, id) => { if (l.a === f.node || l.b === f.node) fail(id, f.atPs, 'dead', 'loss-of-signal'); });
    }
  }
  const failedLinks = failAt.reduce((n, t) => n + (Number.isFinite(t) ? 1 : 0), 0);
  const detectPs = (link: number) => (o.atomicDetectNs !== undefined ? ps(o.atomicDetectNs) : detectionDelayPs(failDetection[link], linkRttPs(link)));
  const frameErrorP = frameErrorProbability(o.bitErrorRate ?? 0, MIN_FRAME_WIRE_BITS);
  const corrupted = () => frameErrorP > 0 && bitErrorRng.uniform() < frameErrorP;
  let crashLosses = 0;
  /** Whether a frame leaving over `link` from its end `from` and arriving at `arrivePs` gets through. */
  const survives = (link: number, from: number, arrivePs: number) =>
    arrivePs < failAt[link] || directionWorks(failState[link], links[link].a === from);
  const hopPs = (link: number) => fixedPs(link) + Math.round(jitterRng.exponential(jitterMeanPs));

  // Routing: what nodes believe. Links leave it when their failure is noticed.
  const known = new Uint8Array(links.length).fill(1);
  let routing = new LiveRouting(network, (l) => known[l] === 1);

  const judge = new DeliveryJudge();
  const history: DeliveryRecord[] | undefined = o.trace ? [] : undefined;
  const sim = new Simulation({ resolution: 'ps', capacity: 1 << 16 });
  // Per message.
  const msgSrc = new Int32Array(o.messages);
  const msgDst = new Int32Array(o.messages);
  const msgSentPs = new Float64Array(o.messages);
  const msgAmount = new Int32Array(o.messages);
  const msgAcked = new Uint8Array(o.messages);
  const msgAttempts = new Int32Array(o.messages);
  const msgDone = new Uint8Array(o.messages); // delivered, or reported
  // Per packet (a copy of a message in the network; acks are packets too).
  const pMsg: number[] = [];
  const pIsAck: boolean[] = [];
  /** The failure that displaced the packet, for the recovery measurement (−1: none). */
  const pFailurePs: number[] = [];
  const newPacket = (msg: number, isAck: boolean) => {
    pMsg.push(msg); pIsAck.push(isAck); pFailurePs.push(-1);
    return pMsg.length - 1;
  };
  /** The failure that destroyed the last copy of a message (−1: none), for end-to-end recovery. */
  const msgLostToFailurePs = new Float64Array(o.messages).fill(-1);
  /** An ARRIVE event's data packs the packet and the node holding it. */
  const NODE_SLOTS = 65536;
  const arriveAt = (timePs: number, p: number, node: number) => sim.scheduleAt(timePs, 0, ARRIVE, p * NODE_SLOTS + node);

  const balances = new Float64Array(network.nodeCount).fill(1_000_000);
  const totalBefore = balances.reduce((s, x) => s + x, 0);
  const latencies: number[] = [];
  const recoveries: number[] = [];
  const dedupSeen: Array<Set<number>> = Array.from({ length: network.nodeCount }, () => new Set());
  let dedupEntries = 0;
  let parked = 0;
  let dedupPeak = 0;
  /** Alternating-bit receivers: (packet, link) pairs already taken (a repeat bit is acknowledged, not passed on). */
  const abpTaken = new Set<number>();
  /** Alternating-bit senders: per (packet, link) hop, when the acknowledgement came back (Infinity: never) and the resends so far. */
  const abpAckAt = new Map<number, number>();
  const abpRetries = new Map<number, number>();

  const deliver = (packet: number, node: number) => {
    const msg = pMsg[packet];
    if (protocol === 'timeout-retry-dedup') {
      const seen = dedupSeen[node];
      if (seen.has(msg)) return;
      seen.add(msg);
      if (++dedupEntries > dedupPeak) dedupPeak = dedupEntries;
    }
    judge.deliver(msg);
    history?.push({ host: `n${node}`, type: 'recv', msg: `m${msg}#${judge.deliveriesOf(msg) - 1}`, label: 'deliver' });
    if (judge.deliveriesOf(msg) === 1) latencies.push(sim.now - msgSentPs[msg]);
    balances[node] += msgAmount[msg];
    msgDone[msg] = 1;
  };

  const reportUndeliverable = (msg: number, fromNode: number) => {
    if (msgDone[msg]) return;
    const src = msgSrc[msg];
    if (fromNode !== src && routing.hops(fromNode, src) < 0) return; // no way back: lost
    judge.reportUndeliverable(msg);
    history?.push({ host: `n${src}`, type: 'local', msg: `m${msg}`, label: 'undeliverable' });
    balances[src] += msgAmount[msg]; // the refund
    msgDone[msg] = 1;
  };

  /** Moves packet `p`, held at `node`, one hop on (or delivers it). */
  const forward = (p: number, node: number) => {
    const msg = pMsg[p];
    if (sim.now >= crashAt[node]) {
      crashLosses++; // the node holding the packet has crashed: its copy is gone
      return;
    }
    const dest = pIsAck[p] ? msgSrc[msg] : msgDst[msg];
    if (node === dest) {
      if (pIsAck[p]) msgAcked[msg] = 1;
      else {
        deliver(p, node);
        if (endToEnd) forward(newPacket(msg, true), node);
      }
      return;
    }
    const link = routing.linkTowards(node, dest, msg);
    if (link < 0) {
      if (!pIsAck[p] && (atomic || protocol === 'stop-and-wait')) reportUndeliverable(msg, node);
      return;
    }
    // Recovered once it leaves over a link that works (a resend into the same dead link is not).
    if (pFailurePs[p] >= 0 && !(failAt[link] <= sim.now)) {
      recoveries.push(sim.now - pFailurePs[p]);
      pFailurePs[p] = -1;
    }
    const peer = links[link].a === node ? links[link].b : links[link].a;
    if (atomic) return atomicHop(p, node, peer, link);
    const arrive = sim.now + hopPs(link);
    if (protocol === 'stop-and-wait') {
      // One ABP exchange on this hop: the frame, then the acknowledgement back.
      const key = p * links.length + link;
      let ackAt = Infinity;
      if (survives(link, node, arrive) && !corrupted()) {
        if (!abpTaken.has(key)) {
          abpTaken.add(key);
          arriveAt(arrive, p, peer);
        }
        const back = arrive + hopPs(link);
        if (survives(link, peer, back) && !corrupted()) ackAt = back;
      }
      abpAckAt.set(key, Math.min(ackAt, abpAckAt.get(key) ?? Infinity));
      sim.schedule(timeoutPs, 0, ABP_TIMEOUT, p, { node, link });
      return;
    }
    if (survives(link, node, arrive) && !corrupted()) arriveAt(arrive, p, peer);
    else if (!pIsAck[p] && !survives(link, node, arrive)) msgLostToFailurePs[msg] = failAt[link];
  };

  /** The four-message handshake on one hop, timed message by message (see `protocols/handshake.ts`). */
  const atomicHop = (p: number, u: number, v: number, link: number) => {
    let t = sim.now;
    if (protocol === 'ait') t += Math.floor(tokenRng.uniform() * 2 * (fixedPs(link) + jitterMeanPs)); // wait for the ENTL token
    let s: SenderState = 'SENT';
    let r: ReceiverState = 'NONE';
    let commitPs = -1;
    for (let step = 0; step < 4; step++) {
      const from = step % 2 === 0 ? u : v;
      let arrive = t + hopPs(link);
      // A message with a bit error is dropped by the CRC; the token is then overdue and the
      // message is sent again one round trip later (ownership does not change: both ends are up).
      while (survives(link, from, arrive) && corrupted()) arrive += linkRttPs(link) + 2 * FPGA_CYCLE_PS + hopPs(link);
      if (!survives(link, from, arrive)) break;
      t = arrive;
      if (step % 2 === 0) {
        const next: ReceiverState = receiverReceive(r, step as 0 | 2).state;
        if (next === 'COMMITTED' && r !== 'COMMITTED') commitPs = t;
        r = next;
      } else s = senderReceive(s, step as 1 | 3).state;
    }
    if (r === 'COMMITTED') {
      arriveAt(commitPs, p, v);
      return;
    }
    // The handshake broke: both ends notice, then the rule decides.
    const noticed = Math.max(sim.now, failAt[link]) + detectPs(link);
    pFailurePs[p] = failAt[link];
    if (senderResponsible(s)) {
      arriveAt(noticed, p, u);
    } else {
      // Receiver tentative, sender handed over: the receiver asks over the live network (the
      // triangle when it has one) and commits on the answer.
      const live = new LiveRouting(network, (l) => known[l] === 1 && l !== link && !(failAt[l] <= noticed));
      const hops = live.hops(v, u);
      if (hops < 0) {
        parked++; // held tentatively at v until a path returns: not delivered, not reported
        return;
      }
      arriveAt(noticed + Math.round(2 * hops * meanHopPs), p, v);
    }
  };

  sim.entity('network', (_sim, _entity, kind, data, payload) => {
    if (kind === ARRIVE) forward(Math.floor(data / NODE_SLOTS), data % NODE_SLOTS);
    else if (kind === TIMEOUT) {
      const msg = pMsg[data];
      if (msgAcked[msg]) return;
      if (msgAttempts[msg] >= o.maxRetries) {
        reportUndeliverable(msg, msgSrc[msg]);
        return;
      }
      msgAttempts[msg]++;
      judge.retry(msg);
      history?.push({ host: `n${msgSrc[msg]}`, type: 'send', msg: `m${msg}#r${msgAttempts[msg]}`, label: 'retry' });
      const copy = newPacket(msg, false);
      pFailurePs[copy] = msgLostToFailurePs[msg];
      msgLostToFailurePs[msg] = -1;
      sim.schedule(timeoutPs, 0, TIMEOUT, copy);
      forward(copy, msgSrc[msg]);
    } else if (kind === ABP_TIMEOUT) {
      const { node, link } = payload as { node: number; link: number };
      const key = data * links.length + link;
      if ((abpAckAt.get(key) ?? Infinity) <= sim.now) return;
      const retries = (abpRetries.get(key) ?? 0) + 1;
      abpRetries.set(key, retries);
      const msg = pMsg[data];
      if (retries > o.maxRetries) {
        if (node === msgSrc[msg]) reportUndeliverable(msg, node);
        return;
      }
      judge.retry(msg);
      history?.push({ host: `n${node}`, type: 'send', msg: `m${msg}#h${data}-${link}-${retries}`, label: 'retry' });
      // Resend over the same link, or, once routing has moved, as a new copy over another: the
      // old receiver may already have passed the message on, and then it goes twice.
      const moved = routing.linkTowards(node, msgDst[msg], msg) !== link;
      const copy = moved ? newPacket(msg, false) : data;
      if (moved && failAt[link] <= sim.now) pFailurePs[copy] = failAt[link];
      forward(copy, node);
    } else if (kind === ROUTE_UPDATE) {
      known[data] = 0;
      routing = new LiveRouting(network, (l) => known[l] === 1);
    }
  });

  // Routing updates: atomic ends notice fast; conventional networks reroute after `rerouteNs`.
  for (let l = 0; l < links.length; l++) {
    if (Number.isFinite(failAt[l])) sim.scheduleAt(failAt[l] + (atomic ? detectPs(l) : ps(o.rerouteNs)), 0, ROUTE_UPDATE, l);
  }
  // Traffic: a Poisson stream of messages between uniformly random distinct nodes.
  let t = 0;
  for (let m = 0; m < o.messages; m++) {
    t += Math.round(trafficRng.exponential(ps(o.messageIntervalNs)));
    let src = trafficRng.uniformInt(network.nodeCount);
    let dst = trafficRng.uniformInt(network.nodeCount - 1);
    if (dst >= src) dst++;
    if (o.flow) ({ src, dst } = o.flow);
    msgSrc[m] = src;
    msgDst[m] = dst;
    msgSentPs[m] = t;
    msgAmount[m] = o.workload === 'transfers' ? 1 + trafficRng.uniformInt(100) : 0;
  }
  let nextMessage = 0;
  const SEND = 4;
  sim.entity('sources', (_sim, _e, _kind, m) => {
    judge.send(m);
    history?.push({ host: `n${msgSrc[m]}`, type: 'send', msg: `m${m}#0`, label: 'send' });
    balances[msgSrc[m]] -= msgAmount[m];
    const p = newPacket(m, false);
    if (endToEnd) sim.schedule(timeoutPs, 0, TIMEOUT, p);
    forward(p, msgSrc[m]);
    nextMessage = m + 1;
    if (nextMessage < o.messages) sim.scheduleAt(msgSentPs[nextMessage], 1, SEND, nextMessage);
  });
  sim.scheduleAt(msgSentPs[0], 1, SEND, 0);
  if (o.onProgress) {
    // In slices, so a long run can report; the events and their order are the same.
    const end = msgSentPs[o.messages - 1];
    for (let k = 1; k <= PROGRESS_STEPS; k++) {
      if (k === PROGRESS_STEPS) sim.run();
      else sim.run({ untilTicks: Math.floor((end * k) / PROGRESS_STEPS) });
      o.onProgress(k, PROGRESS_STEPS);
    }
  } else sim.run();

  const verdict = judge.verdict();
  const totalAfter = balances.reduce((s, x) => s + x, 0);
  const rec = percentiles(recoveries, 1000);
  return {
    sent: verdict.sent,
    delivered: verdict.delivered,
    duplicates: verdict.duplicates,
    lost: verdict.lost,
    reportedUndeliverable: verdict.reportedUndeliverable,
    conservationError: o.workload === 'transfers' ? totalAfter - totalBefore : null,
    latencyNs: percentiles(latencies, 1000),
    recoveryNs: { ...rec, p50Cycles: rec.p50 / (FPGA_CYCLE_PS / 1000) },
    verdict,
    failedLinks,
    parked,
    crashLosses,
    dedupPeakEntries: dedupPeak,
    dedupPeakBytes: 8 * dedupPeak,
    events: sim.eventsRun,
    simulatedNs: sim.now / 1000,
    history,
  };
}

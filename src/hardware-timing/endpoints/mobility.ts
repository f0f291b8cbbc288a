import { Simulation } from '../../core/engine/simulation.ts';
import { DeliveryJudge, type DeliveryVerdict } from '../../causality/delivery/index.ts';
import { LiveRouting, type NetworkGraph } from '../exactly-once/index.ts';
import { HopTiming } from './hop-timing.ts';

/**
 * A named endpoint that moves to another node in the middle of a stream.
 *
 * A source streams `messages` numbered messages to endpoint E, which lives on node `from` and, at
 * `moveAtNs`, moves to node `to`.
 *
 * `atomic`: every hop is the atomic handshake (one copy of each message exists at any time, and
 * it is never dropped). At the move the old node freezes E and sends its session (the next
 * sequence number expected and any messages held out of order) to the new node as one atomic
 * transfer; from the freeze on, the old node forwards whatever arrives for E to the new node (a
 * forwarding pointer). When the session arrives, the new node tells the source, which then sends
 * straight there. The endpoint delivers in sequence order: a message ahead of its turn (a direct
 * one overtaking one forwarded through the old node) waits in the session's reorder buffer. So
 * nothing is lost, nothing is duplicated and the order is kept; the cost is the detour of the
 * messages caught in flight.
 *
 * `conventional`: frames are sent once per hop. At the move, E is gone from the old node
 * (arrivals there are dropped: no such endpoint), and reappears at the new node after the same
 * session copy time; the source keeps using the old address until it learns the new one,
 * `rebindNs` later (an ARP or DNS update, a mobility binding). Arrivals are delivered as they come.
 */
export interface EndpointMoveOptions {
  readonly network: NetworkGraph;
  readonly mode: 'atomic' | 'conventional';
  readonly source: number;
  readonly from: number;
  readonly to: number;
  readonly messages: number;
  readonly intervalNs: number;
  readonly moveAtNs: number;
  readonly seed: number;
  readonly rebindNs?: number;
}

export interface EndpointMoveResult {
  readonly verdict: DeliveryVerdict;
  /** Per message: delivery time (ns) or NaN, and the node it was delivered on (−1: none). */
  readonly deliveredAtNs: Float64Array;
  readonly deliveredOn: Int32Array;
  /** Messages that reached the new node through the old one. */
  readonly forwarded: number;
  /** When the source learned the new location (ns). */
  readonly sourceUpdatedAtNs: number;
  /** Messages that arrived ahead of their turn and waited in the session's reorder buffer. */
  readonly waitedForOrder: number;
}

const HOP = 0; // a message (data = seq) or control packet arrives at a node
const SEND = 1;
const MOVE = 2;

interface Packet { readonly kind: 'data' | 'session' | 'update'; readonly seq: number; target: number; via: boolean }

export function simulateEndpointMove(o: EndpointMoveOptions): EndpointMoveResult {
  const sim = new Simulation({ resolution: 'ps' });
  const routing = new LiveRouting(o.network, () => true);
  const timing = new HopTiming(o.network, o.seed, 20);
  const judge = new DeliveryJudge();
  const atomic = o.mode === 'atomic';
  const deliveredAtNs = new Float64Array(o.messages).fill(NaN);
  const deliveredOn = new Int32Array(o.messages).fill(-1);
  // Where the source believes E is, where E is active (−1: in transit), and the old node's pointer.
  let sourceBelief = o.from;
  let activeAt = o.from;
  let pointer = -1;
  let nextSeq = 0;
  const reorder = new Map<number, true>();
  /** Messages that reached the new node before the session (atomic mode). */
  const early: number[] = [];
  let forwarded = 0;
  let waitedForOrder = 0;
  let sourceUpdatedAtNs = NaN;

  const deliver = (seq: number, node: number) => {
    judge.deliver(seq);
    deliveredAtNs[seq] = sim.now / 1000;
    deliveredOn[seq] = node;
  };
  const accept = (seq: number, node: number) => {
    if (!atomic) return deliver(seq, node); // delivered as it comes
    if (seq < nextSeq || reorder.has(seq)) return; // cannot happen with atomic hops; the judge would see it
    reorder.set(seq, true);
    if (seq !== nextSeq) waitedForOrder++;
    while (reorder.delete(nextSeq)) deliver(nextSeq++, node);
  };

  const send = (p: Packet, node: number) => {
    if (node === p.target) return sim.schedule(0, 0, HOP, 0, { p, node });
    const link = routing.linkTowards(node, p.target, 0); // one flow: one path (ECMP per flow)
    const l = o.network.links[link];
    const peer = l.a === node ? l.b : l.a;
    const delay = timing.fifo(link, node, sim.now, atomic ? timing.handshake(link).commitPs : timing.oneWayPs(link));
    sim.schedule(delay, 0, HOP, 0, { p, node: peer });
  };

  const arrive = (p: Packet, node: number) => {
    if (node !== p.target) return send(p, node);
    if (p.kind === 'session') {
      // The session lands: E is active here; tell the source.
      activeAt = node;
      for (const seq of early.splice(0)) accept(seq, node);
      if (atomic) send({ kind: 'update', seq: 0, target: o.source, via: false }, node);
      return;
    }
    if (p.kind === 'update') {
      sourceBelief = o.to;
      sourceUpdatedAtNs = sim.now / 1000;
      return;
    }
    if (node === activeAt) return accept(p.seq, node);
    if (atomic) {
      if (node === o.from && pointer >= 0) {
        // The forwarding pointer: on to the new node, still one copy.
        forwarded++;
        return send({ ...p, target: pointer, via: true }, node);
      }
      if (node === o.to) {
        early.push(p.seq); // E's session is on its way: hold the message until it arrives
        return;
      }
    }
    // Conventional: no endpoint here; the frame is dropped.
  };

  sim.entity('net', (_s, _e, kind, data, payload) => {
    if (kind === HOP) {
      const { p, node } = payload as { p: Packet; node: number };
      arrive(p, node);
    } else if (kind === SEND) {
      judge.send(data, 0);
      send({ kind: 'data', seq: data, target: sourceBelief, via: false }, o.source);
      if (data + 1 < o.messages) sim.schedule(Math.round(o.intervalNs * 1000), 0, SEND, data + 1);
    } else if (kind === MOVE) {
      activeAt = -1;
      if (atomic) {
        pointer = o.to;
        send({ kind: 'session', seq: 0, target: o.to, via: false }, o.from);
      } else {
        // The endpoint's state is copied over the same path, one frame per hop; then it listens at
        // the new node, and the source learns the new address `rebindNs` after the move.
        let t = 0;
        for (let node = o.from; node !== o.to;) {
          const link = routing.linkTowards(node, o.to, 0);
          t += timing.oneWayPs(link);
          node = o.network.links[link].a === node ? o.network.links[link].b : o.network.links[link].a;
        }
        sim.schedule(t, 0, HOP, 0, { p: { kind: 'session', seq: 0, target: o.to, via: false }, node: o.to });
        sim.schedule(Math.round((o.rebindNs ?? 50_000) * 1000), 0, HOP, 0, { p: { kind: 'update', seq: 0, target: o.source, via: false }, node: o.source });
      }
    }
  });
  sim.schedule(0, 0, SEND, 0);
  sim.schedule(Math.round(o.moveAtNs * 1000), 0, MOVE, 0);
  sim.run();
  return { verdict: judge.verdict(), deliveredAtNs, deliveredOn, forwarded, sourceUpdatedAtNs, waitedForOrder };
}

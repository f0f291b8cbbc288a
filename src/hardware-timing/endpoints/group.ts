import { Simulation } from '../../core/engine/simulation.ts';
import { DeliveryJudge, type DeliveryVerdict } from '../../causality/delivery/index.ts';
import { detectionDelayPs } from '../failures/index.ts';
import { LiveRouting, type NetworkGraph } from '../exactly-once/index.ts';
import { HopTiming } from './hop-timing.ts';

/**
 * A multicast group whose active member fails (its node crashes) in the middle of a stream, and
 * whose standby takes over.
 *
 * `atomic`: the stream reaches the active member A hop by hop with the atomic handshake. A logs
 * each message at the standby B (an atomic transfer A → B) before it counts as delivered by the
 * group, and only then sends the last signal of its own hop back to the node N before it, so N
 * keeps its copy until the message is safe in both members (TIKTYKTIK's rule that the sender
 * deletes its copy last, at 2 RTT, is what makes this work). When A crashes, N notices (loss of
 * signal) and re-sends every message it still holds to B; B takes each one whose sequence number
 * is not yet in its log, in order. Every node routes the group's traffic to the live member from
 * the moment it learns of the crash. The source is never told anything: no message of this
 * protocol is addressed to it.
 *
 * `conventional`: frames sent once per hop to A; when A crashes, what is in flight to it and what
 * is sent before the network switches the group's address to B (`switchoverNs` later: a virtual
 * address moving, VRRP-style) is lost. The source is never told either, but it loses messages.
 */
export interface GroupFailoverOptions {
  readonly network: NetworkGraph;
  readonly mode: 'atomic' | 'conventional';
  readonly source: number;
  readonly active: number;
  readonly standby: number;
  readonly messages: number;
  readonly intervalNs: number;
  readonly crashAtNs: number;
  readonly seed: number;
  readonly switchoverNs?: number;
}

export interface GroupFailoverResult {
  readonly verdict: DeliveryVerdict;
  /** Deliveries by the group, per member. */
  readonly deliveredByActive: number;
  readonly deliveredByStandby: number;
  /** Messages re-sent to the standby by the node before the active member (atomic). */
  readonly resent: number;
  /** Re-sent messages the standby already had in its log (discarded, not delivered twice). */
  readonly alreadyLogged: number;
  /** Per message: when the group delivered it (ns; NaN: never) and by which member (−1: none). */
  readonly deliveredAtNs: Float64Array;
  readonly deliveredBy: Int32Array;
}

const HOP = 0;
const SEND = 1;
const CRASH = 2;
const NOTICE = 3;

interface Packet { readonly kind: 'data' | 'log' | 'logged'; readonly seq: number; prev: number }

export function simulateGroupFailover(o: GroupFailoverOptions): GroupFailoverResult {
  const sim = new Simulation({ resolution: 'ps' });
  let routing = new LiveRouting(o.network, () => true);
  const timing = new HopTiming(o.network, o.seed, 21);
  const judge = new DeliveryJudge();
  const atomic = o.mode === 'atomic';
  let groupAt = o.active; // where nodes send the group's traffic
  let crashed = false;
  const log = new Set<number>(); // sequence numbers in the standby's log
  let nextSeq = 0;
  const pendingAtStandby = new Set<number>();
  /** Messages the node before A still holds (atomic): seq → true until A's last signal comes back. */
  const heldBeforeActive = new Map<number, number>();
  /** Atomic messages held at a node whose next hop was the crashed member, until the crash is noticed. */
  const waiting: Array<{ p: Packet; node: number }> = [];
  let deliveredByActive = 0;
  let deliveredByStandby = 0;
  const deliveredAtNs = new Float64Array(o.messages).fill(NaN);
  const deliveredBy = new Int32Array(o.messages).fill(-1);
  const deliver = (seq: number, member: number) => {
    judge.deliver(seq);
    deliveredAtNs[seq] = sim.now / 1000;
    deliveredBy[seq] = member;
    if (member === o.active) deliveredByActive++;
    else deliveredByStandby++;
  };
  let resent = 0;
  let alreadyLogged = 0;

  const peerOf = (link: number, node: number) => (o.network.links[link].a === node ? o.network.links[link].b : o.network.links[link].a);
  const hop = (p: Packet, node: number, target: number) => {
    if (crashed && target === o.active && p.kind !== 'data') return; // no one to tell any more
    if (node === target) return sim.schedule(0, 0, HOP, 0, { p, node });
    const link = routing.linkTowards(node, target, 0);
    const peer = peerOf(link, node);
    if (crashed && node === o.active) return; // a crashed node sends nothing
    if (crashed && peer === o.active) {
      // The link to the crashed node is dead. A conventional frame is lost; an atomic sender still
      // holds the message (the handshake never started) and waits to learn where to send it.
      if (atomic) waiting.push({ p, node });
      return;
    }
    const delay = timing.fifo(link, node, sim.now, atomic ? timing.handshake(link).commitPs : timing.oneWayPs(link));
    if (atomic && peer === o.active && p.kind === 'data') heldBeforeActive.set(p.seq, node);
    sim.schedule(delay, 0, HOP, 0, { p: { ...p, prev: node }, node: peer });
  };

  /** The standby takes messages in sequence order once it is the active member. */
  const standbyTakes = (seq: number) => {
    if (log.has(seq) || seq < nextSeq) {
      alreadyLogged++;
      return;
    }
    pendingAtStandby.add(seq);
    while (pendingAtStandby.delete(nextSeq)) {
      log.add(nextSeq);
      deliver(nextSeq, o.standby);
      nextSeq++;
    }
  };

  sim.entity('net', (_s, _e, kind, data, payload) => {
    if (kind === SEND) {
      judge.send(data, 0);
      hop({ kind: 'data', seq: data, prev: -1 }, o.source, groupAt);
      if (data + 1 < o.messages) sim.schedule(Math.round(o.intervalNs * 1000), 0, SEND, data + 1);
      return;
    }
    if (kind === CRASH) {
      crashed = true;
      return;
    }
    if (kind === NOTICE) {
      // Everyone now routes the group to the standby, around the crashed node; the node before A
      // re-sends what it holds.
      groupAt = o.standby;
      routing = new LiveRouting(o.network, (l) => o.network.links[l].a !== o.active && o.network.links[l].b !== o.active);
      if (atomic) {
        for (const [seq, node] of [...heldBeforeActive].sort((x, y) => x[0] - y[0])) {
          resent++;
          hop({ kind: 'data', seq, prev: -1 }, node, o.standby);
        }
        heldBeforeActive.clear();
        for (const { p, node } of waiting.splice(0)) hop(p, node, o.standby);
      }
      return;
    }
    const { p, node } = payload as { p: Packet; node: number };
    if (crashed && node === o.active) return; // a crashed node does nothing
    if (p.kind === 'data') {
      if (node !== groupAt && node !== o.active && node !== o.standby) return hop(p, node, groupAt);
      if (node === o.active) {
        if (!atomic) return deliver(p.seq, o.active);
        // Log at the standby first; the group delivers when the log entry is safe in both.
        hop({ kind: 'log', seq: p.seq, prev: -1 }, node, o.standby);
        return;
      }
      if (node === o.standby) {
        if (!atomic) return deliver(p.seq, o.standby);
        return standbyTakes(p.seq);
      }
      return hop(p, node, groupAt);
    }
    if (p.kind === 'log') {
      if (node !== o.standby) return hop(p, node, o.standby);
      if (!log.has(p.seq)) {
        log.add(p.seq);
        nextSeq = Math.max(nextSeq, p.seq + 1);
        deliver(p.seq, o.active);
      }
      hop({ kind: 'logged', seq: p.seq, prev: -1 }, node, o.active);
      return;
    }
    // 'logged' reaches A: A sends the last signal of its hop; the node before it drops its copy.
    if (node !== o.active) return hop(p, node, o.active);
    heldBeforeActive.delete(p.seq);
  });
  sim.schedule(0, 0, SEND, 0);
  sim.schedule(Math.round(o.crashAtNs * 1000), 0, CRASH, 0);
  const noticePs = atomic ? detectionDelayPs('loss-of-signal', 0) : Math.round((o.switchoverNs ?? 50_000) * 1000);
  sim.schedule(Math.round(o.crashAtNs * 1000) + noticePs, 0, NOTICE, 0);
  sim.run();
  return { verdict: judge.verdict(), deliveredByActive, deliveredByStandby, resent, alreadyLogged, deliveredAtNs, deliveredBy };
}

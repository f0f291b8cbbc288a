import { Simulation } from '../../core/engine/simulation.ts';
import type { DeliveryRecord } from '../../causality/delivery/index.ts';

/**
 * The alternating-bit protocol (Bartlett, Scantlebury & Wilkinson, "A note on reliable
 * full-duplex transmission over half-duplex links", CACM 12(5), 1969), with the retransmission
 * timer every implementation has: stop-and-wait, one frame outstanding, a one-bit sequence
 * number. Correct over a channel that loses frames but keeps their order (a FIFO link); over a
 * channel that can deliver an old frame late (reordering, or a second path after a reroute) a
 * stale frame with the expected bit is taken as new: a duplicate.
 */
export interface AbpFrame { readonly bit: 0 | 1; readonly msg: number }

export interface AbpSender {
  readonly bit: 0 | 1;
  readonly state: 'READY' | 'WAIT_ACK';
  readonly msg: number;
}
export interface AbpReceiver { readonly expected: 0 | 1 }

export const ABP_SENDER_START: AbpSender = { bit: 0, state: 'READY', msg: -1 };
export const ABP_RECEIVER_START: AbpReceiver = { expected: 0 };

/** READY → WAIT_ACK, sending `msg` with the current bit (and starting the timer). */
export function abpSend(s: AbpSender, msg: number): { sender: AbpSender; frame: AbpFrame } {
  if (s.state !== 'READY') throw new Error('alternating bit: one frame at a time');
  return { sender: { ...s, state: 'WAIT_ACK', msg }, frame: { bit: s.bit, msg } };
}

/** An acknowledgement: the one for the outstanding bit completes the send and flips the bit; any other is stale. */
export function abpOnAck(s: AbpSender, bit: 0 | 1): { sender: AbpSender; done: boolean } {
  if (s.state === 'WAIT_ACK' && bit === s.bit) return { sender: { bit: (1 - s.bit) as 0 | 1, state: 'READY', msg: -1 }, done: true };
  return { sender: s, done: false };
}

/** The timer fired without the acknowledgement: send the same frame again. */
export function abpOnTimeout(s: AbpSender): AbpFrame | undefined {
  return s.state === 'WAIT_ACK' ? { bit: s.bit, msg: s.msg } : undefined;
}

/** A frame arrives: delivered if it carries the expected bit; acknowledged either way. */
export function abpOnFrame(r: AbpReceiver, f: AbpFrame): { receiver: AbpReceiver; deliver: boolean; ack: 0 | 1 } {
  if (f.bit === r.expected) return { receiver: { expected: (1 - r.expected) as 0 | 1 }, deliver: true, ack: f.bit };
  return { receiver: r, deliver: false, ack: f.bit };
}

export interface AbpRunOptions {
  readonly messages: number;
  /** Whether the n-th frame put on the channel (data and acks counted together) is lost. */
  readonly lost: (n: number) => boolean;
  /** One-way delay of the n-th frame, in ticks (a FIFO channel keeps order whatever the delays). */
  readonly delayTicks: (n: number) => number;
  readonly timeoutTicks: number;
  /** Keep frames in order (a link) or let a faster frame overtake a slower one. */
  readonly fifo: boolean;
  /** Stop after this many events (a lossy channel may otherwise retry for a long time). */
  readonly maxEvents?: number;
}

/**
 * Runs the protocol between two hosts `a` (sender) and `b` (receiver) on the event engine and
 * returns its delivery history (send, retry, deliver records; copies `m#k`) for the judge.
 */
export function runAlternatingBit(o: AbpRunOptions): DeliveryRecord[] {
  const sim = new Simulation({ resolution: 'ns' });
  const history: DeliveryRecord[] = [];
  let sender = ABP_SENDER_START;
  let receiver = ABP_RECEIVER_START;
  let frames = 0;
  let copies = 0;
  let timer = -1;
  const lastArrival = [0, 0]; // per direction, for the FIFO channel
  const FRAME = 0;
  const ACK = 1;
  const TIMEOUT = 2;
  const NEXT = 3;
  const put = (direction: 0 | 1, kind: number, data: number, payload: unknown) => {
    const n = frames++;
    if (o.lost(n)) return;
    let at = sim.now + Math.max(1, Math.round(o.delayTicks(n)));
    if (o.fifo) at = Math.max(at, lastArrival[direction] + 1);
    lastArrival[direction] = Math.max(lastArrival[direction], at);
    sim.scheduleAt(at, 0, kind, data, payload);
  };
  const transmit = (frame: AbpFrame, retry: boolean) => {
    history.push({ host: 'a', type: 'send', msg: `m${frame.msg}#${copies++}`, label: retry ? 'retry' : 'send' });
    put(0, FRAME, copies - 1, frame);
    timer = sim.schedule(o.timeoutTicks, 0, TIMEOUT);
  };
  sim.entity('abp', (_s, _e, kind, data, payload) => {
    if (kind === NEXT) {
      const { sender: next, frame } = abpSend(sender, data);
      sender = next;
      transmit(frame, false);
    } else if (kind === FRAME) {
      const frame = payload as AbpFrame;
      const r = abpOnFrame(receiver, frame);
      receiver = r.receiver;
      if (r.deliver) history.push({ host: 'b', type: 'recv', msg: `m${frame.msg}#${data}`, label: 'deliver' });
      put(1, ACK, r.ack, undefined);
    } else if (kind === ACK) {
      const before = sender.msg;
      const r = abpOnAck(sender, data as 0 | 1);
      sender = r.sender;
      if (r.done) {
        sim.cancel(timer);
        if (before + 1 < o.messages) sim.schedule(0, 0, NEXT, before + 1);
      }
    } else if (kind === TIMEOUT) {
      const frame = abpOnTimeout(sender);
      if (frame) transmit(frame, true);
    }
  });
  if (o.messages > 0) sim.schedule(0, 0, NEXT, 0);
  sim.run({ maxEvents: o.maxEvents ?? 1_000_000 });
  return history;
}

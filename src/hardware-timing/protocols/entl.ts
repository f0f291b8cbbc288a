/**
 * ENTL, the Earth Computing link protocol: a token ping-pong that keeps both ends of a link
 * continuously aware of each other, and carries AIT (atomic information transfer) messages.
 * Ported from the Linux driver in earthcomputing/NALDD, entl_drivers/e1000e-3.3.4/src/
 * entl_state_machine.c (Atsushi Kasuya, 2016), functions `entl_received` and `entl_next_send`;
 * state numbers from entl_state_defs.h. What it does, in the driver's terms:
 *
 * - HELLO: both ends send HELLO carrying their MAC address. On receiving the peer's HELLO, the
 *   end with the *larger* address goes to WAIT and sends EVENT 0 (symmetry broken by address);
 *   equal addresses are an error ("Alan's 1990s problem", the driver says).
 * - The other end, still in HELLO, takes EVENT 0 and goes to SEND. From then on the token
 *   alternates: SEND emits event `send_next` and goes to RECEIVE; `send_next` grows by 2 each
 *   time, so one end only ever sends odd numbers and the other even ones (each sees one parity).
 *   RECEIVE accepts only `event_i_know + 2`; a repeat of `event_i_know` is ignored; anything else
 *   is out of sequence: the error is recorded and the machine resets to HELLO.
 * - AIT: SEND with a queued message sends AIT instead of EVENT and goes to AM (waiting for ACK);
 *   the peer in RECEIVE takes the AIT into AH, sends ACK and waits in BH; the sender on that ACK
 *   goes to BM and sends ACK, dropping its copy (`pop_front` in the BM case of entl_next_send);
 *   the receiver on that ACK queues the message for its host (`push_back` in the BH case) and
 *   returns to SEND. AIT is not sent on the first exchange after HELLO.
 * - ERROR: `get_entl_state` reports ERROR while the error count is non-zero; while it is,
 *   `entl_received` does nothing but signal the error. Reading the error state clears it.
 *
 * The timer: the driver has no timer in the state machine, but `entl_watchdog_task` in
 * entl_device.c re-arms itself every second (`wakeup = 1 * HZ`) and resends HELLO (or the last
 * message) when the ping-pong has stalled. `ENTL_WATCHDOG_NS` models that period; a lost frame
 * costs up to one second of link time, and that is the real prototype's behaviour, not ours.
 */

export const ENTL_STATES = ['IDLE', 'HELLO', 'WAIT', 'SEND', 'RECEIVE', 'AM', 'BM', 'AH', 'BH', 'ERROR'] as const;
export type EntlState = (typeof ENTL_STATES)[number];

/** The message kinds carried in the destination MAC address (entl_state_machine.h, ENTL_MESSAGE_*_U). */
export type EntlMessageKind = 'HELLO' | 'EVENT' | 'NOP' | 'AIT' | 'ACK';

export interface EntlMessage {
  readonly kind: EntlMessageKind;
  /** The event number (the driver's `l_daddr`). */
  readonly value: number;
  /** The sender's MAC address (compared on HELLO). */
  readonly from: number;
  /** The AIT payload, if any. */
  readonly payload?: string;
}

/** entl_device.c: the watchdog task re-arms with `wakeup = 1 * HZ`, one second. */
export const ENTL_WATCHDOG_NS = 1_000_000_000;
/** entl_state_machine.h: `ENTL_COUNT_MAX`, HELLOs tolerated in WAIT before falling back to HELLO. */
export const ENTL_COUNT_MAX = 10;
/** entl_state_machine.h: `MAX_ENTT_QUEUE_SIZE`, AIT messages queued each way. */
export const ENTL_QUEUE_SIZE = 32;

export class EntlStateMachine {
  private current: Exclude<EntlState, 'ERROR'> = 'IDLE';
  eventISent = 0;
  eventIKnow = 0;
  eventSendNext = 0;
  errorCount = 0;
  /** States in which errors were recorded (the driver keeps the first; we keep them all for traces). */
  readonly errors: string[] = [];
  private stateCount = 0;
  readonly sendQueue: string[] = [];
  readonly receiveQueue: string[] = [];
  private receiveBuffer: string | undefined;

  constructor(readonly address: number) {}

  /** `get_entl_state`: ERROR while an error is recorded, else the current state. */
  get state(): EntlState {
    return this.errorCount > 0 ? 'ERROR' : this.current;
  }

  /** `entl_link_up`: IDLE → HELLO with counters cleared (ignored in other states or with an error recorded). */
  linkUp(): void {
    if (this.current === 'IDLE' && this.errorCount === 0) {
      this.current = 'HELLO';
      this.eventISent = this.eventIKnow = this.eventSendNext = 0;
    }
  }

  /** `entl_read_error_state`: returns the recorded errors and clears them. */
  readErrorState(): string[] {
    const errors = this.errors.splice(0);
    this.errorCount = 0;
    return errors;
  }

  /** `entl_send_AIT_message`: queues a message; false when the queue is full. */
  sendAit(payload: string): boolean {
    if (this.sendQueue.length >= ENTL_QUEUE_SIZE) return false;
    this.sendQueue.push(payload);
    return true;
  }

  private sequenceError(): void {
    this.errors.push(`sequence error in ${this.current}`);
    this.errorCount++;
    this.eventIKnow = this.eventSendNext = this.eventISent = 0;
    this.current = 'HELLO';
  }

  private accept(value: number, next: Exclude<EntlState, 'ERROR'>): void {
    this.eventIKnow = value;
    this.eventSendNext = value + 1;
    this.current = next;
  }

  /** `entl_received`: one message from the peer. */
  received(m: EntlMessage): void {
    if (m.kind === 'NOP' || this.errorCount > 0) return;
    switch (this.current) {
      case 'IDLE':
        return;
      case 'HELLO':
        if (m.kind === 'HELLO') {
          if (this.address > m.from) {
            this.eventISent = this.eventIKnow = this.eventSendNext = 0;
            this.current = 'WAIT';
            this.stateCount = 0;
          } else if (this.address === m.from) {
            this.errors.push('same address');
            this.errorCount++;
            this.current = 'IDLE';
          }
        } else if (m.kind === 'EVENT' && m.value === 0) {
          this.accept(0, 'SEND');
        }
        return;
      case 'WAIT':
        if (m.kind === 'HELLO') {
          if (++this.stateCount > ENTL_COUNT_MAX) {
            this.eventIKnow = this.eventSendNext = this.eventISent = 0;
            this.current = 'HELLO';
          }
        } else if (m.kind === 'EVENT') {
          if (m.value === this.eventISent + 1) this.accept(m.value, 'SEND');
          else {
            this.eventIKnow = this.eventSendNext = this.eventISent = 0;
            this.current = 'HELLO';
          }
        } else this.sequenceError();
        return;
      case 'SEND':
        if ((m.kind === 'EVENT' || m.kind === 'ACK') && m.value === this.eventIKnow) return;
        return this.sequenceError();
      case 'RECEIVE':
        if (m.kind === 'EVENT' || m.kind === 'AIT') {
          if (m.value === this.eventIKnow + 2) {
            this.accept(m.value, m.kind === 'AIT' ? 'AH' : 'SEND');
            if (m.kind === 'AIT') this.receiveBuffer = m.payload;
          } else if (m.value !== this.eventIKnow) this.sequenceError();
          return;
        }
        return this.sequenceError();
      case 'AM':
        if (m.kind === 'ACK' && m.value === this.eventIKnow + 2) return this.accept(m.value, 'BM');
        if (m.kind === 'EVENT' && m.value === this.eventIKnow) return;
        return this.sequenceError();
      case 'BM':
      case 'AH':
        if ((this.current === 'BM' ? m.kind === 'ACK' : m.kind === 'AIT') && m.value === this.eventIKnow) return;
        return this.sequenceError();
      case 'BH':
        if (m.kind === 'ACK' && m.value === this.eventIKnow + 2) {
          this.accept(m.value, 'SEND');
          if (this.receiveBuffer !== undefined) this.receiveQueue.push(this.receiveBuffer);
          this.receiveBuffer = undefined;
          return;
        }
        if (m.kind === 'AIT' && m.value === this.eventIKnow) return;
        return this.sequenceError();
    }
  }

  /** `entl_next_send`: the message to put on the wire now (NOP when it is not this end's turn). */
  nextSend(): EntlMessage {
    const nop: EntlMessage = { kind: 'NOP', value: 0, from: this.address };
    if (this.errorCount > 0) return nop;
    switch (this.current) {
      case 'HELLO':
        return { kind: 'HELLO', value: 0, from: this.address };
      case 'WAIT':
        // entl_next_send sends nothing in WAIT; EVENT 0 goes out from entl_received's SEND action
        // (the caller sends `entl_get_hello`'s EVENT 0 right after the transition).
        return { kind: 'EVENT', value: 0, from: this.address };
      case 'SEND': {
        const know = this.eventIKnow;
        const sent = this.eventISent;
        this.eventISent = this.eventSendNext;
        this.eventSendNext += 2;
        if (know && sent && this.sendQueue.length > 0) {
          this.current = 'AM';
          return { kind: 'AIT', value: this.eventISent, from: this.address, payload: this.sendQueue[0] };
        }
        this.current = 'RECEIVE';
        return { kind: 'EVENT', value: this.eventISent, from: this.address };
      }
      case 'BM':
        this.eventISent = this.eventSendNext;
        this.eventSendNext += 2;
        this.current = 'RECEIVE';
        this.sendQueue.shift(); // the sender drops its copy here
        return { kind: 'ACK', value: this.eventISent, from: this.address };
      case 'AH':
        if (this.receiveQueue.length >= ENTL_QUEUE_SIZE) return nop;
        this.eventISent = this.eventSendNext;
        this.eventSendNext += 2;
        this.current = 'BH';
        return { kind: 'ACK', value: this.eventISent, from: this.address };
      default:
        return nop;
    }
  }
}

export interface EntlTraceStep {
  readonly step: number;
  readonly from: 'A' | 'B';
  readonly message: EntlMessage;
  readonly stateA: EntlState;
  readonly stateB: EntlState;
}

/**
 * Runs two machines joined by a perfect link in lock step: each step, each end offers its next
 * message and the peer receives it (WAIT's EVENT 0 is only sent once, as the driver does).
 * `aitAt` queues AIT payloads on A before the given step. Returns every non-NOP message with both
 * states after it, for traces.
 */
export function runEntlPair(addressA: number, addressB: number, steps: number, aitAt: ReadonlyMap<number, string> = new Map()):
  { a: EntlStateMachine; b: EntlStateMachine; trace: EntlTraceStep[] } {
  const a = new EntlStateMachine(addressA);
  const b = new EntlStateMachine(addressB);
  a.linkUp();
  b.linkUp();
  const trace: EntlTraceStep[] = [];
  let step = 0;
  const waitSent = { A: false, B: false };
  for (let i = 0; i < steps; i++) {
    const payload = aitAt.get(i);
    if (payload !== undefined) a.sendAit(payload);
    for (const [name, self, peer] of [['A', a, b], ['B', b, a]] as const) {
      if (self.state === 'WAIT' && waitSent[name]) continue;
      const message = self.nextSend();
      if (message.kind === 'NOP') continue;
      if (self.state === 'WAIT') waitSent[name] = true;
      peer.received(message);
      trace.push({ step: step++, from: name, message, stateA: a.state, stateB: b.state });
    }
  }
  return { a, b, trace };
}

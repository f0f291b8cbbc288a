/**
 * The four-message atomic transfer of one packet over one link, shared by AIT (the Earth
 * Computing driver's names: AIT, ACK, ACK, then the next ENTL event) and TIKTYKTIK (TIK, TYK,
 * TIK, TYK). Open Atomic Ethernet specification, chapter 10 "TIKTYKTIK" (Time-Appliances-Project/
 * oae-papers, chapters/10_theory/section/tiktyktik.tex): the packet, a signal back, a signal
 * forward, a signal back; the receiver may forward after the third message (1.5 RTT), the sender
 * deletes its copy after the fourth (2 RTT).
 *
 * Who is responsible for the packet is settled by one rule, read off the spec's steps 4–5
 * ("Alice receives the signal … knows that Bob is responsible"): responsibility passes to the
 * receiver when the sender receives the first signal. Each end then knows from its own state
 * what it can know:
 * - sender HOLD or SENT: the sender is responsible (the first signal has not reached it);
 * - sender ACKED or DONE: the receiver is responsible;
 * - receiver COMMITTED: the receiver is responsible (it holds the third message, which the sender
 *   only sends once ACKED);
 * - receiver TENTATIVE: it holds a copy but cannot know whether the first signal arrived: this is
 *   the uncertainty the spec marks in red, and it is resolved by asking the sender over another
 *   path (`answerQuery`). Until then the copy may not be delivered or forwarded.
 */

export type SenderState = 'HOLD' | 'SENT' | 'ACKED' | 'DONE';
export type ReceiverState = 'NONE' | 'TENTATIVE' | 'COMMITTED';

/** The four messages in order: 0 data, 1 first signal back, 2 signal forward, 3 signal back. */
export type HandshakeStep = 0 | 1 | 2 | 3;

/** Names of the four messages in each protocol's own vocabulary. */
export const HANDSHAKE_FRAME_NAMES = {
  tiktyktik: ['TIK', 'TYK', 'TIK', 'TYK'],
  // entl_state_machine.c: AIT sent in state AM; ACK from AH→BH; ACK from BM; the receiver's next
  // EVENT (from SEND after BH) is the fourth.
  ait: ['AIT', 'ACK', 'ACK', 'EVENT'],
} as const;

/** The sender starts the transfer: HOLD → SENT, sending message 0. */
export function senderStart(s: SenderState): SenderState {
  if (s !== 'HOLD') throw new Error(`handshake: sender cannot start from ${s}`);
  return 'SENT';
}

/**
 * The sender receives a message of the handshake. Returns its next state and the message it
 * sends in reply (or -1). Message 1 in SENT → ACKED and send 2; message 3 in ACKED → DONE (copy
 * deleted). Anything else is out of sequence and is ignored (the link is FIFO, so it cannot
 * happen on a working link; `protocols/handshake-model.ts` checks that it never does).
 */
export function senderReceive(s: SenderState, step: HandshakeStep): { state: SenderState; reply: HandshakeStep | -1 } {
  if (s === 'SENT' && step === 1) return { state: 'ACKED', reply: 2 };
  if (s === 'ACKED' && step === 3) return { state: 'DONE', reply: -1 };
  return { state: s, reply: -1 };
}

/** The receiver receives a message: 0 in NONE → TENTATIVE and send 1; 2 in TENTATIVE → COMMITTED and send 3. */
export function receiverReceive(r: ReceiverState, step: HandshakeStep): { state: ReceiverState; reply: HandshakeStep | -1 } {
  if (r === 'NONE' && step === 0) return { state: 'TENTATIVE', reply: 1 };
  if (r === 'TENTATIVE' && step === 2) return { state: 'COMMITTED', reply: 3 };
  return { state: r, reply: -1 };
}

/** True when the sender, by its own state, is still responsible for the packet. */
export function senderResponsible(s: SenderState): boolean {
  return s === 'HOLD' || s === 'SENT';
}

/**
 * The sender's answer to a receiver that holds a tentative copy and asks, over another path,
 * whether responsibility passed: 'yours' if the sender received the first signal before it
 * declared the link down, else 'mine' (the sender kept the packet and the receiver discards its
 * copy: the transfer is unwound, so no third party ever saw it).
 */
export function answerQuery(s: SenderState): 'yours' | 'mine' {
  return senderResponsible(s) ? 'mine' : 'yours';
}

/** The receiver applies the answer: 'yours' commits the tentative copy, 'mine' discards it. */
export function receiverApplyAnswer(r: ReceiverState, answer: 'yours' | 'mine'): ReceiverState {
  if (r !== 'TENTATIVE') return r;
  return answer === 'yours' ? 'COMMITTED' : 'NONE';
}

/** A broadcast message with its sender and the sender's sequence number (1, 2, …). */
export interface FifoMessage<P> {
  readonly sender: number;
  readonly seq: number;
  readonly payload: P;
}

/**
 * FIFO broadcast (Hadzilacos & Toueg 1994, §3.2): messages of one sender are delivered in the
 * order it sent them; a message arriving early waits for its predecessors.
 */
export class FifoBroadcast<P> {
  private sent = 0;
  private readonly next: number[];
  private readonly held: Array<Map<number, FifoMessage<P>>>;

  constructor(hosts: number, readonly self: number) {
    this.next = new Array<number>(hosts).fill(1);
    this.held = Array.from({ length: hosts }, () => new Map());
  }

  /** A new message from this host; it is delivered here at once (returned as delivered). */
  broadcast(payload: P): FifoMessage<P> {
    const m = { sender: this.self, seq: ++this.sent, payload };
    this.next[this.self] = this.sent + 1;
    return m;
  }

  /** A message arrives; returns the messages delivered now, in delivery order. */
  receive(m: FifoMessage<P>): FifoMessage<P>[] {
    if (m.seq < this.next[m.sender] || this.held[m.sender].has(m.seq)) return []; // duplicate
    this.held[m.sender].set(m.seq, m);
    const out: FifoMessage<P>[] = [];
    for (let x = this.held[m.sender].get(this.next[m.sender]); x !== undefined; x = this.held[m.sender].get(this.next[m.sender])) {
      this.held[m.sender].delete(x.seq);
      this.next[m.sender]++;
      out.push(x);
    }
    return out;
  }
}

/** A message with its place in the total order. */
export interface OrderedMessage<P> {
  readonly order: number;
  readonly sender: number;
  readonly payload: P;
}

/**
 * The fixed sequencer of total-order broadcast (Défago, Schiper & Urbán, "Total order broadcast
 * and multicast algorithms: taxonomy and survey", ACM Comput. Surv. 36(4), 2004, §4.1): senders
 * pass messages to one sequencer, which numbers them 1, 2, … and rebroadcasts.
 */
export class Sequencer<P> {
  private count = 0;
  order(sender: number, payload: P): OrderedMessage<P> {
    return { order: ++this.count, sender, payload };
  }
}

/** A receiver of sequenced messages: delivers them by number, holding back early arrivals. */
export class TotalOrderReceiver<P> {
  private next = 1;
  private readonly held = new Map<number, OrderedMessage<P>>();

  receive(m: OrderedMessage<P>): OrderedMessage<P>[] {
    if (m.order < this.next || this.held.has(m.order)) return [];
    this.held.set(m.order, m);
    const out: OrderedMessage<P>[] = [];
    for (let x = this.held.get(this.next); x !== undefined; x = this.held.get(this.next)) {
      this.held.delete(this.next++);
      out.push(x);
    }
    return out;
  }
}

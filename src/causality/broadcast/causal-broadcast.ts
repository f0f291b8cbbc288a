/** A causally ordered broadcast: its sender and vector timestamp (broadcasts counted per host). */
export interface CausalMessage<P> {
  readonly sender: number;
  readonly timestamp: readonly number[];
  readonly payload: P;
}

/**
 * Causal broadcast of Birman, Schiper & Stephenson ("Lightweight causal and atomic group
 * multicast", ACM TOCS 9(3), 1991, §4): each host counts the broadcasts it has delivered from
 * each sender; message m from i is delivered at j when VT(m)[i] = VT_j[i] + 1 and
 * VT(m)[k] ≤ VT_j[k] for every k ≠ i, and held back otherwise. Then every host delivers m1
 * before m2 whenever the broadcast of m1 happened before that of m2.
 */
export class CausalBroadcast<P> {
  private readonly delivered: number[];
  private held: CausalMessage<P>[] = [];

  constructor(hosts: number, readonly self: number) {
    this.delivered = new Array<number>(hosts).fill(0);
  }

  /** A new broadcast from this host (delivered here at once). */
  broadcast(payload: P): CausalMessage<P> {
    this.delivered[this.self]++;
    return { sender: this.self, timestamp: this.delivered.slice(), payload };
  }

  private deliverable(m: CausalMessage<P>): boolean {
    const v = this.delivered;
    if (m.timestamp[m.sender] !== v[m.sender] + 1) return false;
    for (let k = 0; k < v.length; k++) if (k !== m.sender && m.timestamp[k] > v[k]) return false;
    return true;
  }

  /** A message arrives; returns the messages delivered now, in delivery order. */
  receive(m: CausalMessage<P>): CausalMessage<P>[] {
    if (m.timestamp[m.sender] <= this.delivered[m.sender]) return []; // duplicate
    this.held.push(m);
    const out: CausalMessage<P>[] = [];
    for (let progress = true; progress;) {
      progress = false;
      for (let i = 0; i < this.held.length; i++) {
        const x = this.held[i];
        if (!this.deliverable(x)) continue;
        this.delivered[x.sender]++;
        out.push(x);
        this.held.splice(i, 1);
        progress = true;
        break;
      }
    }
    return out;
  }

  /** Messages held back, waiting for their causal predecessors. */
  get heldBack(): number { return this.held.length; }
}

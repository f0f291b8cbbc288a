/**
 * The link-level silent-failure rule, with no clock: a node counts, for each port, the events
 * that arrived on its *other* ports since the last event on that port. While the ENTL token
 * circulates on a link, an event arrives on its port every round trip; when `threshold` events
 * have arrived elsewhere first, the port is declared silent. Because it compares the link with
 * its neighbours, it adapts to whatever rate the node itself runs at: a node that slows down
 * slows every port together, and no count grows. A node whose other ports are silent too counts
 * nothing and never declares — that case still needs a clock (ENTL's 1 s HELLO watchdog).
 */
export class SilenceCounter {
  private readonly counts: Int32Array;
  private readonly declared: Uint8Array;

  constructor(readonly ports: number, readonly threshold: number) {
    if (!(Number.isSafeInteger(ports) && ports >= 1)) throw new RangeError(`silence counter: ports expected an integer >= 1, got ${ports}`);
    if (!(Number.isSafeInteger(threshold) && threshold >= 1)) throw new RangeError(`silence counter: threshold expected an integer >= 1, got ${threshold}`);
    this.counts = new Int32Array(ports);
    this.declared = new Uint8Array(ports);
  }

  /**
   * An event arrived on `port`. Returns the port newly declared silent by this event, or −1
   * (at most one port can cross the threshold per event unless several were tied).
   */
  onEvent(port: number): number {
    this.counts[port] = 0;
    this.declared[port] = 0;
    let newly = -1;
    for (let p = 0; p < this.ports; p++) {
      if (p === port) continue;
      const c = ++this.counts[p];
      if (c >= this.threshold && this.declared[p] === 0) {
        this.declared[p] = 1;
        if (newly < 0) newly = p;
      }
    }
    return newly;
  }

  isDeclared(port: number): boolean { return this.declared[port] === 1; }
  countOf(port: number): number { return this.counts[port]; }
}

import { RandomStream } from '../../core/random/index.ts';
import { MIN_FRAME_WIRE_PS, NIC_PIPELINE_CYCLES, FPGA_CYCLE_PS, PROPAGATION_PS_PER_M } from '../link-timing/index.ts';
import type { NetworkGraph } from '../exactly-once/index.ts';

/**
 * One-way frame times over the links of a network, as in the exactly-once simulation:
 * propagation at 5 ns/m, a minimum frame at 10 Gb/s, the NIC pipeline, and an exponential
 * queueing jitter of mean `jitterNs` drawn from its own Philox stream.
 */
export class HopTiming {
  private readonly rng: RandomStream;
  private readonly jitterMeanPs: number;
  /** Last arrival per link direction (2·link + direction): links are FIFO, jitter never reorders them. */
  private readonly lastArrivalPs = new Map<number, number>();

  constructor(private readonly network: NetworkGraph, seed: number, streamId: number, jitterNs = 20) {
    this.rng = new RandomStream(seed, streamId);
    this.jitterMeanPs = Math.round(jitterNs * 1000);
  }

  /** One frame over `link`, in picoseconds. */
  oneWayPs(link: number): number {
    const fixed = Math.round(this.network.links[link].lengthM * PROPAGATION_PS_PER_M) + MIN_FRAME_WIRE_PS + NIC_PIPELINE_CYCLES * FPGA_CYCLE_PS;
    return fixed + Math.round(this.rng.exponential(this.jitterMeanPs));
  }

  /**
   * Delay until a frame sent now over `link` from node `from` arrives, given `delayPs` of its own:
   * never before the previous frame in that direction (a link is a FIFO).
   */
  fifo(link: number, from: number, nowPs: number, delayPs: number): number {
    const key = 2 * link + (this.network.links[link].a === from ? 0 : 1);
    const at = Math.max(nowPs + delayPs, (this.lastArrivalPs.get(key) ?? -1) + 1);
    this.lastArrivalPs.set(key, at);
    return at - nowPs;
  }

  /**
   * The atomic handshake on `link` (`protocols/handshake.ts`): the receiver commits when the third
   * message arrives, the sender deletes its copy when the fourth does.
   */
  handshake(link: number): { commitPs: number; donePs: number } {
    const d = [0, 1, 2, 3].map(() => this.oneWayPs(link));
    return { commitPs: d[0] + d[1] + d[2], donePs: d[0] + d[1] + d[2] + d[3] };
  }
}

import type { HeartbeatDetector } from './detector.ts';

/**
 * NFD-S, the "new failure detector" for synchronised clocks of Chen, Toueg and Aguilera
 * (IEEE Trans. Computers 51(5), 2002, §4, Fig. 5). p sends m_i at σ_i = i·η; q's freshness
 * points are τ_i = σ_i + δ. At τ_i, q suspects p unless it has received some m_j with j ≥ i;
 * on receiving such an m_j it trusts p again. So with J the highest sequence number received,
 * q trusts p exactly until τ_{J+1} = (J+1)·η + δ.
 *
 * Timing assumption: q knows the send times σ_i (synchronised clocks, or at least a known
 * schedule) and a delay of more than δ counts as a mistake. The QoS of NFD-S has closed forms
 * (qos/nfd-s-analytic.ts).
 */
export class NfdSDetector implements HeartbeatDetector {
  readonly name = 'nfd-s';
  private highestSeq = -1;
  constructor(private readonly etaUs: number, private readonly deltaUs: number) {
    if (!(etaUs > 0 && deltaUs >= 0)) throw new RangeError(`NFD-S: expected eta > 0 and delta >= 0, got ${etaUs}, ${deltaUs} µs`);
  }
  heartbeat(seq: number, _arrivalUs?: number): void {
    if (seq > this.highestSeq) this.highestSeq = seq;
  }
  suspectFromUs(): number {
    return (this.highestSeq + 1) * this.etaUs + this.deltaUs;
  }
}

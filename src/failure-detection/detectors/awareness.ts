/**
 * Lifeguard's local health multiplier (memberlist awareness.go lines 44-76; Dadgar, Phillips and
 * Currey, "Lifeguard: Local Health Awareness for More Accurate Failure Detection", 2018): a score
 * in [0, max − 1]; a node that misses acks or nacks suspects *itself* of being slow and stretches
 * its probe timeouts by (score + 1) before it accuses anyone else. Deltas (state.go): −1 for a
 * successful probe, +1 for a failed probe without nack support, +(expected − received) missing
 * nacks, +1 for refuting a suspicion about itself.
 */
export class Awareness {
  private value = 0;
  constructor(readonly max: number) {
    if (!(Number.isSafeInteger(max) && max >= 1)) throw new RangeError(`awareness: max expected an integer >= 1, got ${max}`);
  }
  applyDelta(delta: number): void {
    this.value = Math.min(this.max - 1, Math.max(0, this.value + delta));
  }
  get score(): number { return this.value; }
  scaleTimeout(timeout: number): number { return timeout * (this.value + 1); }
}

import type { HeartbeatDetector } from './detector.ts';

/**
 * The timeout everyone writes first: suspect when nothing has arrived for `timeoutUs` since the
 * last heartbeat. Timing assumption: every gap between arrivals is shorter than the timeout.
 * Chen, Toueg and Aguilera (2002, §1) show why it is a poor choice: its detection time depends
 * on the delay of the last heartbeat, so a fast last heartbeat and a slow one give different
 * detection times for the same crash; NFD-S fixes the freshness points to the send times.
 */
export class FixedTimeoutDetector implements HeartbeatDetector {
  readonly name = 'fixed';
  private lastUs = 0;
  constructor(private readonly timeoutUs: number) {
    if (!(timeoutUs > 0)) throw new RangeError(`fixed timeout: timeoutUs expected > 0, got ${timeoutUs}`);
  }
  heartbeat(_seq: number, arrivalUs: number): void {
    if (arrivalUs > this.lastUs) this.lastUs = arrivalUs;
  }
  suspectFromUs(): number {
    return this.lastUs + this.timeoutUs;
  }
}

/**
 * Where a detector's output goes: the instants it starts suspecting (an S-transition) and starts
 * trusting again (a T-transition), in the terms of Chen, Toueg and Aguilera (2002, §2.2).
 */
export interface TransitionSink {
  suspect(atUs: number): void;
  trust(atUs: number): void;
}

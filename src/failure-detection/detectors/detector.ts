/**
 * A heartbeat failure detector as the QoS evaluation drives it. Heartbeat number `seq` was sent
 * at seq·η and reaches the monitor at `arrivalUs` (integer microseconds, in arrival order).
 *
 * Each detector here is a *deadline* detector: after the heartbeats seen so far it trusts the
 * sender until `suspectFromUs()` and suspects it from then on, until another heartbeat moves the
 * deadline. Every timeout-based detector is of this form — fixed timeouts, NFD's freshness
 * points, and the accrual detectors too, since φ grows monotonically with the silence, so
 * "φ ≥ threshold" starts at one instant. That instant is each detector's timing assumption.
 */
export interface HeartbeatDetector {
  /** A short name: the CLI's `--detector` value. */
  readonly name: string;
  /** Processes heartbeat `seq`, arriving at `arrivalUs`. */
  heartbeat(seq: number, arrivalUs: number): void;
  /** The instant from which the detector suspects the sender if nothing more arrives. */
  suspectFromUs(): number;
}

/** Parameters every detector is built from, in the terms of Chen, Toueg and Aguilera (2002). */
export interface DetectorParameters {
  /** Heartbeat interval η in seconds. */
  readonly etaS: number;
  /** NFD-S shift δ, or the margin a fixed timeout adds to η, in seconds. */
  readonly deltaS: number;
}

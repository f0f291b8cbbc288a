import { AKKA_DEFAULTS, AkkaPhiDetector } from '../detectors/phi-akka.ts';
import type { HeartbeatDetector } from '../detectors/detector.ts';
import { FixedTimeoutDetector } from '../detectors/fixed-timeout.ts';
import { NfdEDetector } from '../detectors/nfd-e.ts';
import { NfdSDetector } from '../detectors/nfd-s.ts';
import { CassandraPhiDetector, CASSANDRA_DEFAULT_THRESHOLD } from '../detectors/phi-cassandra.ts';
import { NormalPhiDetector } from '../detectors/phi-normal.ts';
import { SwimDetector } from '../detectors/swim.ts';
import type { DelayDistribution } from '../trace/delay-distribution.ts';
import { US_PER_S } from '../trace/heartbeat-trace.ts';

/** The timeout-based detectors, by their CLI names. */
export const TIMEOUT_DETECTORS = ['fixed', 'nfd-s', 'nfd-e', 'phi', 'phi-akka', 'cassandra', 'swim', 'lifeguard'] as const;
export type TimeoutDetectorName = typeof TIMEOUT_DETECTORS[number];

/**
 * One detector's configuration on a heartbeat (or probe) stream with interval η.
 * - `deltaS`: NFD-S's shift δ; NFD-E's safety margin α; a fixed timeout waits η + δ after the
 *   last arrival.
 * - `threshold`: φ for the accrual detectors (default 8, the Akka and Cassandra default).
 * Akka's absolute defaults (1 s heartbeats, 3 s acceptable pause, 100 ms σ floor) are scaled
 * with η so that a faster heartbeat keeps the same shape.
 */
export interface DetectorConfig {
  readonly name: TimeoutDetectorName;
  readonly etaS: number;
  readonly deltaS: number;
  readonly threshold?: number;
  /** For SWIM and Lifeguard: the network the helpers' paths see, and their random stream. */
  readonly lossProbability: number;
  readonly delay: DelayDistribution;
  readonly seed: number;
  readonly swimStreamId?: number;
  readonly groupSize?: number;
}

export type TraceDetector =
  | { readonly kind: 'deadline'; readonly detector: HeartbeatDetector }
  | { readonly kind: 'probe'; readonly detector: SwimDetector };

export function makeDetector(c: DetectorConfig): TraceDetector {
  const etaUs = Math.round(c.etaS * US_PER_S);
  const deltaUs = Math.round(c.deltaS * US_PER_S);
  const threshold = c.threshold ?? 8;
  switch (c.name) {
    case 'fixed': return { kind: 'deadline', detector: new FixedTimeoutDetector(etaUs + deltaUs) };
    case 'nfd-s': return { kind: 'deadline', detector: new NfdSDetector(etaUs, deltaUs) };
    case 'nfd-e': return { kind: 'deadline', detector: new NfdEDetector(etaUs, deltaUs) };
    case 'phi': return { kind: 'deadline', detector: new NormalPhiDetector({ threshold, windowSize: 1000, firstHeartbeatEstimateUs: etaUs }) };
    case 'phi-akka': {
      const scale = etaUs / AKKA_DEFAULTS.firstHeartbeatEstimateUs;
      return {
        kind: 'deadline',
        detector: new AkkaPhiDetector({
          threshold,
          firstHeartbeatEstimateUs: etaUs,
          acceptableHeartbeatPauseUs: AKKA_DEFAULTS.acceptableHeartbeatPauseUs * scale,
          minStdDeviationUs: AKKA_DEFAULTS.minStdDeviationUs * scale,
        }),
      };
    }
    case 'cassandra':
      return { kind: 'deadline', detector: new CassandraPhiDetector({ threshold: c.threshold ?? CASSANDRA_DEFAULT_THRESHOLD, initialIntervalUs: 2 * etaUs }) };
    case 'swim':
    case 'lifeguard':
      return {
        kind: 'probe',
        detector: new SwimDetector({
          variant: c.name, lossProbability: c.lossProbability, delay: c.delay, seed: c.seed,
          streamId: c.swimStreamId ?? 100, groupSize: c.groupSize,
        }),
      };
  }
}

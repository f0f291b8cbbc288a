/**
 * Failure detection: the timeout-based detectors people run (fixed timeout, NFD-S/NFD-E, φ
 * accrual exact and as Akka and Cassandra compute it, SWIM and Lifeguard as memberlist does),
 * their QoS metrics (Chen, Toueg and Aguilera 2002), and timeout-free detection on the mesh
 * (ENTL event counts, loss of signal, alternate-path classification). See README.md.
 */
export type { HeartbeatDetector, DetectorParameters } from './detectors/detector.ts';
export { FixedTimeoutDetector } from './detectors/fixed-timeout.ts';
export { NfdSDetector } from './detectors/nfd-s.ts';
export { NfdEDetector } from './detectors/nfd-e.ts';
export { NormalPhiDetector, normalPhi, normalThresholdZ, type NormalPhiOptions } from './detectors/phi-normal.ts';
export { AkkaPhiDetector, AKKA_DEFAULTS, akkaPhi, akkaThresholdY, type AkkaPhiOptions } from './detectors/phi-akka.ts';
export { HeartbeatHistory } from './detectors/heartbeat-history.ts';
export { CassandraPhiDetector, BoundedStats, PHI_FACTOR, CASSANDRA_SAMPLE_SIZE, type CassandraPhiOptions } from './detectors/phi-cassandra.ts';
export {
  MEMBERLIST_LAN, suspicionTimeoutNs, retransmitLimit, suspicionConfirmations, remainingSuspicionTimeNs,
} from './detectors/memberlist-timing.ts';
export { SuspicionTimer } from './detectors/suspicion-timer.ts';
export { Awareness } from './detectors/awareness.ts';
export {
  SwimDetector, swimDetectionFactor, swimFalsePositiveProbability, simulateSwimFirstDetection, swimExpectedDetectionPeriods, type SwimOptions,
} from './detectors/swim.ts';
export { generateTrace, LOST, US_PER_S, type HeartbeatTrace, type TraceOptions } from './trace/heartbeat-trace.ts';
export { parseDelay, formatDelay, drawDelayS, meanDelayS, delayTailProbability, type DelayDistribution } from './trace/delay-distribution.ts';
export type { TransitionSink } from './qos/transition-sink.ts';
export { runDeadlineDetector } from './qos/run-deadline.ts';
export { QosAccumulator, CrashRecorder } from './qos/qos-accumulator.ts';
export { RunningStats, quantileSorted, type MeanWithCi } from './qos/confidence.ts';
export { nfdSAnalyticQos, nfdSSuspectProbability, type NfdSAnalyticQos } from './qos/nfd-s-analytic.ts';
export { makeDetector, TIMEOUT_DETECTORS, type DetectorConfig, type TimeoutDetectorName } from './qos/detector-factory.ts';
export { runDetector, measureAccuracy, measureDetection, type AccuracyResult, type DetectionResult } from './qos/evaluate.ts';
export { MeshFailures, type MeshTopology } from './mesh/mesh-model.ts';
export { classify, classifyByTimeout, gatherEvidence, alternateHops, VERDICTS, type Verdict, type Evidence } from './mesh/alternate-path.ts';
export { drawMeshScenario, MESH_SCENARIOS, ALQURAAN_2018, type MeshScenarioName, type MeshScenarioInstance } from './mesh/mesh-scenarios.ts';
export { ConfusionMatrix } from './mesh/confusion-matrix.ts';
export { SilenceCounter } from './mesh/silence-counter.ts';
export { simulateLinkDetection, nodeTiming, meanRoundTripNs, type NodeTiming, type LinkDetectionOptions, type LinkDetectionResult } from './mesh/link-events.ts';
export { loadScenario, validateScenario, BUILTIN_SCENARIOS, SCENARIO_NAMES, FAILURES, type Scenario, type FailureKind } from './scenarios/scenario.ts';
export { runExperiment, DETECTORS, EXPERIMENT_PHASES, LOSS_OF_SIGNAL_NS, type DetectorName, type ExperimentOptions, type ExperimentResult } from './experiment.ts';
export { TIMING_ASSUMPTIONS } from './timing-assumptions.ts';
export { detectMessages } from './messages.ts';
export { completeCluster, electLeaders, leaderCount, timeoutBelief, alternatePathBelief } from './cluster/leader-election.ts';
export { maximumClique, placeShards, clusterShutsDown, shutdownProbabilityIsolated } from './cluster/clique-shutdown.ts';
export { VerdictBoard, type VerdictNotice } from './mesh/verdict-board.ts';

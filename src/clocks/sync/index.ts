/**
 * Public API of the synchronisation algorithms: NTP (RFC 5905), PTP (IEEE 1588-2019), the
 * linuxptp PI servo, Cristian, Berkeley and TrueTime.
 */
export * from './ntp/index.ts';
export * from './ptp/index.ts';
export {
  FIRST_STEP_THRESHOLD_NS, LinuxptpPiServo, PI_MAX_FREQUENCY_PPB, piGains,
  type PiGains, type PiSample, type PiServoOptions, type ServoState,
} from './servo/linuxptp-pi.ts';
export { cristianErrorBound, cristianEstimate, cristianOffset, type CristianReading } from './cristian.ts';
export { berkeleyRound, type BerkeleyResult } from './berkeley.ts';
export { TRUETIME_DRIFT, TRUETIME_POLL_S, TrueTime, type TrueTimeInterval, type TrueTimeOptions } from './truetime.ts';
export { DTP_TICK_NS_10G, simulateDtp, type DtpOptions, type DtpResult } from './dtp.ts';
export { chainGraph, syncTree, type SyncGraph, type SyncTree } from './network/graph.ts';
export { summariseOffsets, type NodeOffsetStats, type SyncSummary } from './network/offset-metrics.ts';
export {
  LINK_DEFAULTS, TWO_WAY_ALGORITHMS, simulateTwoWayNetwork, type LinkTiming, type TwoWayAlgorithm, type TwoWayNetworkOptions,
  type TwoWayNetworkResult,
} from './network/two-way-network.ts';
export { twoWayTimestamps, type TwoWayTimestamps, type TwoWayTruth } from './two-way.ts';
export { syncMessages } from './messages.ts';
export {
  DEFAULT_SYNC_INTERVAL_S, SYNC_ALGORITHMS, SYNC_TOPOLOGIES, runSync, syncGraph,
  type SyncAlgorithm, type SyncRun, type SyncRunOptions, type SyncTopology,
} from './run-sync.ts';
export { simulateHuygens, type HuygensOptions, type HuygensResult } from './huygens.ts';

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
export { twoWayTimestamps, type TwoWayTimestamps, type TwoWayTruth } from './two-way.ts';
export { syncMessages } from './messages.ts';

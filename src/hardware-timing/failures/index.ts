/** Failure injection: link states, failure schedules, detection, bit errors, the TIKTYKTIK cut points. */
export { LINK_STATES, directionWorks, type LinkState } from './link-state.ts';
export { randomFailureSchedule, partialPartition, type Failure, type RandomScheduleOptions, type NetworkLinks } from './schedule.ts';
export { detectionDelayPs, BLOCK_LOCK_LOSS_BLOCKS, type Detection } from './detection.ts';
export { frameErrorProbability, IEEE_802_3_BER } from './bit-errors.ts';

import { FPGA_CYCLE_PS } from '../link-timing/index.ts';

/**
 * How the two ends of a link learn that it failed.
 * - `loss-of-signal`: the PHY reports it. A 10GBASE-R receiver drops block lock after 16 invalid
 *   sync headers (IEEE 802.3 clause 49.2.13.2.2, lock state machine: 16 bad headers in a window
 *   of 64 blocks), so at least 16 blocks of 64 bits at 156.25 MHz, 16 × 6.4 ns = 102.4 ns.
 * - `silent`: nothing is reported (a NIC that stops, a one-way fault). The ENTL ping-pong notices
 *   when the next token is overdue: after one round trip of the link, plus the two cycles the
 *   comparison takes. This is the timer the design still has, and we say so: ENTL is not free of
 *   clocks, it runs its timer at the scale of one link round trip. The Earth Computing driver
 *   (earthcomputing/NALDD, entl_device.c) checks once a second instead: `ENTL_WATCHDOG_NS`.
 */
export type Detection = 'loss-of-signal' | 'silent';

/** IEEE 802.3 clause 49.2.13.2.2: block lock is lost after 16 invalid sync headers. */
export const BLOCK_LOCK_LOSS_BLOCKS = 16;

/** Picoseconds from the failure until an end acts on it. */
export function detectionDelayPs(detection: Detection, linkRoundTripPs: number): number {
  return detection === 'loss-of-signal'
    ? BLOCK_LOCK_LOSS_BLOCKS * FPGA_CYCLE_PS
    : linkRoundTripPs + 2 * FPGA_CYCLE_PS;
}

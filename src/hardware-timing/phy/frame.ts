import { InputError } from '../../core/errors.ts';
import { phyMessages } from './messages.ts';
import type { PhyRate } from './rates.ts';

/** Preamble, 7 octets (IEEE 802.3 Clause 3.2.1). */
export const PREAMBLE_BYTES = 7;
/** Start frame delimiter, 1 octet (Clause 3.2.2). */
export const SFD_BYTES = 1;
/** Minimum interpacket gap: interFrameGap = 96 bit times = 12 octets (Clause 4.4.2). */
export const MIN_IPG_BYTES = 12;
/** minFrameSize = 512 bits = 64 octets, destination address through FCS (Clause 4.4.2). */
export const MIN_FRAME_BYTES = 64;
/** maxUntaggedFrameSize = 1518 octets (Clause 4.4.2). */
export const MAX_UNTAGGED_FRAME_BYTES = 1518;
/** A frame with an IEEE 802.1Q tag: 1522 octets (Clause 3.5). */
export const MAX_TAGGED_FRAME_BYTES = 1522;
/** maxEnvelopeFrameSize = 2000 octets, the largest frame 802.3 allows (Clause 4.4.2, IEEE 802.3as). */
export const MAX_ENVELOPE_FRAME_BYTES = 2000;
/**
 * Jumbo frames are not in IEEE 802.3: 9000-byte MTUs are industry practice, and 9216 bytes is the
 * common switch maximum frame. Allowed only when asked for.
 */
export const JUMBO_MAX_FRAME_BYTES = 9216;
/** Bytes a frame occupies on the wire besides itself: preamble, SFD and the minimum gap (20). */
export const WIRE_OVERHEAD_BYTES = PREAMBLE_BYTES + SFD_BYTES + MIN_IPG_BYTES;

/** The largest frame allowed, with or without jumbo frames. */
export function maxFrameBytes(jumbo = false): number {
  return jumbo ? JUMBO_MAX_FRAME_BYTES : MAX_ENVELOPE_FRAME_BYTES;
}

/** Checks a frame size (bytes, destination address through FCS). */
export function checkFrameBytes(frameBytes: number, jumbo = false): number {
  const max = maxFrameBytes(jumbo);
  if (!Number.isSafeInteger(frameBytes) || frameBytes < MIN_FRAME_BYTES || frameBytes > max) {
    throw new InputError(phyMessages.badFrame(frameBytes, MIN_FRAME_BYTES, max, jumbo));
  }
  return frameBytes;
}

/** Bytes a frame takes on the wire: preamble + SFD + frame + minimum gap (64 → 84). */
export function wireBytes(frameBytes: number): number {
  return frameBytes + WIRE_OVERHEAD_BYTES;
}

/** Time a frame and its overhead occupy the link, in (integer) picoseconds. */
export function frameTimePs(rate: PhyRate, frameBytes: number): number {
  return wireBytes(frameBytes) * rate.bytePs;
}

/** Serialisation of the frame alone (first bit of the preamble to last bit of the FCS), ps. */
export function serialisationPs(rate: PhyRate, frameBytes: number): number {
  return (frameBytes + PREAMBLE_BYTES + SFD_BYTES) * rate.bytePs;
}

/** Back-to-back frames per second at line rate: bits per second / wire bits per frame. */
export function framesPerSecond(rate: PhyRate, frameBytes: number): number {
  return rate.bitsPerSecond / (8 * wireBytes(frameBytes));
}

/** Length of a frame on the wire (its wire bytes) at a propagation delay in ns per metre. */
export function frameLengthM(rate: PhyRate, frameBytes: number, nsPerM: number): number {
  return frameTimePs(rate, frameBytes) / 1000 / nsPerM;
}

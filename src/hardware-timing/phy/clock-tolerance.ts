import { InputError } from '../../core/errors.ts';
import { phyMessages } from './messages.ts';
import { wireBytes } from './frame.ts';

/**
 * Every Ethernet PHY's transmit clock is within ±100 ppm of nominal (e.g. IEEE 802.3 Clause 36
 * (1000BASE-X, 1.25 GBd ± 100 ppm), Clause 49/52 (10.3125 GBd ± 100 ppm), Clause 82/91, Clause 119).
 * So the two ends of a link may differ by up to 200 ppm.
 */
export const CLOCK_TOLERANCE_PPM = 100;

/**
 * Idles are inserted or deleted in whole columns of 4 octets at the XGMII and wider interfaces
 * (Clause 46, Reconciliation Sublayer: idle control characters fill 4-lane columns; the deficit
 * idle count of 46.3.1.4 keeps the average gap at 12 octets).
 */
export const IDLE_COLUMN_BYTES = 4;

export function checkPpm(ppm: number): number {
  if (!(Number.isFinite(ppm) && Math.abs(ppm) <= CLOCK_TOLERANCE_PPM)) throw new InputError(phyMessages.badPpm(ppm));
  return ppm;
}

export interface ElasticBuffer {
  /** Relative frequency difference, ppm (receiver's reader faster if positive). */
  readonly differencePpm: number;
  /** Bits the two clocks slip apart during one frame on the wire: the buffer depth one frame needs. */
  readonly slipBitsPerFrame: number;
  /** Bytes of traffic between one idle column inserted or deleted, on average (Infinity at 0 ppm). */
  readonly bytesPerIdleColumn: number;
  /** Back-to-back frames of this size between one idle column inserted or deleted. */
  readonly framesPerIdleColumn: number;
}

/**
 * What the receiver's elastic buffer does to absorb the clock difference between the two ends:
 * during a frame the write side (recovered clock) and read side (local clock) drift apart by
 * difference × frame bits; between frames it adds or removes idle columns to recentre. One column
 * of 4 octets is needed every 4 / difference bytes.
 */
export function elasticBuffer(txPpm: number, rxPpm: number, frameBytes: number): ElasticBuffer {
  const differencePpm = checkPpm(rxPpm) - checkPpm(txPpm);
  const d = Math.abs(differencePpm) * 1e-6;
  const bits = 8 * wireBytes(frameBytes);
  const bytesPerIdleColumn = d === 0 ? Infinity : IDLE_COLUMN_BYTES / d;
  return {
    differencePpm,
    slipBitsPerFrame: d * bits,
    bytesPerIdleColumn,
    framesPerIdleColumn: bytesPerIdleColumn / wireBytes(frameBytes),
  };
}

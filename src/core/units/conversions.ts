import { CABLE_DELAY_NS_PER_M, SPEED_OF_LIGHT_M_PER_S } from './constants.ts';

/**
 * Unit helpers. Every function names its units in its name and parameters, so a call site reads as
 * a sentence: `nsToS(delayNs)`, `ppmToFraction(skewPpm)`.
 */

export const sToNs = (seconds: number): number => seconds * 1e9;
export const nsToS = (nanoseconds: number): number => nanoseconds / 1e9;
export const sToPs = (seconds: number): number => seconds * 1e12;
export const psToS = (picoseconds: number): number => picoseconds / 1e12;
export const sToUs = (seconds: number): number => seconds * 1e6;
export const usToS = (microseconds: number): number => microseconds / 1e6;
export const sToMs = (seconds: number): number => seconds * 1e3;
export const msToS = (milliseconds: number): number => milliseconds / 1e3;

/** Parts per million → dimensionless fraction (1 ppm = 1e-6). */
export const ppmToFraction = (ppm: number): number => ppm * 1e-6;
/** Dimensionless fraction → parts per million. */
export const fractionToPpm = (fraction: number): number => fraction * 1e6;
/** Parts per billion → dimensionless fraction (1 ppb = 1e-9). */
export const ppbToFraction = (ppb: number): number => ppb * 1e-9;
/** Dimensionless fraction → parts per billion. */
export const fractionToPpb = (fraction: number): number => fraction * 1e9;

/** Time for light to cross `lengthM` metres of vacuum, in seconds. */
export function lightTimeS(lengthM: number): number {
  return lengthM / SPEED_OF_LIGHT_M_PER_S;
}

/** Distance light travels in vacuum in `seconds`, in metres. */
export function lightDistanceM(seconds: number): number {
  return seconds * SPEED_OF_LIGHT_M_PER_S;
}

/** One-way propagation delay through `lengthM` metres of cable, in seconds, at `nsPerM` (default 5 ns/m). */
export function cableDelayS(lengthM: number, nsPerM = CABLE_DELAY_NS_PER_M): number {
  return (lengthM * nsPerM) / 1e9;
}

/**
 * Clock offset accumulated over `elapsedS` seconds by a clock whose rate differs by `skewPpm`
 * parts per million: offset = skew × elapsed. (1 ppm for 1 s is 1 µs.)
 */
export function offsetFromSkewS(skewPpm: number, elapsedS: number): number {
  return ppmToFraction(skewPpm) * elapsedS;
}

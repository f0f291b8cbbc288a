import { SPEED_OF_LIGHT_M_PER_S } from '../../core/units/index.ts';
import { GM_EARTH_M3_PER_S2, L_G } from './constants.ts';

const C2 = SPEED_OF_LIGHT_M_PER_S * SPEED_OF_LIGHT_M_PER_S;

/** γ = 1/√(1 − v²/c²). */
export function lorentzFactor(speedMPerS: number): number {
  return 1 / Math.sqrt(1 - (speedMPerS * speedMPerS) / C2);
}

/**
 * Fractional rate of a clock against coordinate time far from masses, in the weak-field limit
 * (Ashby 2003, "Relativity in the Global Positioning System", Living Rev. Relativ. 6, eq. 19):
 * dτ/dt − 1 ≈ Φ/c² − v²/(2c²), with Φ = −GM/r the Newtonian potential (negative).
 */
export function properRateOffset(speedMPerS: number, potentialM2PerS2: number): number {
  return potentialM2PerS2 / C2 - (speedMPerS * speedMPerS) / (2 * C2);
}

/**
 * Fractional rate of a clock on a circular orbit of radius a about the Earth against a clock on
 * the geoid: L_G − 3GM/(2ac²) (potential −GM/a, speed² GM/a; Ashby 2003 eq. 31).
 */
export function circularOrbitRateVsGeoid(radiusM: number, gm = GM_EARTH_M3_PER_S2): number {
  return L_G - (3 * gm) / (2 * radiusM * C2);
}

/** The two parts of that rate: gravitational (blue shift, L_G − GM/(ac²)) and velocity (−GM/(2ac²)). */
export function circularOrbitRateParts(radiusM: number, gm = GM_EARTH_M3_PER_S2): { gravitational: number; velocity: number } {
  return { gravitational: L_G - gm / (radiusM * C2), velocity: -gm / (2 * radiusM * C2) };
}

/**
 * Physical constants, each exact by definition unless noted.
 */

/** Speed of light in vacuum, m/s: exact by the 1983 definition of the metre (SI Brochure, 9th ed., 2019). */
export const SPEED_OF_LIGHT_M_PER_S = 299_792_458;

/** Julian year in seconds (365.25 d), used by the IAU for the light-year. */
export const JULIAN_YEAR_S = 365.25 * 86_400;

/** Light-year in metres: c × Julian year, exact (IAU 2012 Resolution B2 / IAU Style Manual). */
export const LIGHT_YEAR_M = 9_460_730_472_580_800;

/** Astronomical unit in metres: exact (IAU 2012 Resolution B2). */
export const ASTRONOMICAL_UNIT_M = 149_597_870_700;

/**
 * Propagation delay in typical copper or fibre cable, ns per metre: 5 ns/m, the usual engineering
 * figure for a velocity factor of about 0.67 (e.g. Cat 6 twisted pair, single-mode fibre with
 * group index ≈ 1.47 gives 4.9 ns/m). A rule of thumb, not a constant of nature.
 */
export const CABLE_DELAY_NS_PER_M = 5;

/** Propagation delay in vacuum, ns per metre: 1e9 / c = 3.33564095... ns/m. */
export const VACUUM_DELAY_NS_PER_M = 1e9 / SPEED_OF_LIGHT_M_PER_S;

/**
 * Constants for relativistic clock rates, each with its source.
 */
/** GM of the Earth (with atmosphere), m³/s²: IERS Conventions (2010), Table 1.1; WGS 84. */
export const GM_EARTH_M3_PER_S2 = 3.986004418e14;
/**
 * L_G = W0/c², the potential of the geoid in units of c²: 6.969290134e-10, a defining constant
 * (IAU 2000 Resolution B1.9): a clock on the geoid runs slow by L_G against one far from Earth
 * (TT vs TCG).
 */
export const L_G = 6.969290134e-10;
/** Semi-major axis of the GPS orbits used by Ashby (2003) to derive the factory offset, m. */
export const GPS_SEMI_MAJOR_AXIS_M = 26_561_750;
/**
 * The GPS satellites' clocks are set low by Δf/f = −4.4647e-10 before launch, 10.23 MHz to
 * 10.22999999543 MHz, so they tick at the right rate as seen on the geoid (IS-GPS-200, §3.3.1.1).
 */
export const GPS_FACTORY_OFFSET = -4.4647e-10;
/** F = −2√GM/c², the eccentricity (relativistic) correction constant, s/√m (IS-GPS-200, §20.3.3.3.3.1). */
export const GPS_F_S_PER_SQRT_M = -4.442807633e-10;

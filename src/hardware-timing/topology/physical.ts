/**
 * Physical dimensions used to place nodes, so that cable lengths are real.
 */

/** One rack unit, 1.75 in = 44.45 mm (EIA-310-D, "Cabinets, racks, panels and associated equipment"). */
export const RACK_UNIT_M = 0.04445;

/**
 * Width of a standard server cabinet, 600 mm: the common cabinet for 19-inch (482.6 mm) equipment
 * (EIA-310-D sets the 19-inch rail spacing; 600 mm is the usual outer width). Racks stand side by
 * side in a row at this pitch.
 */
export const RACK_PITCH_M = 0.6;

/** Usable height of a 42U rack minus two units for the top-of-rack switch and patching. */
export const HOSTS_PER_RACK = 40;

/**
 * Default spacing of mesh nodes on their plane: small servers side by side, 0.5 m apart
 * (a modelling choice, not a standard: pass `pitchM` to change it).
 */
export const DEFAULT_MESH_PITCH_M = 0.5;

import { HOSTS_PER_RACK, RACK_PITCH_M, RACK_UNIT_M } from './physical.ts';

/**
 * Where things sit in a row of racks: rack r's front is at x = r · 0.6 m; a device in unit u
 * (0 at the bottom) is at height z = u · 44.45 mm. Hosts fill units 0 … 39, the top-of-rack switch
 * sits in unit 41. Network racks (spines, aggregation, core) stack switches from unit 0.
 */
export interface RackSlot {
  xM: number;
  yM: number;
  zM: number;
}

export function rackSlot(rack: number, unit: number): RackSlot {
  return { xM: rack * RACK_PITCH_M, yM: 0, zM: unit * RACK_UNIT_M };
}

/** Slot of the top-of-rack switch of a rack. */
export function torSlot(rack: number): RackSlot {
  return rackSlot(rack, HOSTS_PER_RACK + 1);
}

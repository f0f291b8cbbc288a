/**
 * The four states of a full-duplex link (Open Atomic Ethernet specification, chapter 3 "It takes
 * Two to Tango, and Three to Party": each link works in both directions {11}, in one direction
 * only {01} or {10}, or in neither {00}). "Forward" is the direction from the link's first end
 * to its second, as the topology lists them.
 */
export const LINK_STATES = ['up', 'forward-only', 'backward-only', 'dead'] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** Whether frames get through in the given direction (true: first end → second end). */
export function directionWorks(state: LinkState, forward: boolean): boolean {
  return state === 'up' || (forward ? state === 'forward-only' : state === 'backward-only');
}

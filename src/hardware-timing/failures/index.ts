export { LINK_STATES, directionWorks, type LinkState } from './link-state.ts';

/** Named endpoints that move between nodes, and multicast groups that fail over. */
export { simulateEndpointMove, type EndpointMoveOptions, type EndpointMoveResult } from './mobility.ts';
export { simulateGroupFailover, type GroupFailoverOptions, type GroupFailoverResult } from './group.ts';
export { HopTiming } from './hop-timing.ts';

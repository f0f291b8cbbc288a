/**
 * Timing constants the link protocols, failure injection and the exactly-once simulation share
 * (each cites its source in constants.ts). The PHY module of hardware-timing holds the full PHY
 * model; these are the few numbers the protocol models need.
 */
export * from './constants.ts';

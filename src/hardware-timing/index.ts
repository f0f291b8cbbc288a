/**
 * Public API of hardware timing: topologies, PHY timing, cycle-timed links and NICs (README.md in
 * this folder); link protocols, failure injection, the exactly-once experiment, endpoints
 * (protocols/README.md).
 */
export * from './topology/index.ts';
export * from './phy/index.ts';
export * from './link/index.ts';
export * from './link-timing/index.ts';
export * from './protocols/index.ts';
export * from './failures/index.ts';
export * from './exactly-once/index.ts';
export * from './endpoints/index.ts';

/**
 * Public API of hardware timing: topologies (and, as they land, PHY timing, links and NICs).
 * See README.md in this folder.
 */
export * from './topology/index.ts';
export * from './phy/index.ts';
export * from './link/index.ts';

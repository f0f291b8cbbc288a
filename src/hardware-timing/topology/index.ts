/** Public API of the topologies: builders with physical positions, routing, metrics. */
export {
  Topology, TopologyBuilder, TOPOLOGY_KINDS, straightM, trayM,
  type NodeKind, type TopologyKind, type TopologyNode, type TopologyLink, type Port,
} from './topology.ts';
export { mesh8, torus, gridShape, foldedSlot, MAX_GRID_SIDE, type GridOptions, type Mesh8Options } from './grid.ts';
export { star, MAX_STAR_HOSTS } from './star.ts';
export { clos, CLOS_DEFAULT_HOSTS_PER_LEAF, MAX_CLOS_HOSTS, MAX_CLOS_SPINES, type ClosOptions } from './clos.ts';
export { fatTree, fatTreeK, FAT_TREE_HOST_COUNTS, MAX_FAT_TREE_K } from './fat-tree.ts';
export { buildTopology, type TopologySpec } from './build.ts';
export { Routing, routingOf } from './routing.ts';
export { RACK_UNIT_M, RACK_PITCH_M, HOSTS_PER_RACK, DEFAULT_MESH_PITCH_M } from './physical.ts';
export { topologyMessages } from './messages.ts';
export * from './metrics/index.ts';

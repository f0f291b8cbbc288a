/** Public API of the cycle-timed links, NICs and switches. */
export { Network, type NetworkOptions, type FlowControl } from './network.ts';
export { PortClocks, type PortClockOptions } from './port-clocks.ts';
export { DEFAULT_HOST_CONFIG, DEFAULT_SWITCH_CONFIG, MAC_HEADER_BYTES, type NodeConfig, type ForwardingMode } from './node-config.ts';
export { CORE_DATAPATH_BITS, coreCyclePs } from './core-clock.ts';
export { incastSources, type SourceSpec, type TrafficPattern } from './traffic.ts';
export { STAGES, type Stage, type StageNs, type Delivery, type NetworkStats } from './stats.ts';
export { linkMessages } from './messages.ts';
export { runSaturatedMesh, SATURATED_MESH_DEFAULTS, type SaturatedMeshOptions, type SaturatedMeshResult } from './saturated-mesh.ts';

export {
  simulateExactlyOnce, PROTOCOLS, WORKLOADS, EXACTLY_ONCE_DEFAULTS, PROPAGATION_PS_PER_M, MIN_FRAME_WIRE_PS,
  FPGA_CYCLE_PS, NIC_PIPELINE_CYCLES,
  type ExactlyOnceOptions, type ExactlyOnceResult, type ProtocolName, type Workload, type Percentiles,
} from './simulate.ts';
export { LiveRouting, type NetworkGraph } from './network.ts';
export { standInMesh8 } from './stand-in-mesh.ts';
export { exactlyOnceMessages } from './messages.ts';

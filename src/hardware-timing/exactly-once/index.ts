export {
  simulateExactlyOnce, PROTOCOLS, WORKLOADS, EXACTLY_ONCE_DEFAULTS,
  type ExactlyOnceOptions, type ExactlyOnceResult, type ProtocolName, type Workload, type Percentiles,
} from './simulate.ts';
export { LiveRouting, type NetworkGraph } from './network.ts';
export { exactlyOnceMessages } from './messages.ts';
export { mathisBandwidthBps, MATHIS_C } from './mathis.ts';

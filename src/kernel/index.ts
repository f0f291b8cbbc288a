// Kernels: simplified, vectorised models for large Monte Carlo sweeps (src/kernel/README.md).
export {
  CLOCK_ENSEMBLE_DEFAULTS, clockEnsembleInputs,
  type ClockEnsembleParams, type ClockEnsembleInputs, type ClockEnsembleRaw,
} from './clock-ensemble/params.ts';
export { clockEnsembleReference, CLOCK_PURPOSE } from './clock-ensemble/reference.ts';
export {
  runClockEnsemble, clockEnsembleRaw, summarizeClockEnsemble,
  type ClockEnsembleSummary, type KernelRunOptions,
} from './clock-ensemble/run.ts';
export { expectedOffsetSquareS2, expectedOffsetMeanSquareS2, sumOfMinima } from './clock-ensemble/analytic.ts';
export { HEARTBEAT_DEFAULTS, heartbeatInputs, type HeartbeatParams, type HeartbeatInputs, type HeartbeatRaw } from './heartbeat/params.ts';
export { heartbeatReference } from './heartbeat/reference.ts';
export { runHeartbeat, heartbeatRaw, summarizeHeartbeat, type HeartbeatSummary } from './heartbeat/run.ts';
export { normalPair, u53, sinKernel, cosKernel } from './random/normal-pair.ts';
export { kernelsFor, resetKernelEngine, type KernelEngine } from './engine.ts';
export { WasmKernels, simdSupported, type WasmFlavor } from './wasm-kernels.ts';

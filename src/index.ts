/**
 * chronotope's public API. Import from here (`import { Simulation, oadev } from 'chronotope'`)
 * rather than from files inside a folder: the folders' internals may change, this list may not
 * without a note. Layers and what each may import: ARCHITECTURE.md.
 */

// core: simulated time, units, randomness, the event engine, errors, atomic output.
export {
  Timebase, timebase, TimeRangeError, TICKS_PER_SECOND, HORIZON_TICKS,
  type Resolution, type TimeUnit, type Rounding,
} from './core/time/timebase.ts';
export * from './core/units/index.ts';
export * from './core/random/index.ts';
export { standardExponential, zigguratExponentialEdges } from './core/random/distributions/exponential.ts';
export { log as portableLog } from './core/math/log.ts';
export { exp as portableExp } from './core/math/exp.ts';
export { Simulation, type EventHandler, type Observer, type SimulationOptions, type RunOptions as SimulationRunOptions } from './core/engine/simulation.ts';
export { CalendarQueue } from './core/engine/calendar-queue.ts';
export { TraceRecorder } from './core/engine/trace-recorder.ts';
export { runPhold, PHOLD_DEFAULTS, type PholdOptions, type PholdResult } from './core/engine/phold.ts';
export { InputError, isInputError } from './core/errors.ts';
export { writeFileAtomic } from './core/io/atomic-write.ts';

// oscillators: power-law noise (Kasdin & Walter) and the oscillator model.
export * from './oscillators/noise/index.ts';
export * from './oscillators/oscillator/index.ts';

// causality: event model, happened-before, logical clocks (Lamport, vector, matrix, HLC, ITC,
// DVV), cuts, races, broadcasts, observer order, ShiViz/GoVector formats; the delivery judge
// (sends, deliveries, duplicates, losses; at-most/at-least/exactly-once).
export * from './causality/index.ts';
export * from './causality/delivery/index.ts';

// hardware-timing: PHY timing, cycle-timed links and NICs, topologies and their metrics; link
// protocols (ENTL, AIT/TIKTYKTIK, reversible recovery), failure injection, the exactly-once
// experiment, moving endpoints and failing-over groups.
export * from './hardware-timing/index.ts';

// clocks: frequency-stability statistics, clock models, synchronisation algorithms (NTP, PTP,
// DTP, Huygens, TrueTime, …), relativistic clocks, daemons' log readers.
export * from './clocks/stability/index.ts';
export * from './clocks/clock/index.ts';
export * from './clocks/sync/index.ts';
export * from './clocks/logs/index.ts';
export * from './clocks/relativity/index.ts';

// failure detection: timeout-based detectors, QoS metrics, timeout-free detection on the mesh.
export * from './failure-detection/index.ts';

// kernels: SIMD WebAssembly clock-ensemble and heartbeat-QoS kernels with TypeScript references.
export * from './kernel/index.ts';

// notebooks: the runtime that turns experiments into pages, figures and tables.
export * from './notebook/index.ts';

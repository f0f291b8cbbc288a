import {
  CLOCK_ENSEMBLE_DEFAULTS, HEARTBEAT_DEFAULTS, clockEnsembleInputs, heartbeatInputs, runClockEnsemble, runHeartbeat,
  type KernelEngine,
} from '../kernel/index.ts';

/**
 * The models a sweep can run: each kernel with its parameters (defaults, which are integers),
 * its outputs (CSV columns, units in the names), a validator and a runner. A task's randomness
 * is (master seed → Philox key, task index → counter word), nothing else.
 */
export interface SweepModel {
  readonly defaults: Readonly<Record<string, number>>;
  readonly integerParameters: ReadonlySet<string>;
  readonly outputs: readonly string[];
  /** Throws an InputError naming the parameter when a point is invalid. */
  validate(params: Record<string, number>): void;
  /** Runs one task: output values in `outputs` order (histogram expands to one column per bin). */
  run(params: Record<string, number>, seed: number, task: number, engine: KernelEngine): Record<string, number>;
  /** Work of one task in lane-steps (for throughput). */
  laneSteps(params: Record<string, number>): number;
}

const clockEnsemble: SweepModel = {
  defaults: { ...CLOCK_ENSEMBLE_DEFAULTS },
  integerParameters: new Set(['clocks', 'steps', 'syncIntervalSteps', 'histogramBins']),
  outputs: ['offsetMeanS', 'offsetRmsS', 'precisionMaxS', 'precisionMeanS', 'laneSteps', 'histogram'],
  validate(params) {
    clockEnsembleInputs(params as never, 0, 0);
  },
  run(params, seed, task, engine) {
    const s = runClockEnsemble(params as never, { seed, task, engine });
    const values: Record<string, number> = {
      offsetMeanS: s.offsetMeanS, offsetRmsS: s.offsetRmsS, precisionMaxS: s.precisionMaxS,
      precisionMeanS: s.precisionMeanS, laneSteps: s.laneSteps,
    };
    s.histogram.forEach((count, bin) => { values[`histogramBin${bin}Count`] = count; });
    return values;
  },
  laneSteps: (p) => p.clocks * p.steps,
};

const heartbeatQos: SweepModel = {
  defaults: { ...HEARTBEAT_DEFAULTS },
  integerParameters: new Set(['streams', 'periods']),
  outputs: [
    'mistakeRatePerS', 'mistakeRateStdErrPerS', 'mistakeRecurrenceS', 'mistakeDurationS', 'mistakeDurationStdErrS',
    'availability', 'availabilityStdErr', 'mistakes', 'laneSteps',
  ],
  validate(params) {
    heartbeatInputs(params as never, 0, 0);
  },
  run(params, seed, task, engine) {
    const s = runHeartbeat(params as never, { seed, task, engine });
    return { ...s };
  },
  laneSteps: (p) => p.streams * p.periods,
};

export const sweepModels: Readonly<Record<string, SweepModel>> = {
  'clock-ensemble': clockEnsemble,
  'heartbeat-qos': heartbeatQos,
};

/** Output columns of a model for the chosen outputs (histogram: one column per bin). */
export function outputColumns(model: SweepModel, outputs: readonly string[], params: Record<string, number>): string[] {
  const columns: string[] = [];
  for (const name of outputs) {
    if (name === 'histogram') for (let b = 0; b < params.histogramBins; b++) columns.push(`histogramBin${b}Count`);
    else columns.push(name);
  }
  return columns;
}

import { checkFinite, checkInteger, checkLanes, checkNonNegative, checkPositive, seedKey } from '../check.ts';

/**
 * One configuration of the clock-ensemble kernel (algorithm: src/kernel/README.md). Fractional
 * frequencies (`…Sigma`) are dimensionless; times carry their unit in the name.
 */
export interface ClockEnsembleParams {
  /** Clocks simulated side by side (SIMD lanes): a positive multiple of 4. */
  readonly clocks: number;
  /** Time steps simulated. */
  readonly steps: number;
  /** Length of one step τ0, seconds. */
  readonly stepS: number;
  /** Steps between two synchronisations (the sync interval is syncIntervalSteps·stepS). */
  readonly syncIntervalSteps: number;
  /** Standard deviation of the white-FM fractional frequency averaged over one step. */
  readonly whiteFmSigma: number;
  /** Standard deviation of one step's random-walk-FM frequency increment. */
  readonly randomWalkFmSigma: number;
  /** Standard deviation of each clock's initial fractional frequency offset (skew). */
  readonly initialSkewSigma: number;
  /** Mean forward minus backward delay of the two-way exchange, seconds. */
  readonly asymmetryS: number;
  /** Mean of the exponential jitter added to each direction's delay, seconds. */
  readonly jitterS: number;
  /** Frequency-steering gain g ∈ [0, 1] (0: offset correction only). */
  readonly frequencyGain: number;
  /** Left edge of the offset histogram, seconds. */
  readonly histogramLowS: number;
  /** Width of one histogram bin, seconds. */
  readonly histogramBinS: number;
  /** Number of histogram bins (the first and last also collect everything beyond them). */
  readonly histogramBins: number;
}

/** Defaults: a 1 ms step, syncs every second, an OCXO-like oscillator, 100 ns jitter. */
export const CLOCK_ENSEMBLE_DEFAULTS: ClockEnsembleParams = {
  clocks: 64,
  steps: 10_000,
  stepS: 1e-3,
  syncIntervalSteps: 1000,
  whiteFmSigma: 1e-9,
  randomWalkFmSigma: 1e-12,
  initialSkewSigma: 1e-7,
  asymmetryS: 0,
  jitterS: 1e-7,
  frequencyGain: 0.5,
  histogramLowS: -1e-6,
  histogramBinS: 2e-8,
  histogramBins: 100,
};

/** Largest lane count and step count the kernels accept (memory, and u32 counters). */
export const MAX_CLOCKS = 1 << 20;
export const MAX_STEPS = 2 ** 31 - 1;
export const MAX_BINS = 1 << 16;

/** The numbers every implementation receives: checked parameters plus derived constants. */
export interface ClockEnsembleInputs extends ClockEnsembleParams {
  readonly key0: number;
  readonly key1: number;
  readonly task: number;
  /** 1 / (syncIntervalSteps·stepS), computed once here so every path uses the same double. */
  readonly invSyncIntervalS: number;
  /** 1 / histogramBinS, likewise. */
  readonly histogramInvBin: number;
}

/** Checks parameters (InputError naming the field) and derives the shared constants. */
export function clockEnsembleInputs(params: ClockEnsembleParams, seed: number, task: number): ClockEnsembleInputs {
  const [key0, key1] = seedKey(seed);
  checkInteger('task', task, 0, 0xffffffff);
  checkLanes('clocks', params.clocks, MAX_CLOCKS);
  checkInteger('steps', params.steps, 1, MAX_STEPS);
  checkPositive('stepS', params.stepS);
  checkInteger('syncIntervalSteps', params.syncIntervalSteps, 1, MAX_STEPS);
  checkNonNegative('whiteFmSigma', params.whiteFmSigma);
  checkNonNegative('randomWalkFmSigma', params.randomWalkFmSigma);
  checkNonNegative('initialSkewSigma', params.initialSkewSigma);
  checkFinite('asymmetryS', params.asymmetryS);
  checkNonNegative('jitterS', params.jitterS);
  checkNonNegative('frequencyGain', params.frequencyGain);
  checkFinite('histogramLowS', params.histogramLowS);
  checkPositive('histogramBinS', params.histogramBinS);
  checkInteger('histogramBins', params.histogramBins, 1, MAX_BINS);
  return {
    ...params, key0, key1, task,
    invSyncIntervalS: 1 / (params.syncIntervalSteps * params.stepS),
    histogramInvBin: 1 / params.histogramBinS,
  };
}

/**
 * The per-clock accumulators every implementation returns (compared bit for bit in the tests);
 * `summarizeClockEnsemble` turns them into the published statistics.
 */
export interface ClockEnsembleRaw {
  /** Σ over steps of each clock's offset after the step, seconds. */
  readonly sumOffsetS: Float64Array;
  /** Σ over steps of each clock's squared offset, s². */
  readonly sumSquaredOffsetS2: Float64Array;
  /** Each clock's offset after the last step, seconds. */
  readonly finalOffsetS: Float64Array;
  /** Each clock's fractional frequency after the last step. */
  readonly finalFrequency: Float64Array;
  /** Counts of (clock, step) offsets per histogram bin. */
  readonly histogram: Uint32Array;
  /** Largest pairwise spread max − min of the offsets over all steps, seconds. */
  readonly spreadMaxS: number;
  /** Σ over steps of the pairwise spread, seconds. */
  readonly spreadSumS: number;
}

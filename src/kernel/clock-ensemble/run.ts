import { kernelsFor, type KernelEngine } from '../engine.ts';
import { clockEnsembleInputs, type ClockEnsembleParams, type ClockEnsembleRaw } from './params.ts';
import { clockEnsembleReference } from './reference.ts';

/** The statistics of one clock-ensemble run (times in seconds). */
export interface ClockEnsembleSummary {
  /** Mean offset from the reference over all clocks and steps. */
  readonly offsetMeanS: number;
  /** Root-mean-square offset over all clocks and steps. */
  readonly offsetRmsS: number;
  /** Largest pairwise spread (max − min offset over the clocks) at any step: the precision. */
  readonly precisionMaxS: number;
  /** Pairwise spread averaged over the steps. */
  readonly precisionMeanS: number;
  /** Offset histogram: counts per bin from histogramLowS in steps of histogramBinS. */
  readonly histogram: Uint32Array;
  /** clocks × steps. */
  readonly laneSteps: number;
}

/**
 * Reduces the per-clock accumulators, always here in TypeScript and in clock order, so the
 * summary is as bit-identical across engines as the accumulators are.
 */
export function summarizeClockEnsemble(params: ClockEnsembleParams, raw: ClockEnsembleRaw): ClockEnsembleSummary {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < params.clocks; i++) {
    sum += raw.sumOffsetS[i];
    sumSquares += raw.sumSquaredOffsetS2[i];
  }
  const samples = params.clocks * params.steps;
  return {
    offsetMeanS: sum / samples,
    offsetRmsS: Math.sqrt(sumSquares / samples),
    precisionMaxS: raw.spreadMaxS,
    precisionMeanS: raw.spreadSumS / params.steps,
    histogram: raw.histogram,
    laneSteps: samples,
  };
}

export interface KernelRunOptions {
  /** Master seed: the Philox key (0 ≤ seed ≤ 2^53 − 1). */
  readonly seed: number;
  /** Task index: Philox counter word 3, so tasks of one sweep draw disjoint numbers. Default 0. */
  readonly task?: number;
  /** Implementation (default auto: SIMD WebAssembly where available, else TypeScript). */
  readonly engine?: KernelEngine;
}

/** Runs the clock-ensemble kernel and returns its raw accumulators. */
export function clockEnsembleRaw(params: ClockEnsembleParams, options: KernelRunOptions): ClockEnsembleRaw {
  const inputs = clockEnsembleInputs(params, options.seed, options.task ?? 0);
  const kernels = kernelsFor(options.engine ?? 'auto');
  return kernels === undefined ? clockEnsembleReference(inputs) : kernels.clockEnsemble(inputs);
}

/** Runs the clock-ensemble kernel: N clocks with skew, white and random-walk FM, synchronised. */
export function runClockEnsemble(params: ClockEnsembleParams, options: KernelRunOptions): ClockEnsembleSummary {
  return summarizeClockEnsemble(params, clockEnsembleRaw(params, options));
}

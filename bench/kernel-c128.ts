import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClockEnsembleInputs, HeartbeatInputs } from '../src/kernel/index.ts';

/**
 * The C/SSE2 version of the kernels (kernel-c128.c): built with the system gcc, run as a child
 * process. Used by `chronotope bench kernel` (speed) and by test/kernel/c-reference.test.ts
 * (that src/kernel/README.md is precise enough to write the kernels again: same bits).
 */

/** Builds kernel-c128.c into `dir` (default .cache/bench); undefined without gcc or when it fails. */
export function buildC128(dir = join('.cache', 'bench')): string | undefined {
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'kernel-c128');
  const source = new URL('./kernel-c128.c', import.meta.url).pathname;
  const r = spawnSync('gcc', ['-O3', '-msse2', '-ffp-contract=off', '-o', binary, source, '-lm'], { encoding: 'utf8' });
  return r.status === 0 ? binary : undefined;
}

function run(binary: string, args: (string | number)[]): string[] {
  const r = spawnSync(binary, args.map(String), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kernel-c128 failed: ${r.stderr}`);
  return r.stdout.trim().split(/\s+/);
}

/** A double from its 64-bit pattern in hexadecimal. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt('0x' + hex));
  return view.getFloat64(0);
}

export interface C128ClockResult {
  /** Best CPU seconds of `repeats` runs. */
  readonly seconds: number;
  /** Σ over clocks (in clock order) of each clock's Σ x². */
  readonly sumSquaresS2: number;
  readonly spreadMaxS: number;
  readonly spreadSumS: number;
}

/** Runs the C clock ensemble (strings of doubles round-trip exactly through strtod). */
export function c128ClockEnsemble(binary: string, p: ClockEnsembleInputs, repeats = 1): C128ClockResult {
  const [seconds, sumSquares, spreadMax, spreadSum] = run(binary, [
    'clock', p.clocks, p.steps, p.syncIntervalSteps, p.key0, p.key1, p.task, p.stepS, p.whiteFmSigma, p.randomWalkFmSigma,
    p.initialSkewSigma, p.asymmetryS, p.jitterS, p.frequencyGain, p.invSyncIntervalS, p.histogramLowS, p.histogramInvBin,
    p.histogramBins, repeats,
  ]);
  return { seconds: Number(seconds), sumSquaresS2: fromBits(sumSquares), spreadMaxS: fromBits(spreadMax), spreadSumS: fromBits(spreadSum) };
}

export interface C128HeartbeatResult {
  readonly seconds: number;
  /** Σ over streams (in stream order) of suspected time. */
  readonly suspectS: number;
  readonly mistakes: number;
}

export function c128Heartbeat(binary: string, p: HeartbeatInputs, repeats = 1): C128HeartbeatResult {
  const [seconds, suspect, mistakes] = run(binary, [
    'heartbeat', p.streams, p.periods, p.window, p.key0, p.key1, p.task, p.etaS, p.deltaS, p.meanDelayS, p.lossThreshold, repeats,
  ]);
  return { seconds: Number(seconds), suspectS: fromBits(suspect), mistakes: fromBits(mistakes) };
}

import { readFileSync } from 'node:fs';
import type { ClockEnsembleInputs, ClockEnsembleRaw } from './clock-ensemble/params.ts';
import type { HeartbeatInputs, HeartbeatRaw } from './heartbeat/params.ts';

/**
 * The two WebAssembly builds of the kernels: `kernels-simd.wasm` (128-bit SIMD) and
 * `kernels-scalar.wasm` (no SIMD), compiled from wasm/*.as.ts by `npm run build:kernels`.
 *
 * Memory: each instance has one growable memory. The arrays of a run are laid out from BASE; the
 * memory is grown before the call when a run needs more, and every typed-array view is made
 * after the call from the current `memory.buffer` and copied out at once. No view outlives a
 * call, so growth (which detaches the old buffer) can never leave one stale.
 */
export type WasmFlavor = 'simd' | 'scalar';

interface KernelExports {
  memory: WebAssembly.Memory;
  clockEnsemble(
    lanes: number, steps: number, syncEvery: number, k0: number, k1: number, task: number,
    tauS: number, sigmaWhite: number, sigmaWalk: number, sigmaY0: number, asymmetryS: number, jitterS: number,
    gain: number, invSyncIntervalS: number, histLowS: number, histInvWidth: number, bins: number, base: number,
  ): void;
  heartbeat(
    lanes: number, periods: number, window: number, k0: number, k1: number, task: number,
    etaS: number, deltaS: number, meanDelayS: number, lossThreshold: number, base: number,
  ): void;
  logInPlace?(at: number, count: number): void;
}

/** Where a run's arrays start: page 1, clear of anything the compiler places low in memory. */
const BASE = 65536;
const PAGE = 65536;

function moduleBytes(flavor: WasmFlavor): Buffer<ArrayBuffer> {
  return readFileSync(new URL(`./wasm/kernels-${flavor}.wasm`, import.meta.url)) as Buffer<ArrayBuffer>;
}

/** Whether this runtime validates (so can run) the SIMD build. */
export function simdSupported(): boolean {
  if (process.env.CHRONOTOPE_NO_SIMD === '1' || typeof WebAssembly === 'undefined') return false;
  return WebAssembly.validate(moduleBytes('simd'));
}

export class WasmKernels {
  readonly flavor: WasmFlavor;
  private readonly exports: KernelExports;

  constructor(flavor: WasmFlavor) {
    this.flavor = flavor;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes(flavor)), {});
    this.exports = instance.exports as unknown as KernelExports;
  }

  /** Bytes of linear memory now (grows, never shrinks). */
  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  /** Grows the memory so that [BASE, BASE + bytes) exists. */
  private reserve(bytes: number): void {
    const memory = this.exports.memory;
    const needed = Math.ceil((BASE + bytes) / PAGE);
    const have = memory.buffer.byteLength / PAGE;
    if (needed > have) memory.grow(needed - have);
  }

  /** A copy of `count` doubles at byte address `at` (a fresh view of the current buffer). */
  private f64(at: number, count: number): Float64Array {
    return new Float64Array(this.exports.memory.buffer, at, count).slice();
  }

  clockEnsemble(p: ClockEnsembleInputs): ClockEnsembleRaw {
    const n = p.clocks;
    this.reserve(4 * n * 8 + 16 + p.histogramBins * 4);
    this.exports.clockEnsemble(
      n, p.steps, p.syncIntervalSteps, p.key0, p.key1, p.task,
      p.stepS, p.whiteFmSigma, p.randomWalkFmSigma, p.initialSkewSigma, p.asymmetryS, p.jitterS,
      p.frequencyGain, p.invSyncIntervalS, p.histogramLowS, p.histogramInvBin, p.histogramBins, BASE,
    );
    const spreadAt = BASE + 4 * n * 8;
    const spread = this.f64(spreadAt, 2);
    return {
      finalOffsetS: this.f64(BASE, n),
      finalFrequency: this.f64(BASE + n * 8, n),
      sumOffsetS: this.f64(BASE + 2 * n * 8, n),
      sumSquaredOffsetS2: this.f64(BASE + 3 * n * 8, n),
      spreadMaxS: spread[0],
      spreadSumS: spread[1],
      histogram: new Uint32Array(this.exports.memory.buffer, spreadAt + 16, p.histogramBins).slice(),
    };
  }

  heartbeat(p: HeartbeatInputs): HeartbeatRaw {
    const n = p.streams;
    this.reserve((p.window + 3) * n * 8);
    this.exports.heartbeat(
      n, p.periods, p.window, p.key0, p.key1, p.task, p.etaS, p.deltaS, p.meanDelayS, p.lossThreshold >>> 0, BASE,
    );
    const at = BASE + p.window * n * 8;
    return { suspectS: this.f64(at, n), mistakes: this.f64(at + n * 8, n) };
  }

  /** The SIMD build's vector logarithm applied to `values` (for the bit-identity tests). */
  simdLog(values: Float64Array): Float64Array {
    if (this.exports.logInPlace === undefined) throw new Error('simdLog needs the SIMD build');
    const count = values.length + (values.length % 2);
    this.reserve(count * 8);
    const view = new Float64Array(this.exports.memory.buffer, BASE, count);
    view.fill(1);
    view.set(values);
    this.exports.logInPlace(BASE, count);
    return this.f64(BASE, values.length);
  }
}

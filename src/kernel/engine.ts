import { InputError } from '../core/errors.ts';
import { kernelMessages } from './messages.ts';
import { WasmKernels, simdSupported, type WasmFlavor } from './wasm-kernels.ts';

/**
 * Which implementation runs a kernel: `simd` and `scalar` are the WebAssembly builds, `ts` the
 * TypeScript reference, `auto` the SIMD build where this runtime supports it, else `ts` (said
 * once on stderr). All four give bit-identical results.
 */
export type KernelEngine = 'auto' | 'ts' | 'scalar' | 'simd';

const instances = new Map<WasmFlavor, WasmKernels>();
let simd: boolean | undefined;
let fallbackAnnounced = false;

/** The WebAssembly instance of a flavour (one per thread), or undefined for the TS path. */
export function kernelsFor(engine: KernelEngine = 'auto', warn: (line: string) => void = (l) => process.stderr.write(l + '\n')): WasmKernels | undefined {
  if (engine !== 'auto' && engine !== 'ts' && engine !== 'scalar' && engine !== 'simd') {
    throw new InputError(kernelMessages.unknownEngine(String(engine)));
  }
  if (engine === 'ts') return undefined;
  simd ??= simdSupported();
  let flavor: WasmFlavor;
  if (engine === 'auto') {
    if (!simd) {
      if (!fallbackAnnounced) warn(kernelMessages.simdUnavailable);
      fallbackAnnounced = true;
      return undefined;
    }
    flavor = 'simd';
  } else {
    flavor = engine;
    if (typeof WebAssembly === 'undefined' || (flavor === 'simd' && !simd)) {
      throw new InputError(kernelMessages.engineUnavailable(flavor));
    }
  }
  let instance = instances.get(flavor);
  if (instance === undefined) {
    instance = new WasmKernels(flavor);
    instances.set(flavor, instance);
  }
  return instance;
}

/** Forgets the SIMD probe and the fallback notice (tests). */
export function resetKernelEngine(): void {
  simd = undefined;
  fallbackAnnounced = false;
}

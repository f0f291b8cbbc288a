/** User-facing messages of the kernels. */
export const kernelMessages = {
  simdUnavailable: 'chronotope: WebAssembly SIMD is unavailable here; kernels run on the TypeScript path (slower, same results).',
  notMultipleOfFour: (field: string, value: number) => `${field} must be a positive multiple of 4 (SIMD lanes), got ${value}`,
  notInteger: (field: string, low: number, high: number, value: unknown) =>
    `${field} must be an integer from ${low} to ${high}, got ${String(value)}`,
  notFinite: (field: string, value: unknown) => `${field} must be a finite number, got ${String(value)}`,
  notPositive: (field: string, value: unknown) => `${field} must be a positive finite number, got ${String(value)}`,
  notNonNegative: (field: string, value: unknown) => `${field} must be a finite number ≥ 0, got ${String(value)}`,
  notProbability: (field: string, value: unknown) => `${field} must be a probability in [0, 1), got ${String(value)}`,
  windowTooLarge: (window: number, max: number) =>
    `deltaS/etaS too large: the detector looks ${window} heartbeats ahead, at most ${max} are supported`,
  unknownEngine: (engine: string) => `engine must be auto, ts, scalar or simd, got '${engine}'`,
  engineUnavailable: (engine: string) => `engine '${engine}' is unavailable here (no WebAssembly${engine === 'simd' ? ' SIMD' : ''})`,
} as const;

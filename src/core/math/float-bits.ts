/**
 * Access to the two 32-bit halves of an IEEE-754 double, as fdlibm's GET_HIGH_WORD and friends.
 * Uses a shared typed-array view; chronotope assumes a little-endian host (x86-64, AArch64 and
 * WebAssembly all are), so word 1 is the high word.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** High 32 bits (sign, exponent, top of the mantissa) as a signed int, like fdlibm's `hx`. */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[1] | 0;
}

/** Low 32 bits of the mantissa, unsigned. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[0];
}

/** `x` with its high word replaced. */
export function withHighWord(x: number, high: number): number {
  f64[0] = x;
  u32[1] = high >>> 0;
  return f64[0];
}

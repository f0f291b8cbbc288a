/**
 * Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror & Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3", SC'11 (2011), doi:10.1145/2063384.2063405. Constants are those of
 * the paper and of Random123's `philox.h`.
 *
 * Counter-based means the output is a pure function of a 128-bit counter and a 64-bit key: there
 * is no state to advance, so any draw can be computed independently of every other. That is what
 * makes results independent of worker count, shard count and execution order.
 *
 * Only 32-bit integer operations are used (the 32×32→64 multiply is split into 16-bit halves), so
 * a WebAssembly kernel reproduces it bit for bit.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9; // golden ratio
const W1 = 0xbb67ae85; // sqrt(3) - 1
const M0_LO = M0 & 0xffff;
const M0_HI = M0 >>> 16;
const M1_LO = M1 & 0xffff;
const M1_HI = M1 >>> 16;

/**
 * Computes one Philox4x32-10 block: writes the four 32-bit output words to `out[0..3]`.
 * `c0..c3` are the counter words, `k0, k1` the key words (all unsigned 32-bit). With `offset`,
 * writes `out[offset..offset+3]` instead.
 */
export function philox4x32(
  c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: Uint32Array, offset = 0,
): void {
  philox4x32Blocks(out, offset, 1, c0, c1, c2, c3, k0, k1);
}

/**
 * Computes `count` consecutive blocks into `out[offset..offset + 4·count)`: block j has counter
 * words (c0, c1) + j as one 64-bit number (c0 low), and c2, c3 unchanged. One loop for many
 * blocks keeps V8 from paying a call per block.
 *
 * The 32×32→64-bit products are split into 16-bit halves: every partial product is below 2^32
 * and every sum below 2^53, so each step is exact in doubles.
 */
export function philox4x32Blocks(
  out: Uint32Array, offset: number, count: number,
  c0: number, c1: number, c2: number, c3: number, k0: number, k1: number,
): void {
  let lowCounter = c0 >>> 0;
  let highCounter = c1 >>> 0;
  for (let j = 0; j < count; j++) {
    let x0 = lowCounter, x1 = highCounter, x2 = c2 >>> 0, x3 = c3 >>> 0;
    let key0 = k0 >>> 0, key1 = k1 >>> 0;
    for (let round = 0; round < 10; round++) {
      // hi/lo of M0 * x0
      const a0 = x0 & 0xffff, a1 = x0 >>> 16;
      const p00 = M0_LO * a0, p01 = M0_LO * a1, p10 = M0_HI * a0;
      const mid0 = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
      const hi0 = (M0_HI * a1 + (p01 >>> 16) + (p10 >>> 16) + (mid0 >>> 16)) >>> 0;
      const lo0 = Math.imul(M0, x0) >>> 0;
      // hi/lo of M1 * x2
      const b0 = x2 & 0xffff, b1 = x2 >>> 16;
      const q00 = M1_LO * b0, q01 = M1_LO * b1, q10 = M1_HI * b0;
      const mid1 = (q00 >>> 16) + (q01 & 0xffff) + (q10 & 0xffff);
      const hi1 = (M1_HI * b1 + (q01 >>> 16) + (q10 >>> 16) + (mid1 >>> 16)) >>> 0;
      const lo1 = Math.imul(M1, x2) >>> 0;
      x0 = (hi1 ^ x1 ^ key0) >>> 0;
      x1 = lo1;
      x2 = (hi0 ^ x3 ^ key1) >>> 0;
      x3 = lo0;
      key0 = (key0 + W0) >>> 0;
      key1 = (key1 + W1) >>> 0;
    }
    const o = offset + 4 * j;
    out[o] = x0;
    out[o + 1] = x1;
    out[o + 2] = x2;
    out[o + 3] = x3;
    lowCounter = (lowCounter + 1) >>> 0;
    if (lowCounter === 0) highCounter = (highCounter + 1) >>> 0;
  }
}

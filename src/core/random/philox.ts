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

/** High 32 bits (as int32) of M0·x for a 32-bit x: 16-bit halves, all in exact int32 arithmetic. */
function mulHighM0(x: number): number {
  const lo = x & 0xffff, hi = x >>> 16;
  const cross1 = Math.imul(M0_LO, hi), cross2 = Math.imul(M0_HI, lo);
  const mid = (Math.imul(M0_LO, lo) >>> 16) + (cross1 & 0xffff) + (cross2 & 0xffff);
  return (Math.imul(M0_HI, hi) + (cross1 >>> 16) + (cross2 >>> 16) + (mid >>> 16)) | 0;
}

/** High 32 bits (as int32) of M1·x. */
function mulHighM1(x: number): number {
  const lo = x & 0xffff, hi = x >>> 16;
  const cross1 = Math.imul(M1_LO, hi), cross2 = Math.imul(M1_HI, lo);
  const mid = (Math.imul(M1_LO, lo) >>> 16) + (cross1 & 0xffff) + (cross2 & 0xffff);
  return (Math.imul(M1_HI, hi) + (cross1 >>> 16) + (cross2 >>> 16) + (mid >>> 16)) | 0;
}

/**
 * Computes `count` consecutive blocks into `out[offset..offset + 4·count)`: block j has counter
 * words (c0, c1) + j as one 64-bit number (c0 low), and c2, c3 unchanged.
 *
 * The 32×32→64-bit products are split into 16-bit halves (`mulHighM0`/`M1`), exact in int32
 * arithmetic. Blocks are computed two at a time: the two independent dependency chains let the
 * CPU overlap them (about 20% faster than one at a time on these machines).
 */
export function philox4x32Blocks(
  out: Uint32Array, offset: number, count: number,
  c0: number, c1: number, c2: number, c3: number, k0: number, k1: number,
): void {
  let low = c0 | 0;
  let high = c1 | 0;
  const s2 = c2 | 0, s3 = c3 | 0;
  let j = 0;
  for (; j + 1 < count; j += 2) {
    // Counters of the pair: (low, high) and (low, high) + 1.
    const low2 = (low + 1) | 0;
    const high2 = low2 === 0 ? (high + 1) | 0 : high;
    let x0 = low, x1 = high, x2 = s2, x3 = s3;
    let y0 = low2, y1 = high2, y2 = s2, y3 = s3;
    let key0 = k0 | 0, key1 = k1 | 0;
    for (let round = 0; round < 10; round++) {
      const hx0 = mulHighM0(x0), lx0 = Math.imul(M0, x0), hx1 = mulHighM1(x2), lx1 = Math.imul(M1, x2);
      const hy0 = mulHighM0(y0), ly0 = Math.imul(M0, y0), hy1 = mulHighM1(y2), ly1 = Math.imul(M1, y2);
      x0 = hx1 ^ x1 ^ key0; x1 = lx1; x2 = hx0 ^ x3 ^ key1; x3 = lx0;
      y0 = hy1 ^ y1 ^ key0; y1 = ly1; y2 = hy0 ^ y3 ^ key1; y3 = ly0;
      key0 = (key0 + W0) | 0;
      key1 = (key1 + W1) | 0;
    }
    const o = offset + 4 * j;
    out[o] = x0; out[o + 1] = x1; out[o + 2] = x2; out[o + 3] = x3;
    out[o + 4] = y0; out[o + 5] = y1; out[o + 6] = y2; out[o + 7] = y3;
    low = (low2 + 1) | 0;
    high = low === 0 ? (high2 + 1) | 0 : high2;
  }
  if (j < count) {
    let x0 = low, x1 = high, x2 = s2, x3 = s3;
    let key0 = k0 | 0, key1 = k1 | 0;
    for (let round = 0; round < 10; round++) {
      const hx0 = mulHighM0(x0), lx0 = Math.imul(M0, x0), hx1 = mulHighM1(x2), lx1 = Math.imul(M1, x2);
      x0 = hx1 ^ x1 ^ key0; x1 = lx1; x2 = hx0 ^ x3 ^ key1; x3 = lx0;
      key0 = (key0 + W0) | 0;
      key1 = (key1 + W1) | 0;
    }
    const o = offset + 4 * j;
    out[o] = x0; out[o + 1] = x1; out[o + 2] = x2; out[o + 3] = x3;
  }
}

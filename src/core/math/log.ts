// Local views rather than float-bits.ts helpers: this is on the hot path of every exponential draw.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * Natural logarithm, a port of fdlibm's `__ieee754_log` (Sun Microsystems, 1993; the algorithm
 * and coefficients of `e_log.c`). Error < 1 ulp.
 *
 * Why not `Math.log`: V8's and WebAssembly's (or any libm's) logarithms may differ in the last
 * bit, and chronotope promises that a WebAssembly kernel reproduces the TypeScript reference bit
 * for bit. This function uses only IEEE-754 +, −, ×, ÷ (correctly rounded everywhere), so any
 * faithful port gives identical results.
 */
const LN2_HI = 6.93147180369123816490e-01;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.80143985094819840000e+16;
const LG1 = 6.666666666666735130e-01;
const LG2 = 3.999999999940941908e-01;
const LG3 = 2.857142874366239149e-01;
const LG4 = 2.222219843214978396e-01;
const LG5 = 1.818357216161805012e-01;
const LG6 = 1.531383769920937332e-01;
const LG7 = 1.479819860511658591e-01;

export function log(x: number): number {
  f64[0] = x;
  let hx = u32[1] | 0;
  const lx = u32[0];
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal.
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    f64[0] = x * TWO54; // scale a subnormal up
    hx = u32[1] | 0;
  }
  if (hx >= 0x7ff00000) return x + x; // Inf or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  u32[1] = hx | (i ^ 0x3ff00000); // normalise x or x/2 into [sqrt(2)/2, sqrt(2)]
  x = f64[0];
  k += i >> 20;
  const f = x - 1.0;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
}

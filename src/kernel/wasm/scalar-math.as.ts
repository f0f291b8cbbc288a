// Scalar building blocks shared by the kernels (AssemblyScript). Each mirrors a TypeScript
// function bit for bit: `philox` is the spine's Philox4x32-10 (src/core/random/philox.ts, the same
// algorithm as src/core/random/wasm/philox.as.ts, inlined here because that kernel writes to a
// fixed output area of its own memory), `log` is the spine's fdlibm port (src/core/math/log.ts),
// `sinKernel`/`cosKernel`, `u53` and the Box–Muller pair are src/kernel/random/normal-pair.ts.

const M0: u64 = 0xd2511f53;
const M1: u64 = 0xcd9e8d57;
const W0: u32 = 0x9e3779b9;
const W1: u32 = 0xbb67ae85;

/** The four words of one Philox4x32-10 block, written by `philox` (scratch, not reentrant). */
export let word0: u32 = 0;
export let word1: u32 = 0;
export let word2: u32 = 0;
export let word3: u32 = 0;

/** Philox4x32-10 of counter (c0, c1, c2, c3) and key (k0, k1) into word0..word3. */
// @ts-ignore: decorator
@inline
export function philox(c0: u32, c1: u32, c2: u32, c3: u32, k0: u32, k1: u32): void {
  let x0 = c0, x1 = c1, x2 = c2, x3 = c3;
  let key0 = k0, key1 = k1;
  for (let round = 0; round < 10; round++) {
    const p0 = M0 * <u64>x0;
    const p1 = M1 * <u64>x2;
    const y0 = <u32>(p1 >> 32) ^ x1 ^ key0;
    const y2 = <u32>(p0 >> 32) ^ x3 ^ key1;
    x1 = <u32>p1;
    x3 = <u32>p0;
    x0 = y0;
    x2 = y2;
    key0 += W0;
    key1 += W1;
  }
  word0 = x0; word1 = x1; word2 = x2; word3 = x3;
}

const TWO_POW_MINUS_53: f64 = 1.1102230246251565e-16;
const TWO_POW_MINUS_30: f64 = 9.313225746154785e-10;

/** Uniform on (0, 1) from two words: ((a >>> 5)·2^26 + (b >>> 6) + 0.5)·2^-53 (exact). */
// @ts-ignore: decorator
@inline
export function u53(a: u32, b: u32): f64 {
  return (<f64>(a >>> 5) * 67108864.0 + <f64>(b >>> 6) + 0.5) * TWO_POW_MINUS_53;
}

// fdlibm e_log.c constants (as src/core/math/log.ts).
const LN2_HI: f64 = 6.93147180369123816490e-01;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const TWO54: f64 = 1.80143985094819840000e+16;
const LG1: f64 = 6.666666666666735130e-01;
const LG2: f64 = 3.999999999940941908e-01;
const LG3: f64 = 2.857142874366239149e-01;
const LG4: f64 = 2.222219843214978396e-01;
const LG5: f64 = 1.818357216161805012e-01;
const LG6: f64 = 1.531383769920937332e-01;
const LG7: f64 = 1.479819860511658591e-01;

/** Natural logarithm: a line-by-line port of src/core/math/log.ts (fdlibm __ieee754_log). */
export function log(x: f64): f64 {
  let bits = reinterpret<u64>(x);
  let hx = <i32>(bits >> 32);
  const lx = <u32>bits;
  let k: i32 = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) == 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    bits = reinterpret<u64>(x);
    hx = <i32>(bits >> 32);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = reinterpret<f64>((<u64>(<u32>(hx | (i ^ 0x3ff00000))) << 32) | (bits & 0xffffffff));
  k += i >> 20;
  const f = x - 1.0;
  const dk = <f64>k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f == 0) return k == 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k == 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k == 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
  }
  return k == 0 ? f - s * (f - r) : dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
}

// fdlibm k_sin.c / k_cos.c coefficients (minimax on [-π/4, π/4]).
const S1: f64 = -1.66666666666666324348e-01;
const S2: f64 = 8.33333333332248946124e-03;
const S3: f64 = -1.98412698298579493134e-04;
const S4: f64 = 2.75573137070700676789e-06;
const S5: f64 = -2.50507602534068634195e-08;
const S6: f64 = 1.58969099521155010221e-10;
const C1: f64 = 4.16666666666666019037e-02;
const C2: f64 = -1.38888888888741095749e-03;
const C3: f64 = 2.48015872894767294178e-05;
const C4: f64 = -2.75573143513906633035e-07;
const C5: f64 = 2.08757232129817482790e-09;
const C6: f64 = -1.13596475577881948265e-11;
const PIO2: f64 = 1.57079632679489655800e+00;

/** The two standard normals of one block (set by `normalPair`). */
export let normal0: f64 = 0;
export let normal1: f64 = 0;

/**
 * Box–Muller pair from words (a, b, c): radius sqrt(−2 log u53(a, b)), angle q·π/2 + φ with
 * q = c >>> 30 and φ = (((c & 0x3fffffff) + 0.5)·2^-30 − 0.5)·π/2 (|φ| < π/4), sine and cosine of
 * φ by fdlibm's kernel polynomials; see src/kernel/README.md.
 */
export function normalPair(a: u32, b: u32, c: u32): void {
  const radius = Math.sqrt(-2.0 * log(u53(a, b)));
  const q = c >>> 30;
  const phi = ((<f64>(c & 0x3fffffff) + 0.5) * TWO_POW_MINUS_30 - 0.5) * PIO2;
  const z = phi * phi;
  const v = z * phi;
  const sine = phi + v * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
  const cosine = 1.0 - (0.5 * z - z * (z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))))));
  const odd = (q & 1) != 0;
  const a1 = odd ? sine : cosine;
  const b1 = odd ? cosine : sine;
  const cosTheta = ((q ^ (q >> 1)) & 1) != 0 ? -a1 : a1;
  const sinTheta = (q >> 1) != 0 ? -b1 : b1;
  normal0 = radius * cosTheta;
  normal1 = radius * sinTheta;
}

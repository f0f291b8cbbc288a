import { log } from '../../core/math/log.ts';

/**
 * The kernels' random variates, defined so that a SIMD lane computes exactly what this scalar
 * TypeScript does (src/kernel/README.md, "Random variates"). Box–Muller rather than the spine's
 * polar method: rejection would make lanes consume different numbers of draws, which SIMD lanes
 * cannot do in lockstep. Sine and cosine are fdlibm's kernel polynomials (k_sin.c, k_cos.c, Sun
 * Microsystems 1993) on |φ| < π/4, using only IEEE-754 +, −, × (correctly rounded everywhere), so
 * WebAssembly reproduces them bit for bit; `Math.sin`/`Math.cos` carry no such promise.
 */

const TWO_POW_MINUS_53 = 1.1102230246251565e-16;
const TWO_POW_MINUS_30 = 9.313225746154785e-10;

/** Uniform on (0, 1), exact: ((a >>> 5)·2^26 + (b >>> 6) + 0.5)·2^-53 for 32-bit words a, b. */
export function u53(a: number, b: number): number {
  return ((a >>> 5) * 67108864 + (b >>> 6) + 0.5) * TWO_POW_MINUS_53;
}

// fdlibm k_sin.c / k_cos.c coefficients (minimax on [-π/4, π/4]).
const S1 = -1.66666666666666324348e-01;
const S2 = 8.33333333332248946124e-03;
const S3 = -1.98412698298579493134e-04;
const S4 = 2.75573137070700676789e-06;
const S5 = -2.50507602534068634195e-08;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-02;
const C2 = -1.38888888888741095749e-03;
const C3 = 2.48015872894767294178e-05;
const C4 = -2.75573143513906633035e-07;
const C5 = 2.08757232129817482790e-09;
const C6 = -1.13596475577881948265e-11;
const PIO2 = 1.57079632679489655800e+00;

/** sin φ for |φ| ≤ π/4: fdlibm __kernel_sin(φ, 0, 0). */
export function sinKernel(phi: number): number {
  const z = phi * phi;
  const v = z * phi;
  return phi + v * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
}

/** cos φ for |φ| ≤ π/4: fdlibm __kernel_cos(φ, 0) without its |φ| ≥ 0.3 refinement. */
export function cosKernel(phi: number): number {
  const z = phi * phi;
  return 1 - (0.5 * z - z * (z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))))));
}

/**
 * Two independent standard normals from three 32-bit words (Box & Muller, Ann. Math. Statist.
 * 29(2), 1958): radius sqrt(−2 log u53(a, b)), angle θ = q·π/2 + φ with q = c >>> 30 and
 * φ = (((c & 0x3fffffff) + 0.5)·2^-30 − 0.5)·π/2. θ is uniform on a full turn (shifted by −π/4,
 * which does not change the distribution). Writes (r cos θ, r sin θ) to out[0], out[1].
 */
export function normalPair(a: number, b: number, c: number, out: Float64Array): void {
  const radius = Math.sqrt(-2 * log(u53(a, b)));
  const q = c >>> 30;
  const phi = (((c & 0x3fffffff) + 0.5) * TWO_POW_MINUS_30 - 0.5) * PIO2;
  const sine = sinKernel(phi);
  const cosine = cosKernel(phi);
  const odd = (q & 1) !== 0;
  const a1 = odd ? sine : cosine;
  const b1 = odd ? cosine : sine;
  out[0] = radius * (((q ^ (q >> 1)) & 1) !== 0 ? -a1 : a1);
  out[1] = radius * ((q >> 1) !== 0 ? -b1 : b1);
}

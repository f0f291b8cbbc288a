import { exp } from '../../math/exp.ts';
import { log } from '../../math/log.ts';

/** What the exponential sampler needs: raw 32-bit words (see RandomStream.uint32). */
export interface Uint32Source {
  uint32(): number;
}

/**
 * Exponential with mean `mean`, by the ziggurat method of Marsaglia & Tsang, "The ziggurat method
 * for generating random variables", J. Statistical Software 5(8), 2000, with 256 layers
 * (r = 7.69711747013104972, v = 3.9496598225815571993e-3, from that paper).
 *
 * Each sample takes two 32-bit words: 53 bits make a uniform U in [0, 1) (as `uniform()` does)
 * and the 11 bits left over give the layer index (8 of them), so the index and the value never
 * share bits (the flaw Doornik, "An improved ziggurat method", 2005, found in the original).
 * About 98.9% of samples return after one multiply and one comparison; the rest take the wedge
 * test or the tail (r + Exp(1), by inversion), which use the portable `exp` and `log`.
 *
 * The tables are computed once, at load, with the portable `exp` and `log`, so a WebAssembly
 * kernel that builds them the same way reproduces every sample bit for bit.
 */
const LAYERS = 256;
const R = 7.69711747013104972;
const V = 3.9496598225815571993e-3;
/** 2^-53: multiplying by it is exact and faster than dividing by 2^53. */
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/** Layer edges: X[0] = v/f(r) (base strip incl. tail), X[1] = r, ..., X[256] = 0; f(x) = e^−x. */
const X = new Float64Array(LAYERS + 1);
/** f(X[i]). */
const F = new Float64Array(LAYERS + 1);
/** X[i+1]/X[i]: below this fraction of the layer's width, a point is under the curve for sure. */
const INNER = new Float64Array(LAYERS);

X[0] = V / exp(-R);
X[1] = R;
for (let i = 1; i < LAYERS - 1; i++) X[i + 1] = -log(V / X[i] + exp(-X[i]));
X[LAYERS] = 0;
for (let i = 0; i <= LAYERS; i++) F[i] = exp(-X[i]);
for (let i = 0; i < LAYERS; i++) INNER[i] = X[i + 1] / X[i];

/** The layer edges, for tests and for kernels that want to check their own tables. */
export function zigguratExponentialEdges(): Float64Array {
  return X.slice();
}

/** A standard (mean 1) exponential sample. */
export function standardExponential(rng: Uint32Source): number {
  for (;;) {
    const a = rng.uint32();
    const b = rng.uint32();
    const u = ((a >>> 5) * 67108864 + (b >>> 6)) * TWO_POW_MINUS_53; // 53-bit uniform, as uniform()
    const i = (a & 31) | ((b & 7) << 5); // 8 spare bits: the layer
    if (u < INNER[i]) return u * X[i];
    if (i === 0) {
      // Tail beyond r: memorylessness makes it r + Exp(1). Fresh words for the uniform.
      const c = rng.uint32();
      const d = rng.uint32();
      const w = ((c >>> 5) * 67108864 + (d >>> 6)) * TWO_POW_MINUS_53;
      return R - log(1 - w);
    }
    const x = u * X[i];
    // Wedge: accept if a uniform height in [f(X[i]), f(X[i+1])) falls under the curve.
    const c = rng.uint32();
    const d = rng.uint32();
    const w = ((c >>> 5) * 67108864 + (d >>> 6)) * TWO_POW_MINUS_53;
    if (F[i] + w * (F[i + 1] - F[i]) < exp(-x)) return x;
  }
}

/** Exponential with the given mean. */
export function exponential(rng: Uint32Source, mean: number): number {
  return mean * standardExponential(rng);
}

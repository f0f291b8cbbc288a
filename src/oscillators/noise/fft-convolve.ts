import FFT from 'fft.js';

/** FFTs up to this length are kept for reuse (their twiddle tables are 2·size doubles). */
const CACHED_FFT_MAX_SIZE = 2 ** 18;
const fftBySize = new Map<number, FFT>();

/**
 * An fft.js transform of length `size`. Building one computes its twiddle and bit-reversal tables,
 * which dominated the set-up of many short noise series (one per simulated clock in
 * `chronotope bench sync`), so transforms of moderate length are built once and reused; the
 * tables are identical either way, so results do not change.
 */
function fftOfSize(size: number): FFT {
  if (size > CACHED_FFT_MAX_SIZE) return new FFT(size);
  let fft = fftBySize.get(size);
  if (fft === undefined) {
    fft = new FFT(size);
    fftBySize.set(size, fft);
  }
  return fft;
}

/**
 * The first `n` terms of the linear convolution of two real sequences, (a ∗ c)[k] =
 * Σ_{j≤k} a[j] c[k−j] for k < n, computed with one complex FFT of length L ≥ 2n (zero padding
 * makes the circular convolution equal the linear one for the kept terms).
 *
 * Both real inputs are packed into one complex sequence z = a + i·c, so a single forward
 * transform gives both spectra: A[k] = (Z[k] + Z*[L−k]) / 2, C[k] = (Z[k] − Z*[L−k]) / (2i)
 * (the standard two-for-one real-FFT identity, e.g. Press et al., Numerical Recipes, §12.3).
 * The product A·C is transformed back and its real part kept.
 *
 * The FFT is fft.js (radix-4; measured faster than mathjs' `fft`, see bench/README.md). Its
 * twiddle table comes from Math.sin/Math.cos, which V8 computes with its own fdlibm port, so the
 * result is the same bytes on every machine running the same Node major version.
 */
export function convolveTruncated(a: Float64Array, c: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  if (n === 0) return out;
  if (n <= 32) {
    // Tiny inputs: the direct sum is exact enough and avoids FFT set-up.
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let j = 0; j <= k; j++) s += (a[j] ?? 0) * (c[k - j] ?? 0);
      out[k] = s;
    }
    return out;
  }
  let size = 4;
  while (size < 2 * n) size *= 2;
  const fft = fftOfSize(size);
  const z = new Float64Array(2 * size);
  const na = Math.min(n, a.length);
  const nc = Math.min(n, c.length);
  for (let i = 0; i < na; i++) z[2 * i] = a[i];
  for (let i = 0; i < nc; i++) z[2 * i + 1] = c[i];
  const spectrum = new Float64Array(2 * size);
  fft.transform(spectrum, z);
  // Product of the two spectra, written into z (reused as the inverse transform's input).
  for (let k = 0; k < size; k++) {
    const m = k === 0 ? 0 : size - k;
    const zr = spectrum[2 * k];
    const zi = spectrum[2 * k + 1];
    const wr = spectrum[2 * m];
    const wi = -spectrum[2 * m + 1]; // conj(Z[L−k])
    // A = (Z + W)/2, C = (Z − W)/(2i) = (zi − wi)/2 − i (zr − wr)/2
    const ar = (zr + wr) / 2;
    const ai = (zi + wi) / 2;
    const cr = (zi - wi) / 2;
    const ci = -(zr - wr) / 2;
    z[2 * k] = ar * cr - ai * ci;
    z[2 * k + 1] = ar * ci + ai * cr;
  }
  fft.inverseTransform(spectrum, z);
  for (let i = 0; i < n; i++) out[i] = spectrum[2 * i];
  return out;
}

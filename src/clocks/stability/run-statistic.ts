import { InputError } from '../../core/errors.ts';
import { DEFAULT_ALL_TAU_DIVISOR, resolveFactors, type TauSet } from './averaging-factors.ts';
import { confidenceInterval, ONE_SIGMA_CONFIDENCE } from './confidence.ts';
import { greenhallEdf, totdevEdf } from './edf.ts';
import { stabilityMessages } from './messages.ts';
import { identifyNoise, NOISE_NAMES, noiseCacheKey } from './noise-id.ts';
import { toPhase, type DataType } from './phase-data.ts';
import type { KernelResult, StatisticName, StatisticSpec } from './statistic.ts';

/** Options shared by every statistic (allantools-style). */
export interface StabilityOptions {
  /** Sample interval τ0 in seconds (default 1). Give this or `rateHz`. */
  readonly tau0S?: number;
  /** Sample rate in Hz, τ0 = 1/rate. */
  readonly rateHz?: number;
  /** 'phase' (x, seconds; the default) or 'freq' (fractional frequency y). */
  readonly dataType?: DataType;
  /** 'octave' (default), 'decade', 'all', or an explicit list of averaging factors. */
  readonly taus?: TauSet;
  /** Divisor c of Stable32's "all tau" thinning (default 53); see `allFactors`. */
  readonly allTauDivisor?: number;
  /** Confidence level of the interval (default erf(1/√2) ≈ 0.683, "1σ"). */
  readonly confidence?: number;
  /** Noise type for the EDF: 'auto' (identify per τ, the default) or a fixed α from −4 to 2. */
  readonly noiseAlpha?: 'auto' | number;
  /**
   * Identified noise types to share between calls on the same data (key: averaging factor and
   * difference order). Give one `new Map()` to several statistics of one series so the lag-1 ACF
   * runs once per τ instead of once per statistic; never share it between different data.
   */
  readonly noiseCache?: Map<string, number>;
  /**
   * Kernel results to share between statistics of the same series (key: statistic, points, m,
   * τ0): TDEV then reuses MDEV's sums instead of recomputing them (bit-identical results). Same
   * rule as `noiseCache`: one map per series.
   */
  readonly kernelCache?: Map<string, KernelResult>;
}

/** Result of one statistic over a set of averaging factors; arrays are parallel. */
export interface StabilityResult {
  readonly statistic: StatisticName;
  /** Unit of `devs`: 'fractional' (dimensionless frequency) or 's' (TDEV, MTIE, TIE rms). */
  readonly unit: 'fractional' | 's';
  readonly tau0S: number;
  /** Number of phase points the statistic saw (N frequency values give N + 1). */
  readonly phasePoints: number;
  readonly averagingFactors: Int32Array;
  readonly tausS: Float64Array;
  readonly devs: Float64Array;
  /** Confidence interval bounds; NaN where the statistic has none (TIE, MTIE). */
  readonly devsLow: Float64Array;
  readonly devsHigh: Float64Array;
  /** Equivalent degrees of freedom behind the interval (NaN where none). */
  readonly edfs: Float64Array;
  /** Number of terms averaged (Stable32's `n`). */
  readonly terms: Int32Array;
  /** Dominant power-law exponent α used for the interval (NaN where none). */
  readonly noiseAlphas: Float64Array;
  /** α as a name: WPM, FPM, WFM, FFM, RWFM, FWFM, RRFM ('' where none). */
  readonly noiseTypes: readonly string[];
}

/** τ0 in seconds from `tau0S` / `rateHz`, validated. */
export function resolveTau0(options: StabilityOptions): number {
  if (options.rateHz !== undefined) {
    if (!(Number.isFinite(options.rateHz) && options.rateHz > 0)) throw new InputError(stabilityMessages.badRate(options.rateHz));
    return 1 / options.rateHz;
  }
  const tau0S = options.tau0S ?? 1;
  if (!(Number.isFinite(tau0S) && tau0S > 0)) throw new InputError(stabilityMessages.badTau0(tau0S));
  return tau0S;
}

/** Lowest α with a valid EDF for difference order d (Greenhall needs α + 2d > 1). */
function clampAlpha(alpha: number, d: number): number {
  return Math.max(2 - 2 * d, Math.min(2, alpha));
}

/**
 * Evaluates one statistic on phase or frequency data at each requested averaging factor, with
 * noise identification, EDF and confidence interval per τ.
 */
export function runStatistic<C>(spec: StatisticSpec<C>, data: ArrayLike<number>, options: StabilityOptions = {}): StabilityResult {
  const tau0S = resolveTau0(options);
  const dataType = options.dataType ?? 'phase';
  // Work at a scale where squares of differences cannot overflow or underflow (see `workScale`):
  // identical to the plain computation for ordinary data and τ0, which are never rescaled.
  const { phase, tau0WorkS, toFractional, toSeconds } = workScale(data, dataType, tau0S);
  const unscale = spec.unit === 's' ? toSeconds : toFractional;
  const n = phase.length;
  if (n < 3) throw new InputError(stabilityMessages.noUsableTaus(spec.name, n));
  const factors = resolveFactors(
    options.taus ?? 'octave', spec.name, n, spec.autoMaxAf(n), spec.maxAf(n), options.allTauDivisor ?? DEFAULT_ALL_TAU_DIVISOR,
  );
  const level = options.confidence ?? ONE_SIGMA_CONFIDENCE;
  const fixedAlpha = options.noiseAlpha ?? 'auto';
  if (fixedAlpha !== 'auto' && !(Number.isInteger(fixedAlpha) && fixedAlpha >= -4 && fixedAlpha <= 2)) {
    throw new InputError(`noise alpha must be 'auto' or an integer from -4 to 2, got ${fixedAlpha}`);
  }
  const maxAf = Math.max(...factors);
  let context: C | undefined; // prepared on the first kernel call (not at all if the cache has every m)
  let prepared = false;
  const kernelCache = options.kernelCache;
  const kernelAt = (m: number): KernelResult => {
    const own = `${spec.name}:${n}:${m}:${tau0S}`;
    const hit = kernelCache?.get(own);
    if (hit) return hit;
    const base = spec.derivedFrom && kernelCache?.get(`${spec.derivedFrom.statistic}:${n}:${m}:${tau0S}`);
    let r: KernelResult;
    if (base && spec.derivedFrom) {
      r = { dev: spec.derivedFrom.scale(base.dev, m, tau0S), terms: base.terms };
    } else {
      if (!prepared) { context = spec.prepare(phase, maxAf); prepared = true; }
      const worked = spec.kernel(phase, m, tau0WorkS, context as C);
      r = unscale === 1 ? worked : { dev: worked.dev * unscale, terms: worked.terms };
    }
    kernelCache?.set(own, r);
    return r;
  };
  const count = factors.length;
  const result = {
    statistic: spec.name,
    unit: spec.unit,
    tau0S,
    phasePoints: n,
    averagingFactors: Int32Array.from(factors),
    tausS: new Float64Array(count),
    devs: new Float64Array(count),
    devsLow: new Float64Array(count).fill(NaN),
    devsHigh: new Float64Array(count).fill(NaN),
    edfs: new Float64Array(count).fill(NaN),
    terms: new Int32Array(count),
    noiseAlphas: new Float64Array(count).fill(NaN),
    noiseTypes: new Array<string>(count).fill(''),
  };
  for (let k = 0; k < count; k++) {
    const m = factors[k];
    const { dev, terms } = kernelAt(m);
    if (!Number.isFinite(dev)) throw new InputError(stabilityMessages.overflow(spec.name, m * tau0S, maxAbs(data)));
    result.tausS[k] = m * tau0S;
    result.devs[k] = dev;
    result.terms[k] = terms;
    const interval = spec.interval;
    if (interval.kind === 'none') continue;
    const dMax = spec.noiseIdMaxDifferences;
    const key = fixedAlpha === 'auto' && options.noiseCache ? noiseCacheKey(n, m, dMax, dataType, terms) : '';
    let alpha = fixedAlpha === 'auto' ? options.noiseCache?.get(key) : fixedAlpha;
    // Too few averages left: keep the previous τ's noise type, as Stable32 does (see
    // `noiseIdMinAverages`).
    if (fixedAlpha === 'auto' && k > 0 && Math.floor((n - 1) / m) < spec.noiseIdMinAverages) {
      const previous = result.noiseAlphas[k - 1];
      if (!Number.isNaN(previous)) alpha = previous;
    }
    if (alpha === undefined) {
      alpha = identifyNoise(phase, m, dMax, dataType, terms).alpha;
      options.noiseCache?.set(key, alpha);
    }
    result.noiseAlphas[k] = alpha;
    result.noiseTypes[k] = NOISE_NAMES[alpha] ?? '';
    const edf = interval.kind === 'totdev'
      ? totdevEdf(alpha, m, n)
      : greenhallEdf({
        alpha: clampAlpha(alpha, interval.d), d: interval.d, m, points: n,
        overlapping: interval.overlapping, modified: interval.modified,
      });
    result.edfs[k] = edf;
    const ci = confidenceInterval(dev, edf, level);
    if (!Number.isFinite(ci.high)) throw new InputError(stabilityMessages.overflow(spec.name, m * tau0S, maxAbs(data)));
    result.devsLow[k] = ci.low;
    result.devsHigh[k] = ci.high;
  }
  return result;
}

/** Data magnitudes and τ0 within 2^±150 are used as given (squares of 2^150·2^24 terms fit). */
const SAFE_EXPONENT = 150;

/** The power of two that brings `v` near 1 when |v| is outside 2^±SAFE_EXPONENT, else 1. */
function powerOfTwoScale(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return 1;
  const e = Math.floor(Math.log2(Math.abs(v)));
  // Capped so the factor itself is a double (subnormal v such as 1e-320 has e = -1063).
  return Math.abs(e) <= SAFE_EXPONENT ? 1 : 2 ** Math.max(-1000, Math.min(1000, -e));
}

function maxAbs(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) { const a = Math.abs(data[i]); if (a > m) m = a; }
  return m;
}

/**
 * Every statistic is homogeneous: scaling the data by a and τ0 by b scales a fractional
 * deviation by a/b and a deviation in seconds (TDEV, MTIE, TIE rms) by a; noise identification
 * and EDF depend on neither. Data near 1e154, or `--data freq --tau0 1e300`, would overflow the
 * squares inside the kernels (Infinity, NaN noise types), so such data and τ0 are scaled by
 * powers of two (exact in binary floating point) and the deviations scaled back. Returns the
 * phase to work on, the τ0 to work with, and the factors from working to true deviations.
 */
function workScale(data: ArrayLike<number>, dataType: 'phase' | 'freq', tau0S: number) {
  const dataScale = powerOfTwoScale(maxAbs(data)); // NaN/Infinity are rejected by toPhase
  const tauScale = powerOfTwoScale(tau0S);
  const tau0WorkS = tau0S * tauScale;
  let input: ArrayLike<number> = data;
  if (dataScale !== 1) {
    const scaled = new Float64Array(data.length);
    for (let i = 0; i < scaled.length; i++) scaled[i] = data[i] * dataScale;
    input = scaled;
  }
  const phase = toPhase(input, dataType, tau0WorkS);
  // Phase from frequency is integrated with the working τ0, so it carries τ0's scale too (and
  // stays finite: |y| ≤ 2^150 after scaling, τ0 ≤ 2^150, at most 2^31 terms).
  const phaseScale = dataType === 'freq' ? dataScale * tauScale : dataScale;
  return { phase, tau0WorkS, toFractional: tauScale / phaseScale, toSeconds: 1 / phaseScale };
}

/**
 * What the generic runner needs to know about one statistic. Each statistic lives in its own
 * file (`adev.ts`, `oadev.ts`, …) and exports one of these plus its public function.
 */

/** The statistics this module computes, by their allantools/Stable32 names. */
export const STATISTIC_NAMES = ['adev', 'oadev', 'mdev', 'tdev', 'hdev', 'ohdev', 'totdev', 'mtie', 'tierms'] as const;
export type StatisticName = (typeof STATISTIC_NAMES)[number];

/** One evaluated point: the deviation and the number of terms (Stable32's `n`). */
export interface KernelResult {
  readonly dev: number;
  readonly terms: number;
}

/**
 * How confidence intervals are found for a statistic:
 * - `greenhall`: EDF from Greenhall & Riley 2003 with d (2 Allan, 3 Hadamard), overlapping
 *   (stride S = m) and modified (filter F = 1) flags, noise type from the lag-1 ACF;
 * - `totdev`: EDF from NIST SP 1065 Table 7 (eq. 44 form b·(T/τ) − c);
 * - `none`: TIE/MTIE have no chi-squared interval.
 */
export type IntervalMethod =
  | { readonly kind: 'greenhall'; readonly d: 2 | 3; readonly overlapping: boolean; readonly modified: boolean }
  | { readonly kind: 'totdev' }
  | { readonly kind: 'none' };

export interface StatisticSpec<Context = unknown> {
  readonly name: StatisticName;
  /** Human-readable name, for plots and tables. */
  readonly title: string;
  /** Whether the result is a time (TDEV, MTIE, TIE rms: seconds) or a fractional frequency. */
  readonly unit: 'fractional' | 's';
  /** Largest averaging factor the named sets (octave/decade/all) go to, Stable32's stopping rule. */
  autoMaxAf(points: number): number;
  /** Largest averaging factor that still leaves at least one term. */
  maxAf(points: number): number;
  /** Work shared by all averaging factors (prefix sums, reflected extension), done once. */
  prepare(phase: Float64Array, maxAf: number): Context;
  /** The deviation at averaging factor m on phase data x (seconds) sampled every tau0S. */
  kernel(phase: Float64Array, m: number, tau0S: number, context: Context): KernelResult;
  readonly interval: IntervalMethod;
  /**
   * A statistic that is another one rescaled (TDEV = τ/√3 · MDEV): with a shared kernel cache the
   * runner takes the other's result for the same m instead of recomputing it.
   */
  readonly derivedFrom?: { readonly statistic: StatisticName; scale(dev: number, m: number, tau0S: number): number };
  /** Highest number of differences the lag-1 ACF noise identification may take (2 Allan, 3 Hadamard). */
  readonly noiseIdMaxDifferences: 2 | 3;
  /**
   * Fewest frequency averages ⌊(N−1)/m⌋ for which the noise type is identified afresh; at larger m
   * the run keeps the α of its previous τ. Stable32's behaviour, twice its stop ratio: 10 for ADEV
   * and HDEV (stop at (N−1)/5), 8 for OADEV, MDEV, TDEV and OHDEV ((N−1)/4), 4 for TOTDEV ((N−1)/2).
   * Inferred from the Stable32 tables shipped with allantools, which it reproduces row for row.
   */
  readonly noiseIdMinAverages: number;
}

import { InputError } from '../../core/errors.ts';
import { stabilityMessages } from './messages.ts';

/**
 * Which averaging factors m (τ = m·τ0) to evaluate: Stable32's named sets or an explicit list.
 * The named sets stop at the statistic's own largest usable factor (see each statistic's
 * `autoMaxAf`); an explicit list is taken as given and must be computable.
 */
export type TauSet = 'octave' | 'decade' | 'all' | readonly number[];

/** Divisor c of Stable32's "all tau" thinning used when none is given (see `allFactors`). */
export const DEFAULT_ALL_TAU_DIVISOR = 53;

/** 1, 2, 4, 8, … up to `maxAf` (Stable32 "octave"). */
export function octaveFactors(maxAf: number): number[] {
  const out: number[] = [];
  for (let m = 1; m <= maxAf; m *= 2) out.push(m);
  return out;
}

/** 1, 2, 4, 10, 20, 40, 100, … up to `maxAf` (Stable32 "decade", as in its Cs 5071A tables). */
export function decadeFactors(maxAf: number): number[] {
  const out: number[] = [];
  for (let decade = 1; decade <= maxAf; decade *= 10) {
    for (const k of [1, 2, 4]) if (k * decade <= maxAf) out.push(k * decade);
  }
  return out;
}

/**
 * Stable32's "all tau" set: every factor up to c, then ever wider steps so the points stay roughly
 * evenly spaced on a log axis: m(k+1) = m(k) + 1 + ⌊m(k)/c⌋. This rule reproduces the `af`
 * column of every all-tau table shipped with allantools (PHASE.DAT: c = 71; OCXO and the pink
 * ADEV/HDEV tables: c = 53; the other pink tables: c = 42 — the constant depends on the Stable32
 * run, so it is a parameter).
 */
export function allFactors(maxAf: number, divisor = DEFAULT_ALL_TAU_DIVISOR): number[] {
  if (!(Number.isSafeInteger(divisor) && divisor >= 1)) throw new InputError(stabilityMessages.badAveragingFactor(divisor));
  const out: number[] = [];
  for (let m = 1; m <= maxAf; m += 1 + Math.floor(m / divisor)) out.push(m);
  return out;
}

/** Parses a `--taus` value: a set name or a comma-separated list of averaging factors. */
export function parseTauSet(text: string): TauSet {
  const t = text.trim();
  if (t === 'octave' || t === 'decade' || t === 'all') return t;
  const parts = t.split(',').map((s) => s.trim());
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p))) throw new InputError(stabilityMessages.badTauSet(text));
  const factors = parts.map(Number);
  if (factors.some((m) => !Number.isSafeInteger(m) || m < 1)) throw new InputError(stabilityMessages.badTauSet(text));
  return factors;
}

/**
 * The averaging factors to evaluate for a statistic on N phase points. Named sets stop at
 * `autoMaxAf`; an explicit factor beyond `maxAf` (where the statistic has no terms left) is an
 * InputError rather than a silently dropped row.
 */
export function resolveFactors(
  set: TauSet, stat: string, points: number, autoMaxAf: number, maxAf: number, divisor = DEFAULT_ALL_TAU_DIVISOR,
): number[] {
  if (typeof set === 'string') {
    const out = set === 'octave' ? octaveFactors(autoMaxAf) : set === 'decade' ? decadeFactors(autoMaxAf) : allFactors(autoMaxAf, divisor);
    if (out.length === 0) throw new InputError(stabilityMessages.noUsableTaus(stat, points));
    return out;
  }
  for (const m of set) {
    if (!(Number.isSafeInteger(m) && m >= 1)) throw new InputError(stabilityMessages.badAveragingFactor(m));
    if (m > maxAf) {
      throw maxAf < 1
        ? new InputError(stabilityMessages.noUsableTaus(stat, points))
        : new InputError(stabilityMessages.unsupportedAveragingFactor(stat, m, points, maxAf));
    }
  }
  return [...set];
}

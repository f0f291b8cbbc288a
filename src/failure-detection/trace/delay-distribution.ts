import erfc from '@stdlib/math-base-special-erfc';
import { InputError } from '../../core/errors.ts';
import { logNormal, pareto, type RandomStream } from '../../core/random/index.ts';
import { detectMessages } from '../messages.ts';

/**
 * A one-way message delay distribution, in seconds. The CLI's `--delay` spells it:
 * - `exp:MEAN`: exponential with mean MEAN seconds;
 * - `lognormal:MU,SIGMA`: ln(delay / 1 s) ~ N(MU, SIGMA²), so the median is e^MU seconds;
 * - `pareto:XM,ALPHA`: Pareto type I, P(delay > x) = (XM/x)^ALPHA for x ≥ XM seconds.
 */
export type DelayDistribution =
  | { readonly kind: 'exp'; readonly meanS: number }
  | { readonly kind: 'lognormal'; readonly mu: number; readonly sigma: number }
  | { readonly kind: 'pareto'; readonly xMinS: number; readonly alpha: number };

/** Draws one delay in seconds. */
export function drawDelayS(rng: RandomStream, d: DelayDistribution): number {
  switch (d.kind) {
    case 'exp': return rng.exponential(d.meanS);
    case 'lognormal': return logNormal(rng, d.mu, d.sigma);
    case 'pareto': return pareto(rng, d.xMinS, d.alpha);
  }
}

/** Mean delay in seconds (Infinity for a Pareto tail with alpha ≤ 1). */
export function meanDelayS(d: DelayDistribution): number {
  switch (d.kind) {
    case 'exp': return d.meanS;
    case 'lognormal': return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case 'pareto': return d.alpha > 1 ? (d.alpha * d.xMinS) / (d.alpha - 1) : Infinity;
  }
}

/** P(delay > x) for x in seconds: what the NFD-S formulas need (Chen, Toueg, Aguilera 2002). */
export function delayTailProbability(d: DelayDistribution, xS: number): number {
  if (xS <= 0) return 1;
  switch (d.kind) {
    case 'exp': return Math.exp(-xS / d.meanS);
    case 'lognormal': {
      if (d.sigma === 0) return Math.log(xS) < d.mu ? 1 : 0;
      const z = (Math.log(xS) - d.mu) / d.sigma;
      return 0.5 * erfc(z / Math.SQRT2);
    }
    case 'pareto': return xS < d.xMinS ? 1 : (d.xMinS / xS) ** d.alpha;
  }
}

function positive(spec: string, text: string, what: string): number {
  const v = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(v) || !(v > 0)) throw new InputError(detectMessages.badDelayParameter(spec, what));
  return v;
}

/** Parses `exp:MEAN`, `lognormal:MU,SIGMA` or `pareto:XM,ALPHA`; bad input throws InputError. */
export function parseDelay(spec: string): DelayDistribution {
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const args = colon < 0 ? [] : spec.slice(colon + 1).split(',');
  if (kind === 'exp' && args.length === 1) {
    return { kind, meanS: positive(spec, args[0], 'a mean delay in seconds > 0') };
  }
  if (kind === 'lognormal' && args.length === 2) {
    const mu = args[0].trim() === '' ? NaN : Number(args[0]);
    if (!Number.isFinite(mu)) throw new InputError(detectMessages.badDelayParameter(spec, 'MU, a finite mean of ln(delay / 1 s)'));
    return { kind, mu, sigma: positive(spec, args[1], 'SIGMA, a standard deviation of ln(delay / 1 s) > 0') };
  }
  if (kind === 'pareto' && args.length === 2) {
    return {
      kind,
      xMinS: positive(spec, args[0], 'XM, a minimum delay in seconds > 0'),
      alpha: positive(spec, args[1], 'ALPHA, a tail index > 0'),
    };
  }
  throw new InputError(detectMessages.badDelaySpec(spec));
}

/** The spec string back (for output and notebook captions). */
export function formatDelay(d: DelayDistribution): string {
  switch (d.kind) {
    case 'exp': return `exp:${d.meanS}`;
    case 'lognormal': return `lognormal:${d.mu},${d.sigma}`;
    case 'pareto': return `pareto:${d.xMinS},${d.alpha}`;
  }
}

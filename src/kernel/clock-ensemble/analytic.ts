import type { ClockEnsembleParams } from './params.ts';

/**
 * Σ_{a=1..n} Σ_{b=1..n} min(a, b) = n(n+1)(2n+1)/6: the variance, in units of (σ_r·τ0)², that n
 * steps of random-walk FM add to the phase (derived in src/kernel/README.md).
 */
export function sumOfMinima(n: number): number {
  return (n * (n + 1) * (2 * n + 1)) / 6;
}

/**
 * E[x²] of one clock's offset after `updates` steps of the clock-ensemble model without frequency
 * steering (frequencyGain = 0). With t = m·K the step of the last of m syncs and n = updates − t:
 *
 *   x = −e + Σ_{i=t+1}^{t+n} (y_i + σ_w w_i)·τ0,   y_i = y_0 + σ_r Σ_{j≤i} z_j,
 *   Var x = [m > 0]·J²/2 + n·σ_w²τ0² + n²τ0²σ_0² + σ_r²τ0²·(n²·t + n(n+1)(2n+1)/6),
 *   E x   = −[m > 0]·A/2,
 *
 * where e = (A + J(E_f − E_b))/2 is the two-way error (E_f, E_b unit exponentials: Var = J²/2).
 */
export function expectedOffsetSquareS2(params: ClockEnsembleParams, updates: number): number {
  const k = params.syncIntervalSteps;
  const tau2 = params.stepS * params.stepS;
  const syncs = Math.floor(updates / k);
  const t = syncs * k;
  const n = updates - t;
  const synced = syncs > 0;
  const variance = (synced ? (params.jitterS * params.jitterS) / 2 : 0)
    + n * params.whiteFmSigma * params.whiteFmSigma * tau2
    + n * n * tau2 * params.initialSkewSigma * params.initialSkewSigma
    + params.randomWalkFmSigma * params.randomWalkFmSigma * tau2 * (n * n * t + sumOfMinima(n));
  const mean = synced ? -params.asymmetryS / 2 : 0;
  return variance + mean * mean;
}

/** The expected offsetRmsS² of a run: E[x²] averaged over its steps (frequencyGain = 0). */
export function expectedOffsetMeanSquareS2(params: ClockEnsembleParams): number {
  if (params.frequencyGain !== 0) throw new RangeError('the closed form holds without frequency steering (frequencyGain = 0)');
  let sum = 0;
  for (let c = 1; c <= params.steps; c++) sum += expectedOffsetSquareS2(params, c);
  return sum / params.steps;
}

import { delayTailProbability, type DelayDistribution } from '../trace/delay-distribution.ts';

/**
 * Closed-form QoS of NFD-S, derived here in the model of Chen, Toueg and Aguilera (2002):
 * heartbeats m_i sent at σ_i = iη, each lost with probability p_L, else delayed by an i.i.d. D
 * with CDF F; freshness points τ_i = σ_i + δ.
 *
 * 1. Where is q suspecting? At t = τ_i + x, x ∈ [0, η), q trusts iff some m_j, j ≥ i, has
 *    arrived, i.e. D_j ≤ t − σ_j = δ + x − (j − i)η. The messages are independent, so
 *      u(x) := P(suspect at τ_i + x) = Π_{k≥0, kη ≤ δ+x} [1 − (1 − p_L)·F(δ + x − kη)].
 * 2. When does it start suspecting? Inside (τ_i, τ_{i+1}) q can only go from suspecting to
 *    trusting, so S-transitions happen only at freshness points. There is one at τ_i iff q
 *    trusted just before τ_i — which, with no m_j (j ≥ i) yet, needs m_{i−1} by τ_i, i.e.
 *    D_{i−1} ≤ δ + η — and no m_j (j ≥ i) by τ_i. These involve disjoint messages:
 *      p_S = (1 − p_L)·F(δ + η)·u(0).
 * 3. S-transitions form a stationary sequence on the grid τ_i with rate p_S per period:
 *      E(T_MR) = η / p_S.
 * 4. The fraction of time suspecting is (1/η)∫_0^η u(x) dx, so
 *      P_A = 1 − (1/η)∫_0^η u(x) dx,
 *    and by Chen et al.'s Theorem 1 (P_A = 1 − E(T_M)/E(T_MR)):
 *      E(T_M) = ∫_0^η u(x) dx / p_S.
 * 5. Detection: after a crash the last freshness point that a received heartbeat covers is
 *    τ_{J+1}, J the last heartbeat sent, so T_D ≤ η + δ (the bound of Chen et al. §4).
 *
 * Check case (the issue's): η = 1 s, δ = 1 s, p_L = 0.01, exponential D with mean 20 ms gives
 * E(T_MR) ≈ 101 s, E(T_M) ≈ 0.030 s, P_A ≈ 0.9997. Tests compare all of these with the
 * simulated detector (test/failure-detection/nfd-s-analytic.test.ts).
 */
export interface NfdSAnalyticQos {
  readonly mistakeRecurrenceS: number;
  readonly mistakeDurationS: number;
  readonly queryAccuracy: number;
  /** Probability of an S-transition at a freshness point. */
  readonly pS: number;
  readonly maxDetectionTimeS: number;
}

/** u(x): the probability that q suspects at τ_i + x (step 1 above). */
export function nfdSSuspectProbability(xS: number, etaS: number, deltaS: number, lossProbability: number, delay: DelayDistribution): number {
  let product = 1;
  for (let k = 0; k * etaS <= deltaS + xS; k++) {
    const cdf = 1 - delayTailProbability(delay, deltaS + xS - k * etaS);
    product *= 1 - (1 - lossProbability) * cdf;
  }
  return product;
}

/**
 * ∫_0^η u(x) dx by composite Simpson's rule on `panels` panels. Written by hand: it is eight
 * lines, and u is smooth between the points x = kη − δ where a factor joins the product, which
 * are panel edges when η/panels divides δ; the default 20,000 panels resolve u's decay at the
 * delay's time scale for delays down to η/1000.
 */
function integrateSuspicion(etaS: number, deltaS: number, lossProbability: number, delay: DelayDistribution, panels: number): number {
  const h = etaS / panels;
  let sum = 0;
  for (let k = 0; k < panels; k++) {
    const a = k * h;
    sum += nfdSSuspectProbability(a, etaS, deltaS, lossProbability, delay)
      + 4 * nfdSSuspectProbability(a + h / 2, etaS, deltaS, lossProbability, delay)
      + nfdSSuspectProbability(a + h, etaS, deltaS, lossProbability, delay);
  }
  return (sum * h) / 6;
}

export function nfdSAnalyticQos(etaS: number, deltaS: number, lossProbability: number, delay: DelayDistribution, panels = 20_000): NfdSAnalyticQos {
  const u0 = nfdSSuspectProbability(0, etaS, deltaS, lossProbability, delay);
  const pS = (1 - lossProbability) * (1 - delayTailProbability(delay, deltaS + etaS)) * u0;
  const suspectIntegral = integrateSuspicion(etaS, deltaS, lossProbability, delay, panels);
  return {
    mistakeRecurrenceS: etaS / pS,
    mistakeDurationS: suspectIntegral / pS,
    queryAccuracy: 1 - suspectIntegral / etaS,
    pS,
    maxDetectionTimeS: etaS + deltaS,
  };
}

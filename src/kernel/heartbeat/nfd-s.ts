/**
 * Closed forms of the NFD-S detector's QoS (Chen, Toueg & Aguilera, "On the quality of service
 * of failure detectors", IEEE Trans. Computers 51(5), 2002, Theorem 5), for independent message
 * delays D with survival function Pr(D > t) and loss probability p_L:
 *
 *   p_j(x) = p_L + (1 − p_L)·Pr(D > δ + x − jη)        (m_{i+j} not arrived by τ_i + x)
 *   u(x)   = Π_{j ≥ 0} p_j(x)                            (suspecting at τ_i + x)
 *   p_s    = (1 − p_L)·Pr(D < δ + η)·u(0)                (a mistake starts at τ_i)
 *   E(T_MR) = η / p_s,   E(T_M) = ∫_0^η u(x) dx / p_s,   P_A = 1 − ∫_0^η u(x) dx / η.
 */
export interface NfdSQos {
  readonly mistakeRecurrenceS: number;
  readonly mistakeDurationS: number;
  readonly availability: number;
}

export function nfdSQos(etaS: number, deltaS: number, lossProbability: number, delaySurvival: (tS: number) => number): NfdSQos {
  const survival = (t: number) => (t < 0 ? 1 : delaySurvival(t));
  const u = (x: number) => {
    let product = 1;
    for (let j = 0; j * etaS <= deltaS + x; j++) product *= lossProbability + (1 - lossProbability) * survival(deltaS + x - j * etaS);
    return product;
  };
  // Composite Simpson's rule on each piece between the kinks x = jη − δ of u.
  const edges = [0, etaS];
  for (let j = 1; j * etaS - deltaS < etaS; j++) if (j * etaS - deltaS > 0) edges.push(j * etaS - deltaS);
  edges.sort((a, b) => a - b);
  let integral = 0;
  const pieces = 20_000;
  for (let e = 0; e + 1 < edges.length; e++) {
    const a = edges[e], b = edges[e + 1], h = (b - a) / pieces;
    let sum = u(a) + u(b);
    for (let k = 1; k < pieces; k++) sum += (k % 2 === 1 ? 4 : 2) * u(a + k * h);
    integral += (sum * h) / 3;
  }
  const ps = (1 - lossProbability) * (1 - survival(deltaS + etaS)) * u(0);
  return { mistakeRecurrenceS: etaS / ps, mistakeDurationS: integral / ps, availability: 1 - integral / etaS };
}

/** NFD-S QoS for exponential delays of the given mean. */
export function nfdSQosExponential(etaS: number, deltaS: number, lossProbability: number, meanDelayS: number): NfdSQos {
  return nfdSQos(etaS, deltaS, lossProbability, (t) => Math.exp(-t / meanDelayS));
}

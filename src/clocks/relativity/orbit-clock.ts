import { SPEED_OF_LIGHT_M_PER_S } from '../../core/units/index.ts';
import { GM_EARTH_M3_PER_S2, L_G } from './constants.ts';

const C2 = SPEED_OF_LIGHT_M_PER_S * SPEED_OF_LIGHT_M_PER_S;

/** Eccentric anomaly E from the mean anomaly M by Newton's method on Kepler's equation E − e sin E = M. */
export function eccentricAnomaly(meanAnomaly: number, e: number): number {
  let E = e < 0.8 ? meanAnomaly : Math.PI;
  for (let k = 0; k < 30; k++) {
    const dE = (E - e * Math.sin(E) - meanAnomaly) / (1 - e * Math.cos(E));
    E -= dE;
    if (Math.abs(dE) < 1e-15) break;
  }
  return E;
}

/**
 * A satellite clock on a Kepler orbit (semi-major axis a, eccentricity e), integrated in time:
 * its offset from a geoid clock after `durationS`, from the rate L_G − GM/(rc²) − v²/(2c²) with
 * r and v² = GM(2/r − 1/a) from Kepler's equation at each step (composite Simpson's rule,
 * `stepS`). The analytic result (Ashby 2003 eqs. 31–32) is the constant rate L_G − 3GM/(2ac²)
 * plus the periodic term −2√(GMa)·e·sin E / c², which GPS receivers correct with F·e·√a·sin E.
 */
export function integrateOrbitClock(a: number, e: number, durationS: number, stepS = 1, gm = GM_EARTH_M3_PER_S2): number {
  const n = Math.sqrt(gm / (a * a * a));
  const rate = (t: number) => {
    const E = eccentricAnomaly(n * t, e);
    const r = a * (1 - e * Math.cos(E));
    const v2 = gm * (2 / r - 1 / a);
    return L_G - gm / (r * C2) - v2 / (2 * C2);
  };
  const steps = 2 * Math.ceil(durationS / stepS / 2);
  const h = durationS / steps;
  let sum = rate(0) + rate(durationS);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * rate(i * h);
  return (sum * h) / 3;
}

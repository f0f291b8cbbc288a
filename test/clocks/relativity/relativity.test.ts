import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GPS_F_S_PER_SQRT_M, GPS_FACTORY_OFFSET, GPS_SEMI_MAJOR_AXIS_M, GM_EARTH_M3_PER_S2, circularOrbitRateParts,
  circularOrbitRateVsGeoid, eccentricAnomaly, integrateOrbitClock, lorentzFactor, swarmExchange,
} from '../../../src/clocks/relativity/index.ts';
import { SPEED_OF_LIGHT_M_PER_S } from '../../../src/core/units/index.ts';

const DAY_S = 86400;

test('GPS: +45.7 µs/day gravitational, −7.2 µs/day velocity, net +38.6 µs/day, the IS-GPS-200 offset', () => {
  // Constants: GM (IERS 2010), L_G (IAU 2000 B1.9), a = 26,561.75 km (Ashby 2003).
  const rate = circularOrbitRateVsGeoid(GPS_SEMI_MAJOR_AXIS_M);
  // IS-GPS-200 §3.3.1.1: the satellite clocks are set 4.4647e-10 low to cancel this.
  assert.ok(Math.abs(rate + GPS_FACTORY_OFFSET) < 2e-14, `${rate}`);
  const netUsPerDay = rate * DAY_S * 1e6;
  assert.ok(netUsPerDay > 38 && netUsPerDay < 39, `${netUsPerDay}`); // "+38 µs/day"
  const parts = circularOrbitRateParts(GPS_SEMI_MAJOR_AXIS_M);
  // Ashby 2003 §5: about 45.7 µs/day faster from the weaker potential, 7.1–7.2 µs/day slower from speed.
  assert.ok(Math.abs(parts.gravitational * DAY_S * 1e6 - 45.7) < 0.1);
  assert.ok(Math.abs(parts.velocity * DAY_S * 1e6 + 7.2) < 0.1);
  // 10.23 MHz × (1 − 4.4647e-10) = 10.22999999543 MHz.
  assert.ok(Math.abs(10.23e6 * (1 + GPS_FACTORY_OFFSET) - 10.22999999543e6) < 1e-4);
});

test('the rate by numerical integration along an orbit equals the closed form, with the eccentricity term', () => {
  const a = GPS_SEMI_MAJOR_AXIS_M;
  // Circular: the integral over a day is the constant rate times a day.
  const circular = integrateOrbitClock(a, 0, DAY_S, 10);
  assert.ok(Math.abs(circular - circularOrbitRateVsGeoid(a) * DAY_S) < 1e-12, `${circular}`);
  // e = 0.02 (GPS orbits are below 0.02): the periodic part is F·e·√a·sin E with F = −2√GM/c²
  // (IS-GPS-200 §20.3.3.3.3.1), amplitude ≈ 46 ns at e = 0.01.
  const F = (-2 * Math.sqrt(GM_EARTH_M3_PER_S2)) / SPEED_OF_LIGHT_M_PER_S ** 2;
  // IS-GPS-200 computes F with its own μ = 3.986005e14 (vs IERS 3.986004418e14): 7·10^-8 apart.
  assert.ok(Math.abs(F / GPS_F_S_PER_SQRT_M - 1) < 1e-7);
  assert.ok(Math.abs((-2 * Math.sqrt(3.986005e14)) / SPEED_OF_LIGHT_M_PER_S ** 2 / GPS_F_S_PER_SQRT_M - 1) < 1e-9);
  const e = 0.02;
  const n = Math.sqrt(GM_EARTH_M3_PER_S2 / a ** 3);
  for (const t of [3000, 10_000, 21_541]) {
    const integrated = integrateOrbitClock(a, e, t, 1);
    const E = eccentricAnomaly(n * t, e);
    const analytic = circularOrbitRateVsGeoid(a) * t + F * e * Math.sqrt(a) * Math.sin(E);
    assert.ok(Math.abs(integrated - analytic) < 1e-12, `t = ${t}: ${integrated} vs ${analytic}`);
  }
});

test('probe swarm at 0.2 c: two-way exchange reports vL/c² — relativity of simultaneity', () => {
  const L = 1e6; // 1000 km apart (proper), along the motion
  const x = swarmExchange(L, 0.2);
  assert.ok(Math.abs(x.gamma - 1 / Math.sqrt(1 - 0.04)) < 1e-15);
  assert.ok(Math.abs(lorentzFactor(0.2 * SPEED_OF_LIGHT_M_PER_S) - 1.0206207261596576) < 1e-15);
  // vL/c² = 0.2 × 10^6 m / c = 667.128 µs.
  assert.ok(Math.abs(x.simultaneityS - (0.2 * L) / SPEED_OF_LIGHT_M_PER_S) < 1e-18);
  assert.ok(Math.abs(x.offsetS - x.simultaneityS) < 1e-15, `${x.offsetS} vs ${x.simultaneityS}`);
  // In the swarm's frame the round trip is 2L/c of proper time, the same as at rest.
  assert.ok(Math.abs(x.t4 - x.t1 - (2 * L) / SPEED_OF_LIGHT_M_PER_S) < 1e-15);
  // At rest the exchange sees no offset.
  assert.equal(swarmExchange(L, 0).offsetS, 0);
});

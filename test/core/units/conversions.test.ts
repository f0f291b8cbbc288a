import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cableDelayS, fractionToPpb, fractionToPpm, lightTimeS, offsetFromSkewS, ppbToFraction, ppmToFraction, nsToS, sToNs,
} from '../../../src/core/units/conversions.ts';
import { LIGHT_YEAR_M, VACUUM_DELAY_NS_PER_M, SPEED_OF_LIGHT_M_PER_S, JULIAN_YEAR_S } from '../../../src/core/units/constants.ts';

test('light-time reference values', () => {
  // Vacuum: 3.336 ns per metre (issue 2; 1/c with c = 299 792 458 m/s exact, SI Brochure 2019).
  assert.equal(VACUUM_DELAY_NS_PER_M.toFixed(3), '3.336');
  assert.equal(sToNs(lightTimeS(1)).toFixed(3), '3.336');
  // The light-year is c × 365.25 d exactly (IAU 2012 B2): c × Julian year.
  assert.equal(SPEED_OF_LIGHT_M_PER_S * JULIAN_YEAR_S, LIGHT_YEAR_M);
  // Proxima Centauri at 4.246 ly is 4.25 years away one way, 8.49 years round trip (issue 2).
  const oneWayYears = lightTimeS(4.246 * LIGHT_YEAR_M) / JULIAN_YEAR_S;
  assert.equal(oneWayYears.toFixed(2), '4.25');
  assert.equal((2 * oneWayYears).toFixed(2), '8.49');
  // Earth–Moon mean distance 384 400 km: about 1.28 s one way (NASA Moon fact sheet).
  assert.equal(lightTimeS(384_400_000).toFixed(2), '1.28');
});

test('cable delay: 5 ns per metre by default', () => {
  assert.equal(sToNs(cableDelayS(1)), 5);
  assert.equal(sToNs(cableDelayS(100)), 500);
  assert.equal(sToNs(cableDelayS(2, 4.9)), 9.8);
});

test('ppm and ppb', () => {
  assert.equal(ppmToFraction(1), 1e-6);
  assert.equal(ppbToFraction(1), 1e-9);
  assert.equal(fractionToPpm(2.5e-6), 2.5);
  assert.equal(fractionToPpb(2.5e-9), 2.5);
  // 1 ppm of skew accumulates 1 µs per second, 86.4 ms per day.
  assert.equal(offsetFromSkewS(1, 1), 1e-6);
  assert.ok(Math.abs(offsetFromSkewS(1, 86400) - 0.0864) < 1e-15);
  assert.equal(nsToS(sToNs(0.25)), 0.25);
});

// NBS14 data sets (NIST SP 1065, Riley 2008, §12.1 and Table 31) and the exact invariant cases
// of data/reference/stability/invariant-vectors.json.
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { StabilityOptions, StabilityResult } from '../../../src/clocks/stability/index.ts';
import { frequencyToPhase } from '../../../src/clocks/stability/phase-data.ts';
import { assertClose, REFERENCE_DIR } from './reference.ts';

type Statistic = (data: ArrayLike<number>, options?: StabilityOptions) => StabilityResult;

/** NBS14 10-point frequency data (SP 1065 §12.1). */
export const NBS14_10 = [892, 809, 823, 798, 671, 644, 883, 903, 677];

/** NBS14 1000-point data: y[i] = n[i]/2147483647, n[0] = 1234567890, n[i+1] = 16807·n[i] mod (2^31 − 1). */
export function nbs14Thousand(): Float64Array {
  const y = new Float64Array(1000);
  let n = 1234567890;
  for (let i = 0; i < 1000; i++) {
    y[i] = n / 2147483647;
    n = (16807 * n) % 2147483647; // exact: 16807·n < 2^53
  }
  return y;
}

/** Checks the 10-point values at τ = 1, 2 and the 1000-point values at τ = 1, 10, 100, from frequency and from phase. */
export function checkNbs14(stat: Statistic, ten: number[], thousand: number[]): void {
  for (const input of ['freq', 'phase'] as const) {
    test(`NBS14 10-point and 1000-point values from ${input} data`, () => {
      const y10 = Float64Array.from(NBS14_10);
      const y1000 = nbs14Thousand();
      const d10 = input === 'freq' ? y10 : frequencyToPhase(y10, 1);
      const d1000 = input === 'freq' ? y1000 : frequencyToPhase(y1000, 1);
      const r10 = stat(d10, { dataType: input, tau0S: 1, taus: [1, 2] });
      const r1000 = stat(d1000, { dataType: input, tau0S: 1, taus: [1, 10, 100] });
      ten.forEach((v, k) => assertClose(r10.devs[k], v, 1e-4, `10-point tau=${k + 1}`));
      thousand.forEach((v, k) => assertClose(r1000.devs[k], v, 1e-4, `1000-point tau=${[1, 10, 100][k]}`));
    });
  }
}

/** Exact cases computed with allantools (data/reference/stability/invariant-vectors.json). */
export function checkInvariants(name: string, stat: Statistic): void {
  const json = JSON.parse(readFileSync(REFERENCE_DIR + 'invariant-vectors.json', 'utf8'));
  const n = 1001;
  // Inputs as the JSON note describes them: quadratic phase 0.5·D·t² (D = 1e-9), linear phase,
  // and alternating ±1 phase; tau0 = 1.
  const quadratic = Float64Array.from({ length: n }, (_, t) => 0.5 * 1e-9 * t * t);
  const linear = Float64Array.from({ length: n }, (_, t) => 2e-6 * t);
  const alternating = Float64Array.from({ length: n }, (_, t) => (t % 2 === 0 ? 1 : -1));
  const cases: [string, Float64Array, number][] = [
    ['quadratic_phase_D1e-9', quadratic, 1e-15],
    ['linear_phase', linear, 1e-15],
    ['alternating_pm1', alternating, 1e-12],
  ];
  for (const [key, data, floor] of cases) {
    const expected: [number, number][] | undefined = json.results[key][name];
    if (!expected) continue;
    test(`invariant case ${key}`, () => {
      const r = stat(data, { dataType: 'phase', tau0S: 1, taus: expected.map(([tau]) => tau) });
      expected.forEach(([tau, v], k) => {
        // Values that are zero in exact arithmetic (HDEV of a quadratic, anything of a straight
        // line) only have to be zero to rounding: below `floor` relative to the data scale.
        if (Math.abs(v) < floor) {
          if (!(Math.abs(r.devs[k]) < floor)) throw new Error(`tau=${tau}: expected ~0, got ${r.devs[k]}`);
        } else {
          assertClose(r.devs[k], v, 1e-9, `${key} tau=${tau}`);
        }
      });
    });
  }
}

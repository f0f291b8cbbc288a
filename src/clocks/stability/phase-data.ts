import { InputError } from '../../core/errors.ts';
import { stabilityMessages } from './messages.ts';

/** Whether a series holds phase (time error x, seconds) or fractional frequency (y, unitless). */
export type DataType = 'phase' | 'freq';

/** Compensated (Neumaier) sum, so a mean of 10^7 values keeps full double precision. */
export function accurateSum(values: Float64Array): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
    s = t;
  }
  return s + c;
}

/**
 * Fractional-frequency data to phase, the Stable32 way (Riley, NIST SP 1065 §4 and eq. 3,
 * x(i+1) = x(i) + y(i)·τ0): subtract the mean of y, integrate by a running sum times tau0, and
 * prepend x = 0, so N frequency values give N+1 phase values. Removing the mean only removes a
 * phase ramp, which no Allan-family statistic sees but which would dominate TIE and MTIE.
 * The running sum is compensated so long records do not accumulate rounding error.
 */
export function frequencyToPhase(freq: Float64Array, tau0S: number): Float64Array {
  const n = freq.length;
  const phase = new Float64Array(n + 1);
  if (n === 0) return phase;
  const mean = accurateSum(freq) / n;
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = (freq[i] - mean) * tau0S;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
    s = t;
    phase[i + 1] = s + c;
  }
  return phase;
}

/**
 * Absolute frequency readings in Hz to fractional frequency, y = (f − f0)/f0, against the
 * nominal frequency f0 (not the mean, so a real offset from nominal stays visible).
 */
export function fractionalFrequency(frequencyHz: Float64Array, nominalHz: number): Float64Array {
  if (!(Number.isFinite(nominalHz) && nominalHz > 0)) throw new InputError(stabilityMessages.badNominal(nominalHz));
  const y = new Float64Array(frequencyHz.length);
  for (let i = 0; i < y.length; i++) y[i] = (frequencyHz[i] - nominalHz) / nominalHz;
  return y;
}

/** Throws InputError naming the first NaN or infinite value. */
export function assertFinite(values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new InputError(stabilityMessages.nonFiniteValue(i));
  }
}

/** The phase series (seconds) a statistic works on, whatever the input type. */
export function toPhase(data: ArrayLike<number>, dataType: DataType, tau0S: number): Float64Array {
  if (!(Number.isFinite(tau0S) && tau0S > 0)) throw new InputError(stabilityMessages.badTau0(tau0S));
  if (dataType !== 'phase' && dataType !== 'freq') throw new InputError(stabilityMessages.badDataType(String(dataType)));
  assertFinite(data);
  const values = data instanceof Float64Array ? data : Float64Array.from(data);
  return dataType === 'phase' ? values : frequencyToPhase(values, tau0S);
}

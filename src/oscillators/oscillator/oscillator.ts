import { InputError } from '../../core/errors.ts';
import {
  MAX_NOISE_SAMPLES, NOISE_TYPES, isNoiseType, noiseTypeInfo, powerLawPhase, type NoiseLevel, type NoiseType,
} from '../noise/index.ts';
import { oscillatorMessages } from './messages.ts';

/** Seconds per day, for aging given per day. */
const SECONDS_PER_DAY = 86400;

/**
 * A free-running oscillator (clock) relative to ideal time, in the standard model of
 * NIST SP 1065 (Riley 2008) §3 and ITU-T G.810: the time error is
 *   x(t) = x0 + y0 t + (D/2) t² + x_noise(t),
 * with phase offset x0 (s), fractional frequency offset y0 (skew), linear frequency aging
 * D = dy/dt (1/s), and x_noise a sum of independent power-law noises (Kasdin & Walter 1992).
 */
export interface OscillatorModel {
  /** x0: phase (time) offset at t = 0, seconds. */
  readonly phaseOffsetS?: number;
  /** y0: fractional frequency offset (dimensionless, e.g. 1e-9). */
  readonly frequencyOffset?: number;
  /** y0 in parts per billion (1 ppb = 1e-9); give this or frequencyOffset. */
  readonly skewPpb?: number;
  /** D: linear aging, change of fractional frequency per second (1/s). */
  readonly agingPerS?: number;
  /** D in change of fractional frequency per day; give this or agingPerS. */
  readonly agingPerDay?: number;
  /** Power-law noises by type, each with its level (h_α, ADEV at tauS, or Q_d). */
  readonly noise?: Partial<Record<NoiseType, NoiseLevel>>;
}

export interface OscillatorRun {
  /** Number of samples. */
  readonly n: number;
  /** Sampling interval τ0 in seconds (default 1). */
  readonly tau0S?: number;
  /** Seed of the project's Philox random streams. */
  readonly seed: number;
  /** Oscillator stream id (default 0); noise type k uses random stream 8·stream + k. */
  readonly stream?: number;
  /** 'phase' (x, seconds; default) or 'freq' (fractional frequency averaged over each τ0). */
  readonly data?: 'phase' | 'freq';
}

/** Largest oscillator stream id: 8·stream + 7 must stay below 2^53. */
export const MAX_OSCILLATOR_STREAM = Math.floor((Number.MAX_SAFE_INTEGER - 7) / 8);

/**
 * Random stream id of one noise type of oscillator `stream`: 8·stream + k with k the type's
 * position in NOISE_TYPES (wpm 0 … rwfm 4; 5–7 spare). Each type has its own stream, so adding
 * or removing one noise type leaves the samples of the others unchanged, and each component can
 * be regenerated alone with powerLawPhase.
 */
export function oscillatorNoiseStream(stream: number, type: NoiseType): number {
  return 8 * stream + noiseTypeInfo(type).index;
}

interface Deterministic {
  x0: number;
  y0: number;
  d: number;
}

function finite(field: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(oscillatorMessages.badNumber(field, value));
  return value;
}

function resolveModel(model: OscillatorModel): Deterministic {
  const x0 = finite('phaseOffsetS', model.phaseOffsetS) ?? 0;
  const y = finite('frequencyOffset', model.frequencyOffset);
  const ppb = finite('skewPpb', model.skewPpb);
  if (y !== undefined && ppb !== undefined) throw new InputError(oscillatorMessages.bothGiven('frequencyOffset', 'skewPpb'));
  const perS = finite('agingPerS', model.agingPerS);
  const perDay = finite('agingPerDay', model.agingPerDay);
  if (perS !== undefined && perDay !== undefined) throw new InputError(oscillatorMessages.bothGiven('agingPerS', 'agingPerDay'));
  for (const key of Object.keys(model.noise ?? {})) {
    if (!isNoiseType(key)) throw new InputError(oscillatorMessages.unknownNoiseType(key, NOISE_TYPES));
  }
  return { x0, y0: y ?? (ppb ?? 0) * 1e-9, d: perS ?? (perDay ?? 0) / SECONDS_PER_DAY };
}

/**
 * Samples the oscillator at t_i = i τ0, i = 0 … n−1, as phase x_i (seconds) or as fractional
 * frequency y_i = (x_{i+1} − x_i)/τ0, the average over [t_i, t_{i+1}] (NIST SP 1065 §4.1). The
 * deterministic part of y_i is evaluated in closed form, y0 + D (i + ½) τ0, rather than by
 * differencing x, so a large phase offset cannot cancel away the noise. The same model and run
 * give the same bytes.
 */
export function simulateOscillator(model: OscillatorModel, run: OscillatorRun): Float64Array {
  const { x0, y0, d } = resolveModel(model);
  const stream = run.stream ?? 0;
  if (!Number.isSafeInteger(stream) || stream < 0 || stream > MAX_OSCILLATOR_STREAM) {
    throw new InputError(oscillatorMessages.badStream(stream, MAX_OSCILLATOR_STREAM));
  }
  const data = run.data ?? 'phase';
  if (data !== 'phase' && data !== 'freq') throw new InputError(oscillatorMessages.badData(data));
  const tau0S = run.tau0S ?? 1;
  if (!(typeof tau0S === 'number' && Number.isFinite(tau0S) && tau0S > 0)) throw new InputError(oscillatorMessages.badTau0(tau0S));
  const maxN = data === 'phase' ? MAX_NOISE_SAMPLES : MAX_NOISE_SAMPLES - 1;
  if (!Number.isSafeInteger(run.n) || run.n < 1 || run.n > maxN) throw new InputError(oscillatorMessages.badCount(run.n, maxN));
  if (!Number.isSafeInteger(run.seed) || run.seed < 0) throw new InputError(oscillatorMessages.badSeed(run.seed));
  const phasePoints = data === 'phase' ? run.n : run.n + 1;
  // Noise phase, summed in the fixed order of NOISE_TYPES so the result is reproducible.
  let noise: Float64Array | undefined;
  for (const type of NOISE_TYPES) {
    const level = model.noise?.[type];
    if (level === undefined) continue;
    const x = powerLawPhase({
      type, n: phasePoints, seed: run.seed, stream: oscillatorNoiseStream(stream, type), tau0S, level,
    });
    if (noise === undefined) noise = x;
    else for (let i = 0; i < x.length; i++) noise[i] += x[i];
  }
  const out = new Float64Array(run.n);
  for (let i = 0; i < run.n; i++) {
    const t = i * tau0S;
    if (data === 'phase') {
      out[i] = x0 + y0 * t + 0.5 * d * t * t + (noise ? noise[i] : 0);
    } else {
      out[i] = y0 + d * (i + 0.5) * tau0S + (noise ? (noise[i + 1] - noise[i]) / tau0S : 0);
    }
  }
  return out;
}

import { InputError } from '../../core/errors.ts';
import type { RandomStream } from '../../core/random/index.ts';
import type { OscillatorModel } from '../../oscillators/oscillator/index.ts';
import { clockMessages } from './messages.ts';

/**
 * Typical figures of the four classes of oscillator a node may carry, from the "Oscillator
 * Comparison" table of J. R. Vig, *Quartz Crystal Resonators and Oscillators for Frequency
 * Control and Timing Applications — A Tutorial* (US Army CECOM, rev. 8.5.x, 2004), §7:
 *
 * | class | accuracy (per year) | aging / year | σ_y(τ = 1 s) |
 * |---|---|---|---|
 * | quartz TCXO | 2e-6 | 5e-7 | 1e-9 |
 * | quartz OCXO | 1e-8 | 5e-9 | 1e-12 |
 * | rubidium | 5e-10 | 2e-10 | 3e-12 |
 * | cesium | 2e-11 | 0 | 5e-11 |
 *
 * The accuracy is the spread of the initial frequency offset; σ_y(1 s) is the short-term
 * stability, modelled here as white FM at that Allan deviation plus a flicker-FM floor a decade
 * below it (the usual shape of a quartz or atomic standard's σ_y(τ) curve; NIST SP 1065 §5.2).
 */
export interface OscillatorClass {
  readonly name: OscillatorClassName;
  readonly accuracy: number;
  readonly agingPerYear: number;
  readonly adevAt1s: number;
}

export const OSCILLATOR_CLASS_NAMES = ['tcxo', 'ocxo', 'rb', 'cs'] as const;
export type OscillatorClassName = (typeof OSCILLATOR_CLASS_NAMES)[number];

export const OSCILLATOR_CLASSES: Readonly<Record<OscillatorClassName, OscillatorClass>> = {
  tcxo: { name: 'tcxo', accuracy: 2e-6, agingPerYear: 5e-7, adevAt1s: 1e-9 },
  ocxo: { name: 'ocxo', accuracy: 1e-8, agingPerYear: 5e-9, adevAt1s: 1e-12 },
  rb: { name: 'rb', accuracy: 5e-10, agingPerYear: 2e-10, adevAt1s: 3e-12 },
  cs: { name: 'cs', accuracy: 2e-11, agingPerYear: 0, adevAt1s: 5e-11 },
};

const SECONDS_PER_YEAR = 365.25 * 86400;

export function oscillatorClass(name: string): OscillatorClass {
  if (!(OSCILLATOR_CLASS_NAMES as readonly string[]).includes(name)) {
    throw new InputError(clockMessages.unknownClass(name, OSCILLATOR_CLASS_NAMES));
  }
  return OSCILLATOR_CLASSES[name as OscillatorClassName];
}

/**
 * One oscillator of the class: a frequency offset uniform in ±accuracy and a phase offset uniform
 * in ±`phaseSpreadS`, both drawn from `rng`; aging at the class's yearly rate; white FM at the
 * class's σ_y(1 s) and flicker FM a tenth of it.
 */
export function drawOscillator(name: OscillatorClassName, rng: RandomStream, phaseSpreadS = 0): OscillatorModel {
  const c = oscillatorClass(name);
  return {
    frequencyOffset: c.accuracy * (2 * rng.uniform() - 1),
    phaseOffsetS: phaseSpreadS * (2 * rng.uniform() - 1),
    agingPerS: c.agingPerYear / SECONDS_PER_YEAR,
    noise: { wfm: { adev: c.adevAt1s, tauS: 1 }, ffm: { adev: c.adevAt1s / 10, tauS: 1 } },
  };
}

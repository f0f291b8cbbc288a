/** Public API of the clock model: true ↔ local time from an oscillator, steered by steps and slews. */
export { ADJTIMEX_MAX_FREQUENCY_PPB, ADJTIME_SLEW_PPM, Clock } from './clock.ts';
export type { ClockOptions, TemperatureWander } from './clock.ts';
export {
  OSCILLATOR_CLASSES, OSCILLATOR_CLASS_NAMES, drawOscillator, oscillatorClass,
} from './oscillator-classes.ts';
export type { OscillatorClass, OscillatorClassName } from './oscillator-classes.ts';
export { clockMessages } from './messages.ts';

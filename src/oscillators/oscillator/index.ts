/** Public API of the oscillator (clock) model: offsets, skew, aging and power-law noise. */
export { MAX_OSCILLATOR_STREAM, oscillatorNoiseStream, simulateOscillator } from './oscillator.ts';
export type { OscillatorModel, OscillatorRun } from './oscillator.ts';
export { oscillatorMessages } from './messages.ts';

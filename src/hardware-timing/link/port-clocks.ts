import { InputError } from '../../core/errors.ts';
import { RandomStream } from '../../core/random/index.ts';
import { simulateOscillator, type OscillatorModel } from '../../oscillators/oscillator/index.ts';
import { MAX_NOISE_SAMPLES } from '../../oscillators/noise/index.ts';
import { CLOCK_TOLERANCE_PPM } from '../phy/index.ts';
import { linkMessages } from './messages.ts';

export interface PortClockOptions {
  /** Each port's fixed frequency offset, drawn uniformly in ±maxOffsetPpm (default 100, the IEEE 802.3 tolerance). */
  maxOffsetPpm?: number;
  /** Or the offsets themselves, ppm, one per port (global port id order). */
  offsetsPpm?: readonly number[];
  /** Wander: power-law frequency noise of the oscillator model, sampled every tau0S over horizonS. */
  wander?: { noise: OscillatorModel['noise']; tau0S: number; horizonS: number };
}

/** Random stream ids of the clocks: offsets, core-clock phases; wander uses the oscillator streams 1 + port. */
const OFFSET_STREAM = 0x1000;
const PHASE_STREAM = 0x1001;

/**
 * One clock domain per port: the port's oscillator runs at nominal × (1 + y(t)), with y(t) its
 * fixed offset plus, optionally, wander from the oscillator model (`simulateOscillator`, fractional
 * frequency averaged over each τ0, held constant within it). Durations timed by a port's clock
 * are nominal / (1 + y): a fast port sends a frame in less time.
 */
export class PortClocks {
  /** Fixed fractional offset per port. */
  readonly offsets: Float64Array;
  /** Phase of each port's core clock at t = 0, as a fraction of a cycle in [0, 1). */
  readonly phases: Float64Array;
  private readonly wander: Float64Array[] | undefined;
  private readonly tau0Ps: number;

  constructor(ports: number, seed: number, o: PortClockOptions = {}) {
    this.offsets = new Float64Array(ports);
    if (o.offsetsPpm !== undefined) {
      if (o.offsetsPpm.length !== ports) throw new InputError(linkMessages.badConfig('clocks.offsetsPpm', `${o.offsetsPpm.length} values`, `${ports} values (one per port)`));
      o.offsetsPpm.forEach((ppm, i) => {
        if (!(Number.isFinite(ppm) && Math.abs(ppm) <= CLOCK_TOLERANCE_PPM)) throw new InputError(linkMessages.badConfig(`clocks.offsetsPpm[${i}]`, ppm, 'a number of ppm from -100 to 100'));
        this.offsets[i] = ppm * 1e-6;
      });
    } else {
      const max = o.maxOffsetPpm ?? CLOCK_TOLERANCE_PPM;
      if (!(Number.isFinite(max) && max >= 0 && max <= CLOCK_TOLERANCE_PPM)) throw new InputError(linkMessages.badConfig('clocks.maxOffsetPpm', max, 'a number of ppm from 0 to 100'));
      const rng = new RandomStream(seed, OFFSET_STREAM);
      for (let p = 0; p < ports; p++) this.offsets[p] = (2 * rng.uniform() - 1) * max * 1e-6;
    }
    const phaseRng = new RandomStream(seed, PHASE_STREAM);
    this.phases = new Float64Array(ports);
    for (let p = 0; p < ports; p++) this.phases[p] = phaseRng.uniform();
    this.tau0Ps = 1;
    if (o.wander) {
      const { noise, tau0S, horizonS } = o.wander;
      if (!(Number.isFinite(tau0S) && tau0S > 0)) throw new InputError(linkMessages.badConfig('clocks.wander.tau0S', tau0S, 'a number of seconds > 0'));
      if (!(Number.isFinite(horizonS) && horizonS > 0)) throw new InputError(linkMessages.badConfig('clocks.wander.horizonS', horizonS, 'a number of seconds > 0'));
      const n = Math.ceil(horizonS / tau0S) + 1;
      if (n > MAX_NOISE_SAMPLES - 1) throw new InputError(linkMessages.badConfig('clocks.wander', `${n} samples`, `at most ${MAX_NOISE_SAMPLES - 1} (raise tau0S)`));
      this.tau0Ps = tau0S * 1e12;
      this.wander = [];
      for (let p = 0; p < ports; p++) {
        this.wander.push(simulateOscillator({ noise }, { n, tau0S, seed, stream: 1 + p, data: 'freq' }));
      }
    }
  }

  /** 1 + y of a port at time tPs: the factor its rates are multiplied (and durations divided) by. */
  factor(port: number, tPs: number): number {
    if (this.wander === undefined) return 1 + this.offsets[port];
    const w = this.wander[port];
    const i = Math.min(w.length - 1, Math.max(0, Math.floor(tPs / this.tau0Ps)));
    return 1 + this.offsets[port] + w[i];
  }
}

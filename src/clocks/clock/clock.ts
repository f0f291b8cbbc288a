import { InputError } from '../../core/errors.ts';
import { simulateOscillator, type OscillatorModel } from '../../oscillators/oscillator/index.ts';
import { clockMessages } from './messages.ts';

/**
 * A sinusoidal temperature wander of the fractional frequency, y_T(t) = A sin(2π t / P): the
 * daily or air-conditioning cycle of a crystal oscillator's environment, mapped through its
 * frequency-temperature curve (J. R. Vig, "Quartz Crystal Resonators and Oscillators", tutorial,
 * 2004, ch. 4). Its phase is the integral, (A P / 2π)(1 − cos(2π t / P)).
 */
export interface TemperatureWander {
  /** Amplitude A of the fractional frequency excursion, in parts per billion. */
  readonly amplitudePpb: number;
  /** Period P of the cycle, seconds (e.g. 86400 for a day, 900 for an air-conditioning cycle). */
  readonly periodS: number;
}

export interface ClockOptions {
  /** The free-running oscillator: phase offset, skew, aging and power-law noise (NIST SP 1065 §3). */
  readonly oscillator: OscillatorModel;
  /** Span of true time the clock must cover, seconds (its noise is generated for [0, spanS]). */
  readonly spanS: number;
  /** Sampling interval of the oscillator noise, seconds; phase is interpolated linearly between samples (default 1). */
  readonly noiseTau0S?: number;
  /** Seed and stream of the oscillator's Philox random streams. */
  readonly seed: number;
  readonly stream?: number;
  readonly temperature?: TemperatureWander;
  /**
   * Largest frequency adjustment the steering accepts, parts per billion. Linux's adjtimex allows
   * ±500 ppm (MAXFREQ, 500,000 ppb; kernel/time/ntp.c), linuxptp's default `max_frequency` is
   * 900,000,000 ppb (config.c) and is clamped by the PHC's own limit. Default 500,000 ppb.
   */
  readonly maxFrequencyPpb?: number;
  /** Rate at which `slew` removes a phase error, parts per million: adjtime(3) slews at 500 ppm (default). */
  readonly maxSlewPpm?: number;
}

/** adjtime(3) on Linux slews at 500 ppm (0.5 ms per second): SINGLESHOT_ADJ in kernel/time/ntp.c. */
export const ADJTIME_SLEW_PPM = 500;
/** adjtimex's frequency limit, MAXFREQ = 500 ppm (kernel/time/ntp.c, include/linux/timex.h). */
export const ADJTIMEX_MAX_FREQUENCY_PPB = 500_000;

const anyNumber = () => true;

function check(field: string, what: string, value: unknown, ok: (v: number) => boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) throw new InputError(clockMessages.badNumber(field, what, value));
  return value;
}

/**
 * A clock: maps true time to local time and back, from an oscillator, and can be steered.
 *
 * Local time L(t) = t + e(t), where the clock error e(t) (ns) is the oscillator's time error
 * x(t) (offset, skew, aging, noise, temperature) plus what the steering has done. Steering works
 * as a PHC or the kernel clock does: a frequency adjustment a scales the oscillator's rate, so
 * over an interval where a is constant dL/dt = (1 + a)(1 + dx/dt), hence
 *   e(t) = e(t0) + a (t − t0) + (1 + a)(x(t) − x(t0));
 * a step adds a constant; a slew removes a phase error at a bounded rate (adjtime). All steering
 * calls must come in non-decreasing true time: the clock keeps the anchor e(t0) of the last one.
 *
 * Times: true time in seconds (t), clock error and local time offsets in nanoseconds.
 */
export class Clock {
  readonly spanS: number;
  readonly maxFrequencyPpb: number;
  readonly maxSlewPpm: number;
  private readonly tau0S: number;
  private readonly phaseNs: Float64Array;
  private readonly temperature: TemperatureWander | undefined;
  /** True time of the last steering action, s. */
  private anchorS = 0;
  /** Clock error at anchorS, ns. */
  private anchorErrorNs: number;
  /** Oscillator time error x at anchorS, ns. */
  private anchorOscNs: number;
  /** Frequency adjustment a (fractional) in force since anchorS. */
  private adjust = 0;
  /** Slew in progress: signed rate (fractional) and the true time it ends. */
  private slewRate = 0;
  private slewEndS = 0;
  /** Steps taken and their total, for reports. */
  stepCount = 0;

  constructor(options: ClockOptions) {
    this.spanS = check('spanS', 'a number of seconds > 0', options.spanS, (v) => v > 0);
    this.tau0S = check('noiseTau0S', 'a number of seconds > 0', options.noiseTau0S ?? 1, (v) => v > 0);
    this.maxFrequencyPpb = check('maxFrequencyPpb', 'a number > 0', options.maxFrequencyPpb ?? ADJTIMEX_MAX_FREQUENCY_PPB, (v) => v > 0);
    this.maxSlewPpm = check('maxSlewPpm', 'a number > 0', options.maxSlewPpm ?? ADJTIME_SLEW_PPM, (v) => v > 0);
    if (options.temperature !== undefined) {
      check('temperature.amplitudePpb', 'a finite number', options.temperature.amplitudePpb, anyNumber);
      check('temperature.periodS', 'a number of seconds > 0', options.temperature.periodS, (v) => v > 0);
    }
    this.temperature = options.temperature;
    const n = Math.ceil(this.spanS / this.tau0S) + 2;
    const x = simulateOscillator(options.oscillator, { n, tau0S: this.tau0S, seed: options.seed, stream: options.stream ?? 0 });
    this.phaseNs = x.map((v) => v * 1e9);
    this.anchorOscNs = this.oscillatorErrorNs(0);
    this.anchorErrorNs = this.anchorOscNs;
  }

  /** The free-running oscillator's time error x(t) in ns (no steering), linear between samples. */
  oscillatorErrorNs(trueS: number): number {
    if (!(trueS >= 0 && trueS <= this.spanS)) throw new InputError(clockMessages.outsideSpan(trueS, this.spanS));
    const u = trueS / this.tau0S;
    const i = Math.min(Math.floor(u), this.phaseNs.length - 2);
    const f = u - i;
    let x = this.phaseNs[i] + f * (this.phaseNs[i + 1] - this.phaseNs[i]);
    const w = this.temperature;
    if (w !== undefined) {
      const omega = (2 * Math.PI) / w.periodS;
      x += (w.amplitudePpb / omega) * (1 - Math.cos(omega * trueS));
    }
    return x;
  }

  /** Clock error e(t) = L(t) − t in ns at true time t (s), steering included. */
  errorNs(trueS: number): number {
    return this.errorWithOscillatorNs(trueS, this.oscillatorErrorNs(trueS));
  }

  /** errorNs(trueS) given the oscillator's x(trueS), ns: steering reads x once, not twice. */
  private errorWithOscillatorNs(trueS: number, oscillatorNs: number): number {
    const dt = trueS - this.anchorS;
    let e = this.anchorErrorNs + this.adjust * dt * 1e9 + (1 + this.adjust) * (oscillatorNs - this.anchorOscNs);
    if (this.slewRate !== 0) e += this.slewRate * (Math.min(trueS, this.slewEndS) - this.anchorS) * 1e9;
    return e;
  }

  /** Local time at true time t, in ns (t·10^9 + e(t)). */
  localNs(trueS: number): number {
    return trueS * 1e9 + this.errorNs(trueS);
  }

  /**
   * True time (s) at which the clock reads `localNs`: the inverse of localNs, by fixed-point
   * iteration t ← (L − e(t))/10^9, which converges because |de/dt| ≪ 1.
   */
  trueTimeS(localNs: number): number {
    let t = localNs / 1e9;
    for (let k = 0; k < 8; k++) {
      const next = Math.min(this.spanS, Math.max(0, (localNs - this.errorNs(t)) / 1e9));
      if (Math.abs(next - t) < 1e-15 * Math.max(1, Math.abs(t))) return next;
      t = next;
    }
    return t;
  }

  /** The frequency adjustment in force, ppb. */
  get frequencyAdjustmentPpb(): number {
    return this.adjust * 1e9;
  }

  /** Folds everything up to `trueS` into the anchor, so the next steering starts there. */
  private reanchor(trueS: number): void {
    if (trueS < this.anchorS) throw new InputError(clockMessages.backwards(trueS, this.anchorS));
    const oscillatorNs = this.oscillatorErrorNs(trueS);
    const e = this.errorWithOscillatorNs(trueS, oscillatorNs);
    if (this.slewRate !== 0 && trueS >= this.slewEndS) this.slewRate = 0;
    this.anchorErrorNs = e;
    this.anchorOscNs = oscillatorNs;
    this.anchorS = trueS;
    if (this.slewRate !== 0) this.slewEndS = Math.max(this.slewEndS, trueS);
  }

  /** Steps the clock by `deltaNs` at true time t (settimeofday, clock_settime, PHC adjtime). */
  step(trueS: number, deltaNs: number): void {
    check('deltaNs', 'a finite number of ns', deltaNs, anyNumber);
    this.reanchor(trueS);
    this.anchorErrorNs += deltaNs;
    this.stepCount++;
  }

  /**
   * Sets the frequency adjustment to `ppb` (positive: the clock runs faster), clamped to
   * ±maxFrequencyPpb as adjtimex and the PHC drivers clamp it. Returns the value applied.
   */
  setFrequencyPpb(trueS: number, ppb: number): number {
    check('ppb', 'a finite number', ppb, anyNumber);
    this.reanchor(trueS);
    const applied = Math.max(-this.maxFrequencyPpb, Math.min(this.maxFrequencyPpb, ppb));
    this.adjust = applied * 1e-9;
    return applied;
  }

  /**
   * Slews the phase by `deltaNs` (positive: the clock moves ahead) at the slew rate, as adjtime(3)
   * does: it takes |delta| / rate to complete; a new slew replaces the rest of an old one.
   * Returns the true time (s) at which it completes.
   */
  slew(trueS: number, deltaNs: number): number {
    check('deltaNs', 'a finite number of ns', deltaNs, anyNumber);
    this.reanchor(trueS);
    this.slewRate = 0;
    if (deltaNs === 0) return trueS;
    const rate = this.maxSlewPpm * 1e-6;
    this.slewRate = Math.sign(deltaNs) * rate;
    this.slewEndS = trueS + Math.abs(deltaNs) * 1e-9 / rate;
    return this.slewEndS;
  }
}

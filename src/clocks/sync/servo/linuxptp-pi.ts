/**
 * The PI servo of linuxptp (pi.c, R. Cochran; behaviour read from the source, not copied), with
 * its defaults from config.c. Input: offset (ns, slave minus master) and the local time stamp
 * (ns); output: the frequency correction ppb that clock.c applies as clockadj_set_freq(−ppb), so
 * a positive offset slows the clock.
 *
 * Gains scale with the sync interval I (pi_sync_interval):
 *   kp = kp_scale · I^kp_exponent, capped at kp_norm_max / I,
 *   ki = ki_scale · I^ki_exponent, capped at ki_norm_max / I,
 * with kp_scale 0.7 and ki_scale 0.3 for hardware time stamps (0.1 and 0.001 for software),
 * kp_exponent −0.3, ki_exponent 0.4, kp_norm_max 0.7, ki_norm_max 0.3.
 *
 * States (pi_sample): the first sample is stored; the second, once at least 0.016/ki seconds
 * later (capped at 1000 s, +0.1 % margin), gives a frequency estimate
 *   drift += (1e9 − drift)·(o1 − o0)/(l1 − l0)
 * and a jump (step by −offset) when the offset exceeds first_step_threshold (20 µs) or
 * step_threshold; after that each sample gives ppb = kp·o + drift + ki·o and adds ki·o to drift
 * unless ppb hits ±max_frequency.
 */
export const HWTS_KP_SCALE = 0.7;
export const HWTS_KI_SCALE = 0.3;
export const SWTS_KP_SCALE = 0.1;
export const SWTS_KI_SCALE = 0.001;
export const PI_KP_EXPONENT = -0.3;
export const PI_KI_EXPONENT = 0.4;
export const PI_KP_NORM_MAX = 0.7;
export const PI_KI_NORM_MAX = 0.3;
/** first_step_threshold default, 20 µs (config.c: 0.00002 s). */
export const FIRST_STEP_THRESHOLD_NS = 20_000;
/** max_frequency default, 900,000,000 ppb (config.c). */
export const PI_MAX_FREQUENCY_PPB = 900_000_000;
const FREQ_EST_MARGIN = 0.001;

/** The servo's state after a sample, as linuxptp names them (servo.h enum servo_state). */
export type ServoState = 'unlocked' | 'jump' | 'locked';

export interface PiGains {
  readonly kp: number;
  readonly ki: number;
}

/** kp and ki for a sync interval (s), hardware or software time stamps (pi_sync_interval). */
export function piGains(intervalS: number, hardwareTimestamps = true): PiGains {
  const kpScale = hardwareTimestamps ? HWTS_KP_SCALE : SWTS_KP_SCALE;
  const kiScale = hardwareTimestamps ? HWTS_KI_SCALE : SWTS_KI_SCALE;
  const kp = Math.min(kpScale * intervalS ** PI_KP_EXPONENT, PI_KP_NORM_MAX / intervalS);
  const ki = Math.min(kiScale * intervalS ** PI_KI_EXPONENT, PI_KI_NORM_MAX / intervalS);
  return { kp, ki };
}

export interface PiSample {
  readonly ppb: number;
  readonly state: ServoState;
}

export interface PiServoOptions {
  readonly intervalS: number;
  readonly hardwareTimestamps?: boolean;
  /** Explicit gains (pi_proportional_const / pi_integral_const) instead of the scaled ones. */
  readonly gains?: PiGains;
  readonly firstStepThresholdNs?: number;
  /** step_threshold (0 = never step after the first update; linuxptp's default). */
  readonly stepThresholdNs?: number;
  readonly maxFrequencyPpb?: number;
  /** Initial frequency adjustment (fadj), ppb. */
  readonly initialPpb?: number;
}

export class LinuxptpPiServo {
  readonly kp: number;
  readonly ki: number;
  private drift: number;
  private lastPpb: number;
  private count = 0;
  private offset0 = 0;
  private local0 = 0;
  private firstUpdate = true;
  /** The state after the last sample. */
  lastState: ServoState = 'unlocked';
  private readonly firstStepThresholdNs: number;
  private readonly stepThresholdNs: number;
  private readonly maxFrequencyPpb: number;

  constructor(options: PiServoOptions) {
    const gains = options.gains ?? piGains(options.intervalS, options.hardwareTimestamps ?? true);
    this.kp = gains.kp;
    this.ki = gains.ki;
    this.drift = options.initialPpb ?? 0;
    this.lastPpb = this.drift;
    this.firstStepThresholdNs = options.firstStepThresholdNs ?? FIRST_STEP_THRESHOLD_NS;
    this.stepThresholdNs = options.stepThresholdNs ?? 0;
    this.maxFrequencyPpb = options.maxFrequencyPpb ?? PI_MAX_FREQUENCY_PPB;
  }

  /** Shortest wait between the first two samples before estimating frequency, s (0.016/ki, ≤ 1000). */
  get frequencyEstimateIntervalS(): number {
    return Math.min(0.016 / this.ki, 1000);
  }

  /** The integral term (drift), ppb. */
  get driftPpb(): number {
    return this.drift;
  }

  sample(offsetNs: number, localNs: number, weight = 1): PiSample {
    const ppb = this.update(offsetNs, localNs, weight);
    return { ppb, state: this.lastState };
  }

  /**
   * sample() without the result object: returns the frequency adjustment (ppb) and leaves the
   * state in `lastState` — for the network simulation, which feeds 9·10^5 samples an hour.
   */
  update(offsetNs: number, localNs: number, weight = 1): number {
    let ppb = this.lastPpb;
    let state: ServoState = 'unlocked';
    switch (this.count) {
      case 0:
        this.offset0 = offsetNs;
        this.local0 = localNs;
        this.count = 1;
        break;
      case 1: {
        if (this.local0 >= localNs) { this.count = 0; break; }
        let localDiffS = (localNs - this.local0) / 1e9;
        localDiffS += localDiffS * FREQ_EST_MARGIN;
        if (localDiffS < this.frequencyEstimateIntervalS) break;
        const drift = this.drift + ((1e9 - this.drift) * (offsetNs - this.offset0)) / (localNs - this.local0);
        this.drift = Math.max(-this.maxFrequencyPpb, Math.min(this.maxFrequencyPpb, drift));
        const abs = Math.abs(offsetNs);
        state = (this.firstUpdate && this.firstStepThresholdNs > 0 && abs > this.firstStepThresholdNs)
          || (this.stepThresholdNs > 0 && abs > this.stepThresholdNs) ? 'jump' : 'locked';
        ppb = this.drift;
        this.count = 2;
        break;
      }
      default: {
        if (this.stepThresholdNs > 0 && Math.abs(offsetNs) > this.stepThresholdNs) { this.count = 0; break; }
        const kiTerm = this.ki * offsetNs * weight;
        ppb = this.kp * offsetNs * weight + this.drift + kiTerm;
        if (ppb < -this.maxFrequencyPpb) ppb = -this.maxFrequencyPpb;
        else if (ppb > this.maxFrequencyPpb) ppb = this.maxFrequencyPpb;
        else this.drift += kiTerm;
        state = 'locked';
        break;
      }
    }
    if (state !== 'unlocked') this.firstUpdate = false;
    this.lastPpb = ppb;
    this.lastState = state;
    return ppb;
  }
}

/**
 * The NTP clock discipline, RFC 5905 §11.3 and Appendix A.5.5.6 (local_clock, clock_adjust), in
 * its phase-locked-loop mode (poll intervals below the Allan intercept, 1500 s; the FLL mode that
 * ntpd blends in above it is not modelled).
 *
 * On each update with offset θ (server minus client) after an interval μ since the last one:
 * - |θ| > STEPT (0.128 s): step the clock by θ and reset the loop;
 * - otherwise the frequency gains θ·μ / (4·PLL·2^poll)² and the residual phase θ is amortised at
 *   θ / (PLL·2^poll) per second (clock_adjust).
 * ntpd recomputes the amortisation every second; here it is held constant from one update to the
 * next (the difference is second order in 1/(PLL·2^poll)).
 */

/** STEPT, the step threshold, 0.128 s (RFC 5905 §11.3, Figure 28 parameters). */
export const NTP_STEPT_S = 0.128;
/** PLL, the phase-locked-loop gain constant, 65 (RFC 5905 Appendix A.1.1 `#define PLL 65`). */
export const NTP_PLL = 65;
/** ALLAN, the Allan intercept, 1500 s (RFC 5905 Appendix A.1.1 `#define ALLAN 1500`). */
export const NTP_ALLAN_S = 1500;

export interface DisciplineUpdate {
  /** 'step': step the clock by stepS and set the frequency; 'slew': set the frequency only. */
  readonly action: 'step' | 'slew';
  readonly stepS: number;
  /** Frequency adjustment to apply until the next update (fractional, + = faster). */
  readonly frequency: number;
  /** The loop's frequency estimate alone (without the phase amortisation). */
  readonly loopFrequency: number;
}

export class NtpDiscipline {
  private frequency = 0;
  private lastUpdateS: number | undefined;
  constructor(private readonly log2PollS: number) {}

  update(nowS: number, offsetS: number): DisciplineUpdate {
    const mu = this.lastUpdateS === undefined ? 0 : nowS - this.lastUpdateS;
    this.lastUpdateS = nowS;
    const pollS = Math.min(2 ** this.log2PollS, NTP_ALLAN_S);
    if (Math.abs(offsetS) > NTP_STEPT_S) {
      return { action: 'step', stepS: offsetS, frequency: this.frequency, loopFrequency: this.frequency };
    }
    const dtemp = 4 * NTP_PLL * pollS;
    this.frequency += (offsetS * mu) / (dtemp * dtemp);
    const amortise = offsetS / (NTP_PLL * pollS);
    return { action: 'slew', stepS: 0, frequency: this.frequency + amortise, loopFrequency: this.frequency };
  }
}

/**
 * Simulated time: the one representation used everywhere in chronotope.
 *
 * A time (or a duration) is an integer count of **ticks**, held in a JS number. The tick length is
 * the simulation's resolution, chosen per simulation: 1 ps for link and PHY models, 1 ns for
 * data-centre clocks, 1 µs or coarser for interplanetary scenarios.
 *
 * Why integers in a double, not BigInt and not floating seconds:
 * - every integer up to 2^53 − 1 is exact in a double, and integer +, − and comparison on exact
 *   integers are exact, so timestamps never drift from floating-point error and ordering is exact;
 * - plain numbers keep the event loop fast (BigInt arithmetic is ~10× slower in V8).
 *
 * The price is a finite **horizon**: 2^53 − 1 ticks. At each resolution that is
 *
 * | resolution | horizon (2^53 − 1 ticks)         |
 * |------------|----------------------------------|
 * | 1 ps       | 9,007.199 s ≈ 2.50 hours         |
 * | 1 ns       | 9,007,199 s ≈ 104.2 days         |
 * | 1 µs       | 9.007e9 s ≈ 285.4 years          |
 * | 1 ms       | 9.007e12 s ≈ 285,426 years       |
 * | 1 s        | 9.007e15 s ≈ 285 million years   |
 *
 * (years of 365.25 days). A time past the horizon is an error (`TimeRangeError`), never silently
 * rounded; so is a conversion that would need rounding, unless the caller asks for a rounding mode.
 */

/** The supported resolutions, as the length of one tick. */
export type Resolution = 'ps' | 'ns' | 'us' | 'ms' | 's';

/** Ticks per second at each resolution. */
export const TICKS_PER_SECOND: Readonly<Record<Resolution, number>> = {
  ps: 1e12,
  ns: 1e9,
  us: 1e6,
  ms: 1e3,
  s: 1,
};

/** Units accepted when converting an exact integer count into ticks. */
export type TimeUnit = Resolution;

/** Largest representable time, in ticks, at every resolution. */
export const HORIZON_TICKS = Number.MAX_SAFE_INTEGER;

/** How to round a floating-point duration to whole ticks: always explicit. */
export type Rounding = 'nearest' | 'floor' | 'ceil';

/** Raised when a time would leave the exact range, or a conversion would have to round. */
export class TimeRangeError extends RangeError {
  override readonly name = 'TimeRangeError';
}

const SECONDS_PER_YEAR = 365.25 * 86400;

/** A simulation's clock resolution, with exact, checked conversions. */
export class Timebase {
  readonly resolution: Resolution;
  readonly ticksPerSecond: number;
  readonly horizonTicks = HORIZON_TICKS;

  constructor(resolution: Resolution) {
    if (!Object.hasOwn(TICKS_PER_SECOND, resolution)) {
      throw new TimeRangeError(`unknown time resolution '${resolution}' (expected ps, ns, us, ms or s)`);
    }
    this.resolution = resolution;
    this.ticksPerSecond = TICKS_PER_SECOND[resolution];
  }

  /** The horizon in seconds (approximate: for display). */
  get horizonSeconds(): number {
    return HORIZON_TICKS / this.ticksPerSecond;
  }

  /** The horizon in years of 365.25 days (approximate: for display). */
  get horizonYears(): number {
    return this.horizonSeconds / SECONDS_PER_YEAR;
  }

  /** Throws unless `ticks` is an exact time in [0, horizon]. Returns it for chaining. */
  check(ticks: number): number {
    if (!Number.isSafeInteger(ticks) || ticks < 0) {
      throw new TimeRangeError(
        `time ${ticks} ticks is outside the exact range 0..${HORIZON_TICKS} at ${this.resolution} resolution ` +
        `(horizon ${this.describeHorizon()})`,
      );
    }
    return ticks;
  }

  /**
   * Exact conversion of an integer `count` of `unit` into ticks: `ticks(5, 'ns')` is 5000 at ps
   * resolution. Throws if the count is not an integer, if the unit is finer than the resolution
   * and the count is not a whole number of ticks, or if the result passes the horizon.
   */
  ticks(count: number, unit: TimeUnit): number {
    if (!Number.isSafeInteger(count)) throw new TimeRangeError(`time count must be an exact integer, got ${count} ${unit}`);
    const perUnit = Object.hasOwn(TICKS_PER_SECOND, unit) ? TICKS_PER_SECOND[unit] : undefined;
    if (perUnit === undefined) throw new TimeRangeError(`unknown time unit '${unit}'`);
    let result: number;
    if (perUnit <= this.ticksPerSecond) {
      result = count * (this.ticksPerSecond / perUnit); // ratio is a power of ten ≥ 1: exact if safe
    } else {
      const ratio = perUnit / this.ticksPerSecond;
      if (count % ratio !== 0) {
        throw new TimeRangeError(`${count} ${unit} is not a whole number of ticks at ${this.resolution} resolution`);
      }
      result = count / ratio;
    }
    if (!Number.isSafeInteger(Math.abs(result))) {
      throw new TimeRangeError(`${count} ${unit} is past the horizon at ${this.resolution} resolution (${this.describeHorizon()})`);
    }
    return result;
  }

  /**
   * Converts a duration in seconds (a float, e.g. a random delay) to ticks with an explicit
   * rounding mode. Throws for non-finite input or a result past the horizon. The mode applies to
   * the floating-point product `seconds × ticksPerSecond` (itself rounded to a double), not to the
   * exact decimal the caller may have had in mind: at ms resolution 1.001 s × 1000 is
   * 1000.9999999999999, so `'floor'` gives 1000 ticks, not 1001. Use `ticks()` for exact integer
   * inputs.
   */
  fromSeconds(seconds: number, rounding: Rounding): number {
    if (!Number.isFinite(seconds)) throw new TimeRangeError(`duration must be finite, got ${seconds} s`);
    const exact = seconds * this.ticksPerSecond;
    const result = rounding === 'nearest' ? Math.round(exact) : rounding === 'floor' ? Math.floor(exact) : Math.ceil(exact);
    if (!Number.isSafeInteger(Math.abs(result))) {
      throw new TimeRangeError(`${seconds} s is past the horizon at ${this.resolution} resolution (${this.describeHorizon()})`);
    }
    return result === 0 ? 0 : result; // normalise -0
  }

  /** Ticks to seconds, as a float (for output; exact up to 2^53 / ticksPerSecond precision). */
  toSeconds(ticks: number): number {
    return ticks / this.ticksPerSecond;
  }

  /** Checked `a + b` for times and durations: throws rather than leave the exact range. */
  add(a: number, b: number): number {
    const sum = a + b;
    if (!Number.isSafeInteger(sum) || !Number.isSafeInteger(a) || !Number.isSafeInteger(b)) {
      throw new TimeRangeError(`${a} + ${b} ticks leaves the exact range at ${this.resolution} resolution (${this.describeHorizon()})`);
    }
    return sum;
  }

  /** Checked `a − b`. */
  subtract(a: number, b: number): number {
    return this.add(a, -b);
  }

  /** Checked `ticks × factor` for an integer factor. */
  multiply(ticks: number, factor: number): number {
    if (!Number.isSafeInteger(factor)) throw new TimeRangeError(`time multiplier must be an exact integer, got ${factor}`);
    const product = ticks * factor;
    if (!Number.isSafeInteger(product) || !Number.isSafeInteger(ticks)) {
      throw new TimeRangeError(`${ticks} × ${factor} ticks leaves the exact range at ${this.resolution} resolution`);
    }
    return product;
  }

  /** The horizon for messages: "2^53 - 1 ticks = 9007 s, about 2.50 hours" at ps resolution. */
  describeHorizon(): string {
    const s = this.horizonSeconds;
    const years = this.horizonYears;
    const human = years >= 1 ? `${years.toPrecision(4)} years` : s >= 86400 ? `${(s / 86400).toPrecision(4)} days` : `${(s / 3600).toPrecision(3)} hours`;
    return `2^53 - 1 ticks = ${s.toPrecision(4)} s, about ${human}`;
  }
}

/** Shorthand for `new Timebase(resolution)`. */
export function timebase(resolution: Resolution): Timebase {
  return new Timebase(resolution);
}

import type { HeartbeatDetector } from './detector.ts';

/**
 * Cassandra's failure detector (apache/cassandra, src/java/org/apache/cassandra/gms/
 * FailureDetector.java @07242de: ArrivalWindow, ArrayBackedBoundedStats, interpret). Despite the
 * name it is not the normal φ: since CASSANDRA-2597 it assumes *exponential* inter-arrival times,
 * so φ_raw = (t_now − t_last)/mean and the node is convicted when PHI_FACTOR·φ_raw exceeds
 * phi_convict_threshold, PHI_FACTOR = 1/ln 10. That is −log10(e^(−t/mean)) > θ, a silence longer
 * than θ·ln 10 × the mean: 18.42 × the mean at the default θ = 8.
 * - The window holds at most 1000 intervals (SAMPLE_SIZE); the first report seeds it with
 *   INITIAL_VALUE = 2 × the gossip interval; intervals longer than MAX_INTERVAL (by default
 *   INITIAL_VALUE) are not recorded, so a partition does not teach it to wait longer.
 * - Not modelled: interpret() skipping convictions after a local pause > 5 s (MAX_LOCAL_PAUSE),
 *   since the monitor here never pauses.
 *
 * Timing assumption: heartbeats arrive as a Poisson process whose rate the window tracks.
 */
export const PHI_FACTOR = 1 / Math.log(10);
export const CASSANDRA_SAMPLE_SIZE = 1000;
export const CASSANDRA_DEFAULT_THRESHOLD = 8;

/** ArrayBackedBoundedStats: a ring of `size` intervals and their mean (0 when empty). */
export class BoundedStats {
  readonly values: Float64Array;
  private index = 0;
  private filled = false;
  private sum = 0;
  constructor(size: number) {
    if (!(Number.isSafeInteger(size) && size >= 1)) throw new RangeError(`cassandra: window size expected an integer >= 1, got ${size}`);
    this.values = new Float64Array(size);
  }
  add(interval: number): void {
    if (this.index === this.values.length) {
      this.filled = true;
      this.index = 0;
    }
    if (this.filled) this.sum -= this.values[this.index];
    this.values[this.index++] = interval;
    this.sum += interval;
  }
  get size(): number { return this.filled ? this.values.length : this.index; }
  get mean(): number { return this.size === 0 ? 0 : this.sum / this.size; }
}

export interface CassandraPhiOptions {
  readonly threshold: number;
  /** 2 × Gossiper.intervalInMillis by default (FailureDetector.getInitialValue). */
  readonly initialIntervalUs: number;
  /** Longest interval recorded; defaults to the initial interval (getMaxInterval). */
  readonly maxIntervalUs?: number;
  readonly windowSize?: number;
}

export class CassandraPhiDetector implements HeartbeatDetector {
  readonly name = 'cassandra';
  readonly stats: BoundedStats;
  private lastUs = NaN;
  private readonly maxIntervalUs: number;
  private readonly convictAfterMeans: number;
  private deadlineUs = Infinity;

  constructor(readonly options: CassandraPhiOptions) {
    if (!(options.threshold > 0)) throw new RangeError(`cassandra: threshold must be > 0, got ${options.threshold}`);
    if (!(options.initialIntervalUs > 0)) throw new RangeError(`cassandra: initial interval must be > 0`);
    this.stats = new BoundedStats(options.windowSize ?? CASSANDRA_SAMPLE_SIZE);
    this.maxIntervalUs = options.maxIntervalUs ?? options.initialIntervalUs;
    this.convictAfterMeans = options.threshold / PHI_FACTOR;
  }

  /** ArrivalWindow.add: Cassandra tests `tLast > 0`; here a flag, so an arrival at t = 0 counts. */
  heartbeat(_seq: number, arrivalUs: number): void {
    if (Number.isNaN(this.lastUs)) {
      this.stats.add(this.options.initialIntervalUs);
    } else {
      const interval = arrivalUs - this.lastUs;
      if (interval <= this.maxIntervalUs) this.stats.add(interval);
    }
    this.lastUs = arrivalUs;
    this.deadlineUs = arrivalUs + this.convictAfterMeans * this.stats.mean;
  }

  /** ArrivalWindow.phi: the raw (t − t_last)/mean; FailureDetector reports it × PHI_FACTOR. */
  phiRaw(nowUs: number): number {
    return (nowUs - this.lastUs) / this.stats.mean;
  }

  /** FailureDetector.interpret's test: PHI_FACTOR × φ_raw > threshold. */
  convicts(nowUs: number): boolean {
    return PHI_FACTOR * this.phiRaw(nowUs) > this.options.threshold;
  }

  suspectFromUs(): number {
    return this.deadlineUs;
  }
}

import { RandomStream } from '../../core/random/index.ts';
import type { TransitionSink } from '../qos/transition-sink.ts';
import { drawDelayS, type DelayDistribution } from '../trace/delay-distribution.ts';
import { LOST, US_PER_S, type HeartbeatTrace } from '../trace/heartbeat-trace.ts';
import { Awareness } from './awareness.ts';
import {
  MEMBERLIST_LAN, suspicionConfirmations, suspicionTimeoutNs,
} from './memberlist-timing.ts';
import { SuspicionTimer } from './suspicion-timer.ts';

/**
 * SWIM (Das, Gupta and Motivala, DSN 2002, §3-4) and Lifeguard (Dadgar, Phillips and Currey
 * 2018, as in hashicorp/memberlist) seen from one prober q and one target p, on the same trace as
 * the heartbeat detectors. Protocol period i starts at σ_i = i·η (η = T′):
 * - q pings p; the trace's entry i is that ping's round trip (lost, or the ack's arrival). An
 *   ack within the probe timeout (η/2, memberlist's ProbeTimeout/ProbeInterval = 500 ms/1 s) is
 *   a success.
 * - Otherwise q asks `indirectChecks` helpers (SWIM's k; memberlist IndirectChecks = 3) to ping
 *   p: each path is two round trips (q→helper→p and back), each lost with p_L, delays drawn from
 *   the same distribution; an ack before the period ends is a success.
 * - A period without an ack is a failed probe.
 *
 * `swim` reports p suspected from the end of a failed period until the next successful probe
 * (SWIM's suspicion, refuted when p answers again): its expected first-detection time is what
 * swim-formulas.json gives. `lifeguard` instead starts memberlist's suspicion timer (min =
 * SuspicionMult·max(1, log10 n)·η, max = 6·min, shrinking with independent confirmations) and
 * reports p dead only when it fires; each further failed period is counted as one confirmation
 * from another member (a model: in a group every member probes p, and their probes fail
 * together when p is down). Its local health score (awareness.go) is kept as memberlist keeps it
 * (−1 per successful probe, +1 per failed one) and would stretch the wait for indirect acks to
 * (score + 1) periods (state.go line 311); with one probe per period in this view the wait is
 * capped at the period, so the score is reported (`healthScore`) but changes no verdict here —
 * Lifeguard's health term matters when the *prober* is slow, which this two-party view does
 * not model.
 *
 * Timing assumption: a probe round (direct and indirect) fits in one protocol period, and
 * several helpers' paths do not all fail at once unless p is down.
 */
export interface SwimOptions {
  readonly variant: 'swim' | 'lifeguard';
  readonly lossProbability: number;
  readonly delay: DelayDistribution;
  readonly seed: number;
  /** Stream id for the helpers' paths. */
  readonly streamId: number;
  readonly indirectChecks?: number;
  /** Group size n for Lifeguard's suspicion timeout (default 8). */
  readonly groupSize?: number;
}

export class SwimDetector {
  readonly name: 'swim' | 'lifeguard';
  private readonly k: number;
  private readonly groupSize: number;
  /** Awareness score at the end of the last run (Lifeguard). */
  healthScore = 0;

  constructor(readonly options: SwimOptions) {
    this.name = options.variant;
    this.k = options.indirectChecks ?? MEMBERLIST_LAN.indirectChecks;
    this.groupSize = options.groupSize ?? 8;
  }

  run(trace: HeartbeatTrace, sink: TransitionSink, endUs: number, crashAtUs = Infinity): void {
    const { etaUs, arrivalUs } = trace;
    const { lossProbability, delay } = this.options;
    const rng = new RandomStream(this.options.seed, this.options.streamId);
    const lifeguard = this.name === 'lifeguard';
    const awareness = new Awareness(MEMBERLIST_LAN.awarenessMaxMultiplier);
    const etaNs = etaUs * 1000;
    const minNs = suspicionTimeoutNs(MEMBERLIST_LAN.suspicionMult, this.groupSize, etaNs);
    const maxNs = MEMBERLIST_LAN.suspicionMaxTimeoutMult * minNs;
    const kConfirm = suspicionConfirmations(MEMBERLIST_LAN.suspicionMult, this.groupSize);
    let suspecting = false; // the reported output
    let timer: SuspicionTimer | null = null;
    const baseProbeTimeoutUs = etaUs / 2;
    for (let i = 0; i < arrivalUs.length; i++) {
      const startUs = i * etaUs;
      if (startUs >= endUs) break;
      // A Lifeguard timer that fires before this period ends declares p dead.
      const alive = startUs < crashAtUs;
      const probeTimeoutUs = baseProbeTimeoutUs;
      // memberlist waits for indirect acks until sent + ScaleTimeout(ProbeInterval) (state.go
      // line 311); here the next period starts at σ_{i+1}, so the wait is capped at the period.
      const indirectDeadlineUs = startUs + (lifeguard ? Math.min(etaUs, awareness.scaleTimeout(etaUs)) : etaUs);
      let successUs = Infinity;
      const a = arrivalUs[i];
      if (alive && a !== LOST && a - startUs <= probeTimeoutUs) successUs = a;
      if (successUs === Infinity) {
        for (let h = 0; h < this.k; h++) {
          // Draw every path's randomness whether or not p is alive, so a crash does not shift
          // the numbers of later periods.
          const ok = rng.uniform() >= lossProbability && rng.uniform() >= lossProbability;
          const rttUs = Math.round((drawDelayS(rng, delay) + drawDelayS(rng, delay)) * US_PER_S);
          const ackUs = startUs + probeTimeoutUs + rttUs;
          if (alive && ok && ackUs < indirectDeadlineUs && ackUs < successUs) successUs = ackUs;
        }
      }
      const periodEndUs = startUs + etaUs;
      if (timer !== null && timer.fireAtNs / 1000 <= Math.min(successUs, periodEndUs)) {
        if (!suspecting && timer.fireAtNs / 1000 < endUs) { sink.suspect(timer.fireAtNs / 1000); suspecting = true; }
        timer = null;
      }
      if (successUs !== Infinity) {
        awareness.applyDelta(-1);
        timer = null; // refuted
        if (suspecting) { sink.trust(successUs); suspecting = false; }
        continue;
      }
      awareness.applyDelta(1); // failed probe, no nack support modelled
      if (!lifeguard) {
        if (!suspecting && periodEndUs < endUs) { sink.suspect(periodEndUs); suspecting = true; }
      } else if (!suspecting) {
        const nowNs = periodEndUs * 1000;
        if (timer === null) timer = new SuspicionTimer('me', kConfirm, minNs, maxNs, nowNs);
        else timer.confirm(`member-${i}`, nowNs);
      }
    }
    if (timer !== null && !suspecting && timer.fireAtNs / 1000 < endUs) sink.suspect(timer.fireAtNs / 1000);
    this.healthScore = awareness.score;
  }
}

/** SWIM's expected first-detection time over T′ (SWIM §3.1): 1/(1 − e^(−q_f)). */
export function swimDetectionFactor(fractionNonFaulty: number): number {
  return 1 / (1 - Math.exp(-fractionNonFaulty));
}

/**
 * Probability that one probe of a live member is a false positive, re-derived in
 * swim-formulas.json: the direct ping and its ack both must arrive, or for each of k helpers, the
 * helper is alive and its four messages arrive: (1 − (1 − q_ml)²)·(1 − q_f(1 − q_ml)⁴)^k.
 */
export function swimFalsePositiveProbability(messageLoss: number, fractionNonFaulty: number, k: number): number {
  return (1 - (1 - messageLoss) ** 2) * (1 - fractionNonFaulty * (1 - messageLoss) ** 4) ** k;
}


/**
 * SWIM's failure detection in a group (SWIM §3.1): every protocol period each of the non-faulty
 * members pings one other member chosen uniformly at random; a crashed member is detected in the
 * first period in which someone pings it. Returns the number of periods until detection for each
 * of `trials` crashes, in a group of `n` with `round(q_f·(n − 1))` non-faulty members besides the
 * crashed one. In expectation 1/(1 − (1 − 1/(n − 1))^((n − 1)q_f)) → 1/(1 − e^(−q_f)).
 */
export function simulateSwimFirstDetection(rng: RandomStream, n: number, fractionNonFaulty: number, trials: number): Float64Array {
  if (!(Number.isSafeInteger(n) && n >= 2)) throw new RangeError(`SWIM group: n expected an integer >= 2, got ${n}`);
  const pingers = Math.round(fractionNonFaulty * (n - 1));
  const out = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    let periods = 0;
    let detected = false;
    while (!detected) {
      periods++;
      // Each pinger picks among the n − 1 others; the crashed member is one of them.
      for (let k = 0; k < pingers && !detected; k++) if (rng.uniformInt(n - 1) === 0) detected = true;
      if (pingers === 0) break;
    }
    out[t] = detected ? periods : Infinity;
  }
  return out;
}

/** The exact finite-group expectation of `simulateSwimFirstDetection`. */
export function swimExpectedDetectionPeriods(n: number, fractionNonFaulty: number): number {
  const pingers = Math.round(fractionNonFaulty * (n - 1));
  return 1 / (1 - (1 - 1 / (n - 1)) ** pingers);
}

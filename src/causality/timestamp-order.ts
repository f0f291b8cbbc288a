import { RandomStream } from '../core/random/stream.ts';
import type { Trace } from './trace.ts';

/**
 * Timestamp order against causal order for one message under clock skew and delay: the sender
 * and receiver clocks have offsets drawn uniformly from [0, ε]; the message takes d in true time.
 * The receive's timestamp precedes the send's when o_s − o_r > d. The difference of two uniform
 * offsets is triangular on [−ε, ε], so the probability is (ε − d)² / (2ε²) for 0 ≤ d ≤ ε and 0
 * for d ≥ ε (derived here; tested against simulation).
 */
export function messageViolationProbability(skewPs: number, delayPs: number): number {
  if (skewPs <= 0 || delayPs >= skewPs) return 0;
  if (delayPs <= 0) return 0.5;
  return ((skewPs - delayPs) ** 2) / (2 * skewPs ** 2);
}

/**
 * The same by simulation: `messages` messages between hosts whose offsets are uniform integers in
 * [0, ε] ps; counts the receive timestamps strictly before their send's (Philox stream).
 */
export function simulateMessageViolations(skewPs: number, delayPs: number, messages: number, seed: number, stream = 0): number {
  const rng = new RandomStream(seed, stream);
  let violations = 0;
  for (let i = 0; i < messages; i++) {
    const sendOffset = rng.uniform() * skewPs, receiveOffset = rng.uniform() * skewPs;
    const sendTs = sendOffset;                // send at true time 0
    const receiveTs = delayPs + receiveOffset;  // received d later
    if (receiveTs < sendTs) violations++;
  }
  return violations;
}

/** Violations of causal order by a timestamp, over a trace's causally related pairs. */
export interface TimestampViolations {
  /** Pairs e → f with ts(f) < ts(e). */
  readonly violations: number;
  /** Pairs e → f with ts(f) = ts(e) (order undecided by the timestamp). */
  readonly ties: number;
  /** All pairs e → f. */
  readonly causalPairs: number;
  /** Messages whose receive is stamped before its send. */
  readonly messageViolations: number;
  readonly messages: number;
}

/**
 * Counts the causally related pairs whose timestamps `ts` (by event id; any totally ordered
 * number, e.g. a skewed physical clock reading) contradict happened-before. O(n²): small traces.
 */
export function timestampViolations(trace: Trace, ts: readonly number[]): TimestampViolations {
  let violations = 0, ties = 0, causalPairs = 0, messageViolations = 0, messages = 0;
  const ev = trace.events;
  for (const f of ev) {
    for (const s of f.senderIds) { messages++; if (ts[f.id] < ts[s]) messageViolations++; }
    for (const e of ev) {
      if (!trace.happenedBefore(e, f)) continue;
      causalPairs++;
      if (ts[f.id] < ts[e.id]) violations++; else if (ts[f.id] === ts[e.id]) ties++;
    }
  }
  return { violations, ties, causalPairs, messageViolations, messages };
}

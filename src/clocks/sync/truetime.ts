/**
 * TrueTime-style uncertainty intervals and commit wait (J. C. Corbett et al., "Spanner: Google's
 * Globally-Distributed Database", OSDI 2012, §3): TT.now() returns [t − ε, t + ε]. Between polls
 * of the time masters ε grows at the assumed worst-case drift, 200 µs/s, from the base
 * uncertainty (about 1 ms: communication delay to the masters); with 30 s polls ε is a sawtooth
 * from about 1 to 7 ms, averaging 4 ms (§3). Commit wait: a transaction's timestamp s is
 * TT.now().latest at commit, and its result is visible only once TT.after(s), i.e.
 * TT.now().earliest > s, which takes about 2ε (§4.1.2).
 */
/** Spanner's assumed maximum drift, 200 µs/s (Corbett et al. 2012 §3). */
export const TRUETIME_DRIFT = 200e-6;
/** Spanner's poll interval of the time masters, 30 s (§3). */
export const TRUETIME_POLL_S = 30;

export interface TrueTimeOptions {
  readonly baseEpsilonS?: number;
  readonly drift?: number;
  readonly pollS?: number;
}

export interface TrueTimeInterval {
  readonly earliestS: number;
  readonly latestS: number;
}

export class TrueTime {
  readonly baseEpsilonS: number;
  readonly drift: number;
  readonly pollS: number;
  constructor(options: TrueTimeOptions = {}) {
    this.baseEpsilonS = options.baseEpsilonS ?? 1e-3;
    this.drift = options.drift ?? TRUETIME_DRIFT;
    this.pollS = options.pollS ?? TRUETIME_POLL_S;
  }

  /** ε at local time t, with polls at 0, pollS, 2·pollS, …: base + (t − last poll)·drift. */
  epsilonS(localS: number): number {
    const sincePoll = localS - Math.floor(localS / this.pollS) * this.pollS;
    return this.baseEpsilonS + sincePoll * this.drift;
  }

  /** Mean ε over a poll period: base + drift·poll/2. */
  meanEpsilonS(): number {
    return this.baseEpsilonS + (this.drift * this.pollS) / 2;
  }

  now(localS: number): TrueTimeInterval {
    const e = this.epsilonS(localS);
    return { earliestS: localS - e, latestS: localS + e };
  }

  /**
   * Commit wait starting at local time `commitLocalS`: s = TT.now().latest, then wait until
   * TT.now().earliest > s. Returns the wait in seconds (found by stepping through the sawtooth:
   * ε may drop at a poll, which can shorten the wait).
   */
  commitWaitS(commitLocalS: number): number {
    const s = this.now(commitLocalS).latestS;
    // earliest(t) = t − ε(t) rises at (1 − drift) between polls and jumps up at each poll.
    let t = commitLocalS;
    for (;;) {
      const nextPoll = (Math.floor(t / this.pollS) + 1) * this.pollS;
      const earliestAtT = this.now(t).earliestS;
      // Within [t, nextPoll): earliest(t + u) = earliestAtT + u·(1 − drift).
      const u = (s - earliestAtT) / (1 - this.drift);
      if (u < nextPoll - t) return t + Math.max(0, u) - commitLocalS;
      t = nextPoll;
      if (this.now(t).earliestS > s) return t - commitLocalS;
    }
  }
}

import { classify, gatherEvidence, type Evidence, type Verdict } from './alternate-path.ts';
import type { MeshFailures, MeshTopology } from './mesh-model.ts';

/** What a waiting party is told: who lost whom, what happened, and on what evidence. */
export interface VerdictNotice {
  readonly observer: number;
  readonly suspect: number;
  readonly verdict: Verdict;
  readonly evidence: Evidence;
}

/**
 * Delivers alternate-path verdicts to whoever is waiting on them: a sender whose frame to b is
 * stuck, a leader election watching b, a replica waiting on a peer. `waitFor(b, listener)`
 * registers interest in node b; when some node's link to b falls silent (`linkSilent(a, b)`,
 * from the count rule or a loss-of-signal report), the board gathers a's evidence, classifies
 * it, and hands the verdict to every listener waiting on b, once per event.
 */
export class VerdictBoard {
  private readonly waiting = new Map<number, Array<(notice: VerdictNotice) => void>>();

  constructor(private readonly mesh: MeshTopology, private readonly failures: MeshFailures) {}

  /** Calls `listener` with every verdict about `suspect`; returns a function that unsubscribes. */
  waitFor(suspect: number, listener: (notice: VerdictNotice) => void): () => void {
    const list = this.waiting.get(suspect) ?? [];
    list.push(listener);
    this.waiting.set(suspect, list);
    return () => {
      const current = this.waiting.get(suspect);
      if (current) this.waiting.set(suspect, current.filter((l) => l !== listener));
    };
  }

  /** Node `observer`'s link to `suspect` fell silent: classify and notify. Returns the notice. */
  linkSilent(observer: number, suspect: number): VerdictNotice {
    const evidence = gatherEvidence(this.mesh, this.failures, observer, suspect);
    const notice: VerdictNotice = { observer, suspect, verdict: classify(evidence), evidence };
    for (const listener of this.waiting.get(suspect) ?? []) listener(notice);
    return notice;
  }
}

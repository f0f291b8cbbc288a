import { VERDICTS, type Verdict } from './alternate-path.ts';

/**
 * A confusion matrix of verdicts: matrix[truth][verdict] = count. `accuracy` is the fraction on
 * the diagonal.
 */
export class ConfusionMatrix {
  readonly counts = new Map<Verdict, Map<Verdict, number>>();
  total = 0;
  correct = 0;
  add(truth: Verdict, verdict: Verdict): void {
    let row = this.counts.get(truth);
    if (row === undefined) { row = new Map(); this.counts.set(truth, row); }
    row.set(verdict, (row.get(verdict) ?? 0) + 1);
    this.total++;
    if (truth === verdict) this.correct++;
  }
  get accuracy(): number { return this.total === 0 ? NaN : this.correct / this.total; }
  /** Accuracy among instances whose truth is `truth`. */
  accuracyOf(truth: Verdict): number {
    const row = this.counts.get(truth);
    if (row === undefined) return NaN;
    let n = 0;
    for (const v of row.values()) n += v;
    return (row.get(truth) ?? 0) / n;
  }
  /** { truth: { verdict: count } } with rows and columns in VERDICTS order, zero cells left out. */
  toJSON(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const t of VERDICTS) {
      const row = this.counts.get(t);
      if (row === undefined) continue;
      out[t] = {};
      for (const v of VERDICTS) if (row.has(v)) out[t][v] = row.get(v)!;
    }
    return out;
  }
}

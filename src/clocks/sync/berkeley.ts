/**
 * The Berkeley algorithm (R. Gusella and S. Zatti, "The accuracy of the clock synchronization
 * achieved by TEMPO in Berkeley UNIX 4.3BSD", IEEE Trans. Software Eng. 15(7), 1989): a master
 * polls the slaves, estimates each one's offset from its own clock by a round-trip reading (as
 * Cristian's), takes the fault-tolerant average — the mean of the offsets (its own, 0, included)
 * that lie within `toleranceS` of the median, so a faulty clock does not drag the rest — and
 * sends each machine the correction that moves it to that average.
 */
export interface BerkeleyResult {
  /** The agreed time offset from the master's clock. */
  readonly averageOffset: number;
  /** Correction each machine applies (master first), in the order of `offsets`. */
  readonly corrections: readonly number[];
  /** Indices of the machines left out of the average. */
  readonly excluded: readonly number[];
}

/**
 * @param slaveOffsets each slave's clock minus the master's, as the master measured it.
 * @param toleranceS how far from the median an offset may lie and still be averaged.
 */
export function berkeleyRound(slaveOffsets: readonly number[], toleranceS = Infinity): BerkeleyResult {
  const all = [0, ...slaveOffsets];
  const sorted = [...all].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  const excluded: number[] = [];
  let sum = 0;
  let count = 0;
  all.forEach((o, i) => {
    if (Math.abs(o - median) <= toleranceS) { sum += o; count++; } else excluded.push(i);
  });
  const averageOffset = sum / count;
  return { averageOffset, corrections: all.map((o) => averageOffset - o), excluded };
}

/**
 * Compensated prefix sums, so a sum over any index range costs O(1) and stays accurate.
 *
 * `hi[k] + lo[k]` is the sum of `values[0..k-1]` carried in double-double form (Knuth's TwoSum,
 * error-free: `hi + lo` equals the exact running sum up to the rounding of `lo` itself). A range
 * sum is `(hi[b] - hi[a]) + (lo[b] - lo[a])`; without the `lo` part the rounding error would grow
 * with the size of the running total, and MDEV/TDEV on long records with a large phase offset or
 * ramp take second differences of such range sums, where that error would not cancel.
 */
export interface PrefixSums {
  readonly hi: Float64Array;
  readonly lo: Float64Array;
}

/** Prefix sums of `values` (length n+1, `hi[0] = lo[0] = 0`). */
export function prefixSums(values: Float64Array): PrefixSums {
  const n = values.length;
  const hi = new Float64Array(n + 1);
  const lo = new Float64Array(n + 1);
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const t = s + v;
    // TwoSum: the exact rounding error of s + v, whatever their relative sizes.
    const bp = t - s;
    const err = (s - (t - bp)) + (v - bp);
    s = t;
    c += err;
    hi[i + 1] = s;
    lo[i + 1] = c;
  }
  return { hi, lo };
}

/** Sum of `values[a..b-1]` from prefix sums. */
export function rangeSum(p: PrefixSums, a: number, b: number): number {
  return (p.hi[b] - p.hi[a]) + (p.lo[b] - p.lo[a]);
}

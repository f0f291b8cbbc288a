import { exp } from '../../core/math/exp.ts';
import { log } from '../../core/math/log.ts';

/**
 * The probability that a frame of `bits` bits has at least one bit error at bit error rate
 * `ber` (independent errors): 1 − (1 − ber)^bits. Such a frame fails its CRC and is dropped.
 * Computed as −expm1(bits · log1p(−ber)) with the portable log/exp of `core/math`, written so it
 * stays accurate when ber · bits is tiny (1e-12 · 672 ≈ 6.7e-10): for small x, log1p(−x) ≈ −x −
 * x²/2 and expm1(y) ≈ y + y²/2, which the series below uses.
 */
export function frameErrorProbability(ber: number, bits: number): number {
  if (!(ber >= 0 && ber <= 1)) throw new RangeError(`bit error rate must be in [0, 1], got ${ber}`);
  if (ber === 0) return 0;
  if (ber === 1) return 1;
  const y = ber < 1e-4 ? -bits * (ber + (ber * ber) / 2) : bits * log(1 - ber);
  return Math.abs(y) < 1e-5 ? -(y + (y * y) / 2 + (y * y * y) / 6) : 1 - exp(y);
}

/** IEEE 802.3 clause 49 (10GBASE-R) and the 25G/40G/100G PHYs specify a BER of 1e-12 or better. */
export const IEEE_802_3_BER = 1e-12;

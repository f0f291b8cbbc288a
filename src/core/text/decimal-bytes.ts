/**
 * Correctly rounded decimal → double conversion straight from bytes, for reading big text files
 * (10^7 values of 17 or 19 significant digits, as numpy's `savetxt` writes them) without making
 * a string per value. Every result equals `Number(text)` (round to nearest, ties to even):
 *
 * 1. Up to 15 significant digits and |exponent| ≤ 22: one exact integer times or divided by an
 *    exact power of ten, a single rounding (Clinger 1990, "How to read floating point numbers
 *    accurately", the fast path).
 * 2. Up to 19 significant digits (any exponent with a normal result): the digits as an exact
 *    double-double W = (hi, lo) (W < 10^19 < 2^64), times 10^e held as a double-double mantissa
 *    P in [1, 2) with a binary exponent (table below, from exact BigInt arithmetic), multiplied
 *    with Dekker's exact product (Dekker 1971, Veltkamp splitting). The product is within
 *    2^-103 of the true value relative to it; rounding it to one double is then correct unless
 *    the true value may lie within that distance of a rounding boundary (a midpoint between two
 *    doubles), which is checked against a margin of 2^-44 ulp. Those rare cases (probability
 *    ~2^-43 for random digits; constructed near-halfway inputs hit it), subnormal and
 *    overflowing results go to `Number()` on the text.
 * 3. More than 19 digits: the first 19 give W with W·10^e < value < (W+1)·10^e; if both bounds
 *    round to the same double (nearly always), that is the answer, else `Number()`.
 *
 * Hand-written because no kept npm library parses numbers from a byte buffer (they take strings);
 * the method is the double-double variant of Clinger's "Bellerophon" with a fall-back.
 */

const CH_0 = 48, CH_9 = 57, CH_DOT = 46, CH_PLUS = 43, CH_MINUS = 45, CH_E = 101, CH_UPPER_E = 69;

/** Exact powers of ten 10^0 … 10^22 (every one is a double). */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for 53-bit doubles

// Decimal exponents with a double-double table entry: W·10^e for W in [1, 10^19) reaches every
// normal double from e = -327 (1e-308 needs 10^-327·10^19) to e = 308.
const MIN_E10 = -327;
const MAX_E10 = 308;
const TABLE_SIZE = MAX_E10 - MIN_E10 + 1;
/** 10^e = (P_HI[i] + P_LO[i]) · 2^P_EXP[i] with P_HI in [1, 2), i = e − MIN_E10. */
const P_HI = new Float64Array(TABLE_SIZE);
const P_LO = new Float64Array(TABLE_SIZE);
/** P_HI split in two 26-bit halves (Veltkamp), for Dekker's product without splitting per call. */
const P_SPLIT_HI = new Float64Array(TABLE_SIZE);
const P_SPLIT_LO = new Float64Array(TABLE_SIZE);
/** 2^P_EXP split in two representable factors (P_EXP runs from about −1090 to 1024). */
const SCALE_A = new Float64Array(TABLE_SIZE);
const SCALE_B = new Float64Array(TABLE_SIZE);
const P_EXP = new Int32Array(TABLE_SIZE);

function buildTable(): void {
  const two129 = 2 ** 129;
  for (let e = MIN_E10; e <= MAX_E10; e++) {
    const n = 10n ** BigInt(Math.abs(e));
    const bits = n.toString(2).length;
    let m: bigint; // 130-bit mantissa in [2^129, 2^130): the value is m·2^(exp − 129)
    let exp: number;
    if (e >= 0) {
      m = bits > 130 ? n >> BigInt(bits - 130) : n << BigInt(130 - bits);
      exp = bits - 1;
    } else {
      m = (1n << BigInt(bits + 129)) / n; // 1/n in (2^-bits, 2^(1-bits)): truncated, error < 2^-129
      exp = -bits;
    }
    const hi = Number(m); // correctly rounded to 53 bits
    const lo = Number(m - BigInt(hi));
    const i = e - MIN_E10;
    P_HI[i] = hi / two129;
    P_LO[i] = lo / two129;
    P_EXP[i] = exp;
    const c = SPLITTER * P_HI[i];
    P_SPLIT_HI[i] = c - (c - P_HI[i]);
    P_SPLIT_LO[i] = P_HI[i] - P_SPLIT_HI[i];
    const a = Math.trunc(exp / 2);
    SCALE_A[i] = 2 ** a;
    SCALE_B[i] = 2 ** (exp - a);
  }
}
buildTable();

/** ULP[b] = 2^(b − 1075): the unit in the last place of a double whose biased exponent is b. */
const ULP = Float64Array.from({ length: 2047 }, (_, b) => 2 ** (b - 1075));

// Bits of a double, to read its exponent and mantissa without Math.log2.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: word 1

/** Distance from a rounding boundary (in ulps) below which the result is left to Number(). */
const MARGIN_ULPS = 2 ** -44;

/**
 * The double nearest to W · 10^e10, W = wHi·10^r + wLo with wHi < 10^15, wLo < 10^r, r ≤ 4,
 * or NaN when the fast computation cannot guarantee correct rounding (caller falls back).
 */
function scaleDigits(wHi: number, r: number, wLo: number, e10: number): number {
  if (e10 < MIN_E10 || e10 > MAX_E10) return NaN;
  // W exactly as a double-double: wHi = a1·2^26 + a0, each partial product exact.
  const pr = POW10[r];
  const a1 = (wHi / 67108864) | 0; // wHi < 10^15, so the quotient < 2^24 fits an int32
  const a0 = wHi - a1 * 67108864;
  const s1 = a1 * pr * 67108864;
  const s2 = a0 * pr + wLo;
  const w = s1 + s2;
  const wErr = (s1 - w) + s2; // Fast2Sum: |s1| ≥ |s2| or s1 = 0 (then exact anyway)
  const i = e10 - MIN_E10;
  const pHi = P_HI[i];
  const pLo = P_LO[i];
  // Dekker's exact product w·pHi = p + pErr.
  const p = w * pHi;
  const c = SPLITTER * w;
  const wh = c - (c - w);
  const wl = w - wh;
  const ph = P_SPLIT_HI[i];
  const pl = P_SPLIT_LO[i];
  const pErr = ((wh * ph - p) + wh * pl + wl * ph) + wl * pl;
  const tail = pErr + (w * pLo + wErr * pHi);
  const rHi = p + tail;
  const rLo = tail - (rHi - p);
  // Is rHi the nearest double to rHi + rLo even with an error of 2^-103 relative? Compare |rLo|
  // with half the gap to the neighbour on rLo's side (a quarter of an ulp below a power of two).
  f64[0] = rHi;
  const high = u32[HIGH];
  const biased = (high >>> 20) & 0x7ff;
  const ulp = ULP[biased];
  const powerOfTwo = (high & 0xfffff) === 0 && u32[1 - HIGH] === 0;
  const halfGap = powerOfTwo && rLo < 0 ? ulp / 4 : ulp / 2;
  // (A safety net: an input of ≤ 19 digits that is exactly a midpoint has an exact double-double
  // product here, so hardware ties-to-even already decides it; only an inexact product within
  // 2^-103 of a midpoint would need it, and no test input has been found that comes that close.)
  if (halfGap - Math.abs(rLo) <= MARGIN_ULPS * ulp) return NaN;
  // Scale by 2^P_EXP: exact unless the result leaves the normal range (then Number() decides).
  const exponent = biased - 1023 + P_EXP[i];
  if (exponent < -1022 || exponent > 1023) return NaN;
  return rHi * SCALE_A[i] * SCALE_B[i];
}

/**
 * Where the last {@link scanDecimal} stopped: the index of the first byte after the number (or
 * `start` when no number begins there).
 */
export let scanEnd = 0;

/**
 * Reads the plain decimal that begins at `start` ([+-] digits [. digits] [(e|E)[+-]digits]),
 * stopping at the first byte that cannot continue it (or at `limit`); sets {@link scanEnd} to
 * that byte and returns the double `Number(text)` gives for the number read (overflow gives
 * ±Infinity, as Number() does), or NaN when no complete number begins at `start` ('-', '.',
 * '1e', 'abc'). Made for parsing a buffer in one pass: the caller checks what follows.
 */
export function scanDecimal(buf: Uint8Array, start: number, limit: number): number {
  let i = start;
  let negative = false;
  scanEnd = start;
  if (i < limit && (buf[i] === CH_PLUS || buf[i] === CH_MINUS)) { negative = buf[i] === CH_MINUS; i++; }
  let wHi = 0; // first 15 significant digits
  let wLo = 0; // the next up to 4
  let loDigits = 0;
  let significant = 0; // significant digits seen (leading zeros excluded)
  let dropped = false; // more than 19 significant digits: nonzero digits beyond them
  let scale = 0; // decimal exponent adjustment from digits kept or dropped
  const digitsStart = i;
  let d = 0;
  // Leading zeros, then the integer digits: the first 15 significant ones into wHi, the next 4
  // into wLo, the rest only counted (tight loops rather than one branch per digit).
  while (i < limit && buf[i] === CH_0) i++;
  let mark = i;
  const hiEnd = Math.min(limit, i + 15);
  while (i < hiEnd && (d = buf[i] - CH_0) >= 0 && d <= 9) { wHi = wHi * 10 + d; i++; }
  significant = i - mark;
  if (significant === 15) {
    mark = i;
    const loEnd = Math.min(limit, i + 4);
    while (i < loEnd && (d = buf[i] - CH_0) >= 0 && d <= 9) { wLo = wLo * 10 + d; i++; }
    loDigits = i - mark;
    significant += loDigits;
    if (loDigits === 4) {
      mark = i;
      while (i < limit && (d = buf[i] - CH_0) >= 0 && d <= 9) { if (d !== 0) dropped = true; i++; }
      scale += i - mark;
      significant += i - mark;
    }
  }
  let sawDigit = i > digitsStart;
  if (i < limit && buf[i] === CH_DOT) {
    i++;
    const fractionStart = i;
    if (significant === 0) { while (i < limit && buf[i] === CH_0) i++; scale -= i - fractionStart; }
    mark = i;
    if (significant < 15) {
      const hiEnd2 = Math.min(limit, i + 15 - significant);
      while (i < hiEnd2 && (d = buf[i] - CH_0) >= 0 && d <= 9) { wHi = wHi * 10 + d; i++; }
      significant += i - mark;
    }
    if (significant >= 15 && significant < 19) {
      const start2 = i;
      const loEnd2 = Math.min(limit, i + 19 - significant);
      while (i < loEnd2 && (d = buf[i] - CH_0) >= 0 && d <= 9) { wLo = wLo * 10 + d; i++; }
      loDigits += i - start2;
      significant += i - start2;
    }
    scale -= i - mark;
    if (significant >= 19) {
      while (i < limit && (d = buf[i] - CH_0) >= 0 && d <= 9) { if (d !== 0) dropped = true; i++; }
    }
    sawDigit ||= i > fractionStart;
  }
  if (!sawDigit) return NaN;
  let exponent = 0;
  if (i < limit && (buf[i] === CH_E || buf[i] === CH_UPPER_E)) {
    i++;
    let expNegative = false;
    if (i < limit && (buf[i] === CH_PLUS || buf[i] === CH_MINUS)) { expNegative = buf[i] === CH_MINUS; i++; }
    const expStart = i;
    for (; i < limit && (d = buf[i] - CH_0) >= 0 && d <= 9; i++) {
      if (exponent < 100000) exponent = exponent * 10 + d; // beyond: over/underflow anyway
    }
    if (i === expStart) return NaN;
    if (expNegative) exponent = -exponent;
  }
  scanEnd = i;
  if (significant === 0) return negative ? -0 : 0;
  const e10 = scale + exponent;
  let value: number;
  if (dropped) {
    // More than 19 significant digits: the value lies strictly between W·10^e and (W+1)·10^e
    // (W the first 19 digits); when both round to the same double, so does the value.
    const below = scaleDigits(wHi, loDigits, wLo, e10);
    value = below === scaleDigits(wHi, loDigits, wLo + 1, e10) ? below : NaN;
  } else if (loDigits === 0 && e10 >= -22 && e10 <= 22) {
    value = e10 >= 0 ? wHi * POW10[e10] : wHi / POW10[-e10]; // Clinger's fast path
  } else {
    value = scaleDigits(wHi, loDigits, wLo, e10);
  }
  if (Number.isNaN(value)) value = slowParse(buf, start, i);
  return negative ? -value : value;
}

/**
 * Parses the plain decimal in bytes [start, end) and returns the double `Number(text)` gives,
 * or NaN if the bytes are not exactly such a number (so `Infinity`, `0x10`, `1_000`, spaces
 * are NaN). Overflow gives ±Infinity, as Number() does.
 */
export function parseDecimalBytes(buf: Uint8Array, start: number, end: number): number {
  const value = scanDecimal(buf, start, end);
  return scanEnd === end ? value : NaN;
}

function slowParse(buf: Uint8Array, start: number, end: number): number {
  let text = '';
  for (let k = start; k < end; k++) text += String.fromCharCode(buf[k]);
  return Math.abs(Number(text));
}

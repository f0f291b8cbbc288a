/**
 * Plain decimal notation, as a researcher types a number: an optional sign, digits with an
 * optional fraction, and an optional decimal exponent (`42`, `-1.5`, `.25`, `5e6`, `1E-9`).
 * `Number()` alone also takes hexadecimal (`0x10`), binary and octal prefixes, `Infinity` and
 * surrounding whitespace; `1_000` is a numeric separator in source code only. None of those is
 * what a user means on a command line or in a `--param`, so they are refused here.
 */
const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Whether `text` is a plain decimal number (see above); surrounding whitespace is not allowed. */
export function isPlainDecimal(text: string): boolean {
  return PLAIN_DECIMAL.test(text);
}

/** The value of a plain decimal, or NaN for anything else (hex, `Infinity`, `1_000`, ''). */
export function parsePlainDecimal(text: string): number {
  return PLAIN_DECIMAL.test(text) ? Number(text) : NaN;
}

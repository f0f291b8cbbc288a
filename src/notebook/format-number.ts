const superscripts: Record<string, string> = {
  '-': '\u207b', '0': '\u2070', '1': '\u00b9', '2': '\u00b2', '3': '\u00b3', '4': '\u2074',
  '5': '\u2075', '6': '\u2076', '7': '\u2077', '8': '\u2078', '9': '\u2079',
};

/**
 * A number for reading on a page (not for CSV, which keeps every digit): `digits` significant
 * digits, plain notation from 0.001 to below 1,000,000 (`0.0667`, `299,792`), scientific
 * notation with a real superscript outside that range (`9.461 × 10¹⁵`). Trailing zeros after
 * the decimal point are dropped. Uses only `toPrecision`/`toExponential` and fixed-locale
 * grouping, so the text is the same on every machine.
 */
export function formatNumber(value: number, digits = 6): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const sign = value < 0 ? '−' : '';
  const magnitude = Math.abs(value);
  const rounded = Number(magnitude.toPrecision(digits));
  if (rounded >= 1e-3 && rounded < 1e6) {
    // String() of a double in this range is plain decimal with no trailing zeros (ECMA-262
    // Number::toString uses exponents only below 1e-6 and from 1e21).
    const [whole, fraction] = String(rounded).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return sign + grouped + (fraction ? '.' + fraction : '');
  }
  const [mantissa, exponent] = magnitude.toExponential(digits - 1).split('e');
  const power = String(Number(exponent)).split('').map((ch) => superscripts[ch]).join('');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return `${sign}${trimmed} × 10${power}`;
}

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { InputError } from '../../core/errors.ts';
import { escapeControl } from '../../core/text/escape-control.ts';
import { stabilityMessages } from './messages.ts';

/** Where a series came from, for error messages: a file name or '<stdin>'. */
export type SeriesSource = string;

export interface ParseOptions {
  /** Read this named column of a CSV file (header row first) instead of one value per line. */
  readonly column?: string;
}

// Exact powers of ten: every 10^k with k ≤ 22 is a double, so the fast path below is correctly
// rounded (Clinger 1990: an integer below 2^53 times or divided by an exact power of ten).
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

const CH_0 = 48, CH_9 = 57, CH_DOT = 46, CH_PLUS = 43, CH_MINUS = 45, CH_E = 101, CH_UPPER_E = 69;
const CH_HASH = 35, CH_LF = 10, CH_CR = 13, CH_SPACE = 32, CH_TAB = 9;

/**
 * Parses the decimal number in bytes [start, end) or returns NaN if it is not one. Plain decimal
 * syntax only ([+-] digits [. digits] [e[+-]digits]). Up to 15 significant digits with a small
 * exponent take the exact fast path; anything else goes through `Number()` on the text, so every
 * value is the correctly rounded double, exactly what `Number(text)` gives.
 */
function parseDecimal(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (buf[i] === CH_PLUS || buf[i] === CH_MINUS) { negative = buf[i] === CH_MINUS; i++; }
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let scale = 0;
  let sawDigit = false;
  while (i < end && buf[i] >= CH_0 && buf[i] <= CH_9) {
    const dgt = buf[i] - CH_0;
    if (significant > 0 || dgt !== 0) significant++;
    mantissa = mantissa * 10 + dgt; digits++; sawDigit = true; i++;
  }
  if (i < end && buf[i] === CH_DOT) {
    i++;
    while (i < end && buf[i] >= CH_0 && buf[i] <= CH_9) {
      const dgt = buf[i] - CH_0;
      if (significant > 0 || dgt !== 0) significant++;
      mantissa = mantissa * 10 + dgt; digits++; scale--; sawDigit = true; i++;
    }
  }
  if (!sawDigit) return NaN;
  let exponent = 0;
  if (i < end && (buf[i] === CH_E || buf[i] === CH_UPPER_E)) {
    i++;
    let expNegative = false;
    if (i < end && (buf[i] === CH_PLUS || buf[i] === CH_MINUS)) { expNegative = buf[i] === CH_MINUS; i++; }
    const expStart = i;
    while (i < end && buf[i] >= CH_0 && buf[i] <= CH_9 && i - expStart < 6) { exponent = exponent * 10 + (buf[i] - CH_0); i++; }
    if (i === expStart) return NaN;
    if (i < end && buf[i] >= CH_0 && buf[i] <= CH_9) return slowParse(buf, start, end);
    if (expNegative) exponent = -exponent;
  }
  if (i !== end) return NaN;
  const e = scale + exponent;
  if (significant <= 15 && digits <= 300) {
    let value: number | undefined;
    if (e === 0) value = mantissa;
    else if (e > 0 && e <= 22) value = mantissa * POW10[e];
    else if (e < 0 && e >= -22) value = mantissa / POW10[-e];
    if (value !== undefined) return negative ? -value : value;
  }
  return slowParse(buf, start, end);
}

function slowParse(buf: Uint8Array, start: number, end: number): number {
  return Number(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1'));
}

function isSpace(c: number): boolean {
  return c === CH_SPACE || c === CH_TAB || c === CH_CR;
}

function tokenText(buf: Uint8Array, start: number, end: number): string {
  const text = Buffer.from(buf.buffer, buf.byteOffset + start, Math.min(end - start, 40)).toString('utf8');
  return escapeControl(end - start > 40 ? `${text}…` : text);
}

function badToken(where: string, line: number, text: string): InputError {
  return /^[+-]?(nan|inf|infinity)$/i.test(text.trim())
    ? new InputError(stabilityMessages.notFinite(where, line, text))
    : new InputError(stabilityMessages.notANumber(where, line, text));
}

/** Plain text, one number per line; `#` starts a comment; blank lines are skipped. */
function parseLines(buf: Uint8Array, where: string): Float64Array {
  let out = new Float64Array(1024);
  let count = 0;
  let line = 0;
  const n = buf.length;
  let pos = 0;
  while (pos < n) {
    line++;
    let end = buf.indexOf(CH_LF, pos);
    if (end < 0) end = n;
    let a = pos;
    let b = end;
    // Look for a comment only within this line (indexOf would scan to the end of the file).
    for (let k = pos; k < end; k++) if (buf[k] === CH_HASH) { b = k; break; }
    while (a < b && isSpace(buf[a])) a++;
    while (b > a && isSpace(buf[b - 1])) b--;
    pos = end + 1;
    if (a === b) continue;
    const value = parseDecimal(buf, a, b);
    if (!Number.isFinite(value)) throw badToken(where, line, tokenText(buf, a, b));
    if (count === out.length) {
      const grown = new Float64Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[count++] = value;
  }
  return out.slice(0, count);
}

/** CSV with a header row; values from the named column. Lines starting with `#` are comments. */
function parseCsvColumn(text: string, where: string, column: string): Float64Array {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const rows = parsed.data;
  let header: string[] | undefined;
  let index = -1;
  const values: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const line = r + 1;
    if (row.length === 0 || (row.length === 1 && row[0].trim() === '') || row[0].trimStart().startsWith('#')) continue;
    if (!header) {
      header = row.map((h) => h.trim());
      index = header.indexOf(column);
      if (index < 0) throw new InputError(stabilityMessages.missingColumn(where, column, header));
      continue;
    }
    if (row.length !== header.length) {
      throw new InputError(stabilityMessages.badCsv(where, line, `expected ${header.length} fields, found ${row.length}`));
    }
    const cell = row[index].trim();
    const bytes = Buffer.from(cell, 'utf8');
    const value = bytes.length === 0 ? NaN : parseDecimal(bytes, 0, bytes.length);
    if (!Number.isFinite(value)) throw badToken(where, line, escapeControl(cell));
    values.push(value);
  }
  if (!header) throw new InputError(stabilityMessages.emptyData(where));
  return Float64Array.from(values);
}

/**
 * Parses a series from raw bytes: gzip is recognised by its magic bytes (1f 8b); plain text
 * holds one number per line, or CSV with `options.column`. Throws InputError with the file and
 * line for anything malformed, NaN or infinite, and for a file without values.
 */
export function parseSeries(bytes: Uint8Array, where: SeriesSource, options: ParseOptions = {}): Float64Array {
  let buf = bytes;
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf);
    } catch (error) {
      throw new InputError(`${where}: corrupt gzip data (${(error as Error).message})`);
    }
  }
  buf = withoutByteOrderMark(buf);
  const values = options.column !== undefined
    ? parseCsvColumn(Buffer.from(buf.buffer, buf.byteOffset, buf.length).toString('utf8'), where, options.column)
    : parseLines(buf, where);
  if (values.length === 0) throw new InputError(stabilityMessages.emptyData(where));
  return values;
}

/** Text saved by some Windows editors starts with the UTF-8 byte-order mark EF BB BF: skip it. */
function withoutByteOrderMark(buf: Uint8Array): Uint8Array {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
}

/** Reads a series from a file, or from standard input when `path` is '-'. */
export function readSeries(path: string, options: ParseOptions = {}): Float64Array {
  const where = path === '-' ? '<stdin>' : path;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path === '-' ? 0 : path);
  } catch (error) {
    throw new InputError(`${where}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseSeries(bytes, where, options);
}

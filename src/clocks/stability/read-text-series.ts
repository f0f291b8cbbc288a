import Papa from 'papaparse';
import { InputError } from '../../core/errors.ts';
import { escapeControl } from '../../core/text/escape-control.ts';
import { parseDecimalBytes, scanDecimal, scanEnd } from '../../core/text/decimal-bytes.ts';
import { stabilityMessages } from './messages.ts';

const CH_HASH = 35, CH_LF = 10, CH_CR = 13, CH_SPACE = 32, CH_TAB = 9;

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

/**
 * Plain text, one number per line; `#` starts a comment; blank lines, spaces, tabs and CR are
 * skipped. One pass over the bytes: each line's number is scanned where it stands
 * (`scanDecimal`, correctly rounded), with no string made per value, and only then is the rest
 * of the line checked (spaces, a comment, the line feed), so 10^7 values of 17–19 digits read
 * in about a second.
 */
export function parseTextLines(buf: Uint8Array, where: string): Float64Array {
  // A first guess at the count (16 bytes a line; 12-digit values take 17, 17-digit 23), grown
  // if short. (Counting the line feeds first costs more: a native call per line.)
  let out = new Float64Array(Math.max(16, buf.length >>> 4));
  let count = 0;
  let line = 0;
  const n = buf.length;
  let pos = 0;
  while (pos < n) {
    line++;
    while (pos < n && isSpace(buf[pos])) pos++;
    if (pos === n) break;
    const first = buf[pos];
    if (first === CH_LF) { pos++; continue; }
    if (first === CH_HASH) { pos = lineEnd(buf, pos) + 1; continue; }
    const value = scanDecimal(buf, pos, n);
    let q = scanEnd;
    while (q < n && isSpace(buf[q])) q++;
    if ((q < n && buf[q] !== CH_LF && buf[q] !== CH_HASH) || !Number.isFinite(value)) {
      const end = lineEnd(buf, pos);
      let tokenEnd = end;
      while (tokenEnd > pos && isSpace(buf[tokenEnd - 1])) tokenEnd--;
      throw badToken(where, line, tokenText(buf, pos, tokenEnd));
    }
    pos = q < n && buf[q] === CH_HASH ? lineEnd(buf, q) + 1 : q + 1;
    if (count === out.length) {
      const grown = new Float64Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[count++] = value;
  }
  // The guess leaves slack: a view unless it is over a third (no copy of 10^7 values), else a copy.
  return 3 * count >= 2 * out.length ? out.subarray(0, count) : out.slice(0, count);
}

/** The index of the line feed ending the line at `from`, or the buffer's length. */
function lineEnd(buf: Uint8Array, from: number): number {
  const end = buf.indexOf(CH_LF, from);
  return end < 0 ? buf.length : end;
}

/** CSV with a header row; values from the named column. Lines starting with `#` are comments. */
export function parseCsvColumn(text: string, where: string, column: string): Float64Array {
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
    const value = bytes.length === 0 ? NaN : parseDecimalBytes(bytes, 0, bytes.length);
    if (!Number.isFinite(value)) throw badToken(where, line, escapeControl(cell));
    values.push(value);
  }
  if (!header) throw new InputError(stabilityMessages.emptyData(where));
  return Float64Array.from(values);
}

import Papa from 'papaparse';
import type { Column, TableRow, TableValue } from './table.ts';

/**
 * The CSV text of one value. Numbers use JavaScript's shortest round-trip form
 * (ECMA-262 Number::toString: the fewest digits that read back as the same double), so a CSV
 * holds every bit of the result and is byte-identical whenever the numbers are. Exponent
 * forms such as `1.3e-8` and the words `NaN`, `Infinity`, `-Infinity` are read back by
 * R's read.csv, pandas and JavaScript's `Number`. `-0` is written as `0`.
 */
export function formatCsvValue(value: TableValue): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * A table as CSV (RFC 4180 quoting by papaparse), header line first, `\n` line ends and a final
 * newline so files concatenate and diff cleanly.
 */
export function tableToCsv(rows: readonly TableRow[], columns: readonly Column[]): string {
  const data = rows.map((row) => columns.map((c) => formatCsvValue(row[c.key])));
  return Papa.unparse({ fields: columns.map((c) => c.header), data }, { newline: '\n', quotes: false }) + '\n';
}

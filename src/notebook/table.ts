import { notebookMessages } from './messages.ts';

/** One cell value of a table row. `null` and `undefined` are written as empty CSV fields. */
export type TableValue = number | string | boolean | null | undefined;

/** A table row: column keys to values. */
export type TableRow = Readonly<Record<string, TableValue>>;

/**
 * One column of a table. `header` is what the CSV file and the page show; a numeric column's
 * header must carry its unit in parentheses or brackets, `'one-way, vacuum (s)'`, `'links (1)'`,
 * so a CSV read on its own still says what its numbers mean. `digits` is the number of
 * significant digits shown on the page (default 6); the CSV always holds every digit.
 */
export interface Column {
  readonly key: string;
  readonly header: string;
  readonly digits?: number;
}

/** A table as a notebook made it: what `nb.table` returns, and what a figure's `data` refers to. */
export interface Table {
  readonly name: string;
  readonly rows: readonly TableRow[];
  readonly columns: readonly Column[];
  readonly caption?: string;
}

/** Matches a unit at the end of a header: `(m)`, `(ns/m)`, `[dB]`. */
const unitAtEnd = /(\([^()]+\)|\[[^\[\]]+\])\s*$/;

/** Throws when a column holding numbers has no unit in its header, or no columns are given. */
export function checkColumns(name: string, rows: readonly TableRow[], columns: readonly Column[]): void {
  if (columns.length === 0) throw new Error(notebookMessages.badColumns(name));
  for (const column of columns) {
    if (typeof column.key !== 'string' || typeof column.header !== 'string') throw new Error(notebookMessages.badColumns(name));
    const numeric = rows.some((row) => typeof row[column.key] === 'number');
    if (numeric && !unitAtEnd.test(column.header)) throw new Error(notebookMessages.headerWithoutUnit(name, column.header));
  }
}

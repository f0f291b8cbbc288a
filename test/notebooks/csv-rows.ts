import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

/** The rows of `NAME.csv` in a notebook's output directory, keyed by header. */
export function csvRows(dir: string, name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(dir, `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Papa from 'papaparse';
import { runNotebook } from '../../src/notebook/run-notebook.ts';
import { silentProgress } from '../../src/notebook/index.ts';

/** Runs a notebook once (lazily) in a temporary folder and reads its CSV tables. */
export function notebookTables(path: string): (name: string) => Promise<Record<string, string>[]> {
  const temp = mkdtempSync(join(tmpdir(), 'chronotope-nb-'));
  test.after(() => rmSync(temp, { recursive: true, force: true }));
  let dir: Promise<string> | undefined;
  return async (name) => {
    dir ??= runNotebook(path, { outDir: join(temp, 'out'), papersDir: join(temp, 'papers'), progress: silentProgress }).then((r) => r.dir);
    const text = readFileSync(join(await dir, `${name}.csv`), 'utf8');
    return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  };
}

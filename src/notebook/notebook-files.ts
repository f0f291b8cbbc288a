import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../core/errors.ts';
import { notebookMessages } from './messages.ts';

/** The notebook files in `dir` (`*.ts`, not starting with '.' or '_'), in name order. */
export function listNotebooks(dir: string): string[] {
  if (!existsSync(dir)) throw new InputError(notebookMessages.noNotebooks(dir));
  if (!statSync(dir).isDirectory()) throw new InputError(notebookMessages.notebooksNotDirectory(dir));
  const files = readdirSync(dir).filter((n) => n.endsWith('.ts') && !/^[._]/.test(n)).sort().map((n) => join(dir, n));
  if (files.length === 0) throw new InputError(notebookMessages.noNotebooks(dir));
  return files;
}

/**
 * The notebooks chosen by `selectors`, in name order: each selector is a file path, a file name
 * (`01-light-time.ts`), a name without `.ts`, or the leading number (`01`). No selectors: all.
 */
export function selectNotebooks(dir: string, selectors: readonly string[]): string[] {
  const all = listNotebooks(dir);
  if (selectors.length === 0) return all;
  const chosen = new Set<string>();
  for (const selector of selectors) {
    const key = basename(selector).replace(/\.ts$/, '');
    const matches = all.filter((file) => {
      const name = basename(file, '.ts');
      return name === key || name.split('-')[0] === key;
    });
    if (matches.length === 0) throw new InputError(notebookMessages.unknownNotebookSelection(selector, dir));
    for (const m of matches) chosen.add(m);
  }
  return all.filter((file) => chosen.has(file));
}

import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';
import { notebookMessages } from './messages.ts';

/**
 * Checks, before any work is done, that `dir` can hold a run's files: it is a directory, or it
 * does not exist yet and its nearest existing ancestor is a writable directory (so it can be
 * created). Otherwise an InputError names the option and the path, so `--out results.csv` or an
 * unwritable `--papers` fails at once with one line, not with a stack trace after the notebook
 * has run (and not after the notebook's own directory was already replaced).
 */
export function checkOutputDir(dir: string, option: string): void {
  let path = resolve(dir);
  for (;;) {
    const stat = statIfExists(path);
    if (stat !== undefined) {
      if (!stat.isDirectory()) throw new InputError(notebookMessages.outputNotDirectory(option, dir, path));
      try {
        accessSync(path, constants.W_OK | constants.X_OK);
      } catch {
        throw new InputError(notebookMessages.outputNotWritable(option, dir, path));
      }
      return;
    }
    const parent = dirname(path);
    if (parent === path) return;
    path = parent;
  }
}

/** The file's status, or undefined when it does not exist (also when a parent is a file: ENOTDIR). */
function statIfExists(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

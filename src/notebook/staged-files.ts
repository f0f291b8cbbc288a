import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../core/errors.ts';
import { notebookMessages } from './messages.ts';

let counter = 0;

/** Files written beside their targets but not yet in place; see {@link stageFiles}. */
export interface StagedFiles {
  /** Renames every staged file over its target (atomic per file, POSIX rename(2)). */
  commit(): void;
  /** Removes the staged files, leaving the targets as they were. */
  abort(): void;
}

/**
 * Writes every file of `files` (path → bytes) to a temporary file beside its target, without
 * touching the targets. Used for paper figures, which live in a paper's own directory and so
 * cannot be swapped in as one directory the way a notebook's output is (replace-directory.ts):
 * staging them first means a failure to write any of them (a full disk, a read-only
 * directory) is found before the notebook's results are replaced, and the run changes
 * nothing. `commit` then only renames (a target that is a directory is refused while staging). If staging fails, what was staged is removed and the
 * error is thrown.
 */
export function stageFiles(files: ReadonlyMap<string, string | Uint8Array>): StagedFiles {
  const staged: Array<[tmp: string, target: string]> = [];
  const abort = () => {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
    staged.length = 0;
  };
  try {
    for (const [target, data] of files) {
      // rename(2) cannot put a file over a directory: find that now, not half-way through commit.
      if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(notebookMessages.targetIsDirectory(target));
      const dir = dirname(target);
      mkdirSync(dir, { recursive: true });
      const tmp = join(dir, `.${basename(target)}.tmp-${process.pid}-${counter++}`);
      staged.push([tmp, target]);
      writeFileSync(tmp, data);
    }
  } catch (error) {
    abort();
    throw error;
  }
  return {
    commit() {
      for (const [tmp, target] of staged) renameSync(tmp, target);
      staged.length = 0;
    },
    abort,
  };
}

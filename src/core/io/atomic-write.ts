import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { ioMessages } from './messages.ts';

let counter = 0;

/**
 * Writes `data` to `path` so that readers only ever see the old file or the complete new one:
 * the bytes go to a temporary file in the same directory (same file system, so rename is
 * atomic on POSIX), which is then renamed over the target. An interrupted run leaves at most a
 * stray `*.tmp-*` file, never a half-written result.
 *
 * A path the user cannot write to (its parent is a file, the target is a directory, no
 * permission, a read-only or full file system) is bad input: an InputError naming the path and
 * the reason, with the old file untouched and the temporary file removed. Every command that
 * writes through here inherits that.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${counter++}`);
  try {
    if (isDirectory(path)) throw Object.assign(new Error('target is a directory'), { code: 'EISDIR' });
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    removeQuietly(tmp);
    const reason = writeFailureReason(path, error);
    if (reason !== undefined) throw new InputError(ioMessages.cannotWrite(path, reason));
    throw error;
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // the temporary file was never created (its directory is missing or not a directory)
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false; // ENOTDIR and the like: mkdir or write below reports it
  }
}

/** Why `path` cannot be written, in words, for the errors a user can cause; else undefined. */
function writeFailureReason(path: string, error: unknown): string | undefined {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EISDIR':
      return ioMessages.targetIsDirectory();
    case 'ENOTDIR':
    case 'EEXIST': // mkdir of a parent that exists as a file
      return ioMessages.parentIsFile(fileAncestor(path) ?? dirname(path));
    case 'EACCES':
      return ioMessages.notPermitted(dirname(path));
    case 'EPERM':
      return ioMessages.cannotReplace();
    case 'EROFS':
      return ioMessages.readOnly();
    case 'ENOSPC':
    case 'EDQUOT':
      return ioMessages.noSpace();
    case 'ENAMETOOLONG':
      return ioMessages.nameTooLong();
    default:
      return undefined;
  }
}

/** The nearest ancestor of `path` that exists and is not a directory, if any. */
function fileAncestor(path: string): string | undefined {
  let p = dirname(resolve(path));
  for (;;) {
    try {
      const stat = statSync(p, { throwIfNoEntry: false });
      if (stat !== undefined && !stat.isDirectory()) return p;
    } catch {
      // ENOTDIR: a higher ancestor is the file
    }
    const parent = dirname(p);
    if (parent === p) return undefined;
    p = parent;
  }
}

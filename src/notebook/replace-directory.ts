import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../core/io/atomic-write.ts';

let counter = 0;

/**
 * Replaces the directory `target` by one holding exactly `files` (relative path → bytes), so
 * that a reader never sees a mix of old and new results and an interrupted run never destroys
 * a good one.
 *
 * Why a directory swap rather than one atomic write per file: a notebook's files belong together
 * (the page inlines the figures, run.json lists every file's hash). Replacing them one by one
 * could leave a new SVG next to an old CSV if the run is killed half-way, and would leave files
 * of figures that no longer exist. So every file is written (each with `writeFileAtomic`) into a
 * staging directory beside `target`, on the same file system; then the old directory is renamed
 * aside, the staging one renamed into place, and the old one removed. Both renames are atomic
 * (POSIX rename(2)). If the process dies between them, `target` is briefly missing but the
 * previous results survive intact as `.NAME.old-*` beside it; a later successful run removes
 * such leftovers.
 */
export function replaceDirectory(target: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const parent = dirname(target);
  const name = basename(target);
  mkdirSync(parent, { recursive: true });
  const tag = `${process.pid}-${counter++}`;
  const staging = join(parent, `.${name}.staging-${tag}`);
  const old = join(parent, `.${name}.old-${tag}`);
  try {
    mkdirSync(staging);
    for (const [path, data] of files) writeFileAtomic(join(staging, path), data);
    const hadOld = existsSync(target);
    if (hadOld) renameSync(target, old);
    try {
      renameSync(staging, target);
    } catch (error) {
      if (hadOld) renameSync(old, target);
      throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  removeLeftovers(parent, name);
}

/**
 * Removes staging and old directories that interrupted runs left beside `parent/name`; those of
 * a process still running (another run of the same notebook) are left alone.
 */
function removeLeftovers(parent: string, name: string): void {
  const prefixes = [`.${name}.staging-`, `.${name}.old-`];
  for (const entry of readdirSync(parent)) {
    const prefix = prefixes.find((p) => entry.startsWith(p));
    if (prefix === undefined) continue;
    const pid = Number(entry.slice(prefix.length).split('-')[0]);
    if (pid !== process.pid && isRunning(pid)) continue;
    rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

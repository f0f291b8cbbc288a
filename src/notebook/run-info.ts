import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ParamValue } from './params.ts';

/** The libraries whose versions decide a notebook's bytes, recorded in every run.json. */
export const recordedDependencies = ['@observablehq/plot', '@resvg/resvg-js', 'linkedom', 'marked', 'mathjs', 'papaparse'] as const;

/** Where the sources came from: the commit, and whether the work tree had uncommitted changes. */
export interface GitState {
  readonly commit: string | null;
  readonly dirty: boolean | null;
}

/** The contents of a notebook's `run.json`. */
export interface RunInfo {
  readonly notebook: string;
  readonly title: string;
  readonly summary: string | null;
  readonly seed: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly git: GitState;
  readonly versions: Readonly<Record<string, string | null>>;
  readonly startedAt: string;
  readonly wallTimeS: number;
  /** Every file written, with its SHA-256, so a rerun can be compared without keeping the bytes. */
  readonly files: Readonly<Record<string, string>>;
  /** Figure names in page order; the site index shows the first one's PNG. */
  readonly figures: readonly string[];
  readonly papers: readonly string[];
}

/** The chronotope package root: the repository (src/notebook → ../../) or, installed, dist/src/notebook → ../../../. */
const packageRoot = findUp(new URL('./', import.meta.url), (dir) => packageName(dir) === 'chronotope') ?? new URL('../../', import.meta.url);

/**
 * The git commit of the work tree holding `dir`, and whether it is dirty (`git status
 * --porcelain` lists anything). Both are null when git or the repository is not there, as in an
 * unpacked tarball: a run must not fail for want of provenance.
 */
export function gitState(dir: string): GitState {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const commit = git('rev-parse', 'HEAD').trim();
    const dirty = git('status', '--porcelain', '--untracked-files=normal').trim() !== '';
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

/** Versions of node, chronotope and {@link recordedDependencies}, read from their package.json. */
export function versions(): Record<string, string | null> {
  const result: Record<string, string | null> = { node: process.versions.node, chronotope: packageVersion(packageRoot) };
  for (const name of recordedDependencies) {
    // In the repository dependencies sit in its node_modules; installed, npm hoists them to the
    // project's node_modules above chronotope's own folder: the first one up the tree wins, as
    // in Node's own resolution.
    const dir = findUp(packageRoot, (d) => packageName(new URL(`node_modules/${name}/`, d)) === name);
    result[name] = dir === undefined ? null : packageVersion(new URL(`node_modules/${name}/`, dir));
  }
  return result;
}

/** The first of `start` and its ancestors (directory URLs) that satisfies `test`. */
function findUp(start: URL, test: (dir: URL) => boolean): URL | undefined {
  for (let dir = start; ; dir = new URL('../', dir)) {
    if (test(dir)) return dir;
    if (new URL('../', dir).href === dir.href) return undefined;
  }
}

function packageName(dir: URL): string | null {
  try {
    return String(JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')).name);
  } catch {
    return null;
  }
}

function packageVersion(dir: URL): string | null {
  try {
    return String(JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')).version);
  } catch {
    return null;
  }
}

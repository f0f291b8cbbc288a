import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { InputError, isInputError } from '../core/errors.ts';
import { NotebookContext } from './context.ts';
import { checkOutputDir } from './output-dir.ts';
import { stageFiles } from './staged-files.ts';
import { loadNotebook, notebookSlug } from './load-notebook.ts';
import { notebookMessages } from './messages.ts';
import { isSeed } from './notebook.ts';
import { notebookPage } from './notebook-page.ts';
import { resolveParams, type ParamValue } from './params.ts';
import { silentProgress, type ProgressReporter } from './progress.ts';
import { replaceDirectory } from './replace-directory.ts';
import { gitState, versions, type RunInfo } from './run-info.ts';
import { writeSiteIndex } from './site-index.ts';
import { tableToCsv } from './table-csv.ts';

/** How to run a notebook. Paths are relative to the current directory. */
export interface RunOptions {
  /** The site directory; the notebook's files go to `OUT/NN-slug/`. Default `out`. */
  readonly outDir?: string;
  /** Where paper figures go. Default `papers`. */
  readonly papersDir?: string;
  /** Replaces the notebook's own seed. */
  readonly seed?: number;
  /** `--param` values as typed, by name; converted to each parameter's type. */
  readonly params?: ReadonlyMap<string, string>;
  readonly progress?: ProgressReporter;
  /** Rewrite `OUT/index.html` afterwards (default true; `figures` does it once at the end). */
  readonly updateSiteIndex?: boolean;
}

/** What a run wrote. */
export interface RunResult {
  readonly slug: string;
  /** The notebook's output directory. */
  readonly dir: string;
  readonly info: RunInfo;
  /** Paper files written, as paths. */
  readonly paperFiles: readonly string[];
}

/**
 * Runs one notebook file: loads it, resolves its parameters and seed, runs its body, then writes
 * `OUT/NN-slug/` (index.html, every figure as SVG and PNG, every table as CSV, run.json) and any
 * paper figures. Nothing is written until the body has finished without error, and the directory
 * is replaced as a whole (see `replace-directory.ts`), so a failed or interrupted run leaves the
 * previous results as they were. Paper files sit beside a paper's own sources, so their
 * directory cannot be swapped: they are staged beside their targets first (`staged-files.ts`)
 * and renamed into place after the notebook's directory; each is complete or untouched. The
 * output directories are checked before the notebook runs (`output-dir.ts`).
 */
export async function runNotebook(file: string, options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const slug = notebookSlug(file);
  const outDir = options.outDir ?? 'out';
  const papersDir = options.papersDir ?? 'papers';
  // Output locations first: a mistyped --out should not cost a whole run before it is reported.
  checkOutputDir(outDir, '--out');
  checkOutputDir(papersDir, '--papers');
  const notebook = await loadNotebook(file);
  const { meta } = notebook;
  const params = resolveParams(meta.params ?? {}, options.params);
  const seed = options.seed ?? meta.seed;
  if (!isSeed(seed)) throw new InputError(notebookMessages.badSeed(String(seed)));

  const nb = new NotebookContext(seed, options.progress ?? silentProgress);
  try {
    await notebook.body(nb, params);
  } catch (error) {
    throw notebookFailure(file, error);
  }

  const files = new Map<string, string | Uint8Array>();
  const paperFiles = new Map<string, string | Uint8Array>();
  const figures: string[] = [];
  for (const cell of nb.cells) {
    if (cell.kind === 'table') files.set(`${cell.table.name}.csv`, cell.csv);
    if (cell.kind !== 'figure') continue;
    figures.push(cell.name);
    files.set(`${cell.name}.svg`, cell.svg);
    files.set(`${cell.name}.png`, cell.png);
    if (cell.paper !== undefined) {
      const base = join(papersDir, cell.paper);
      paperFiles.set(`${base}.svg`, cell.svg);
      paperFiles.set(`${base}.png`, cell.png);
      if (cell.data) paperFiles.set(`${base}.csv`, tableToCsv(cell.data.rows, cell.data.columns));
    }
  }
  const git = gitState(dirname(resolve(file)));
  const revision = git.commit === null ? null : git.commit.slice(0, 12) + (git.dirty ? '-dirty' : '');
  files.set('index.html', notebookPage(nb.cells, { title: meta.title, seed, params: params as Record<string, ParamValue>, revision }));

  const info: RunInfo = {
    notebook: file,
    title: meta.title,
    summary: meta.summary ?? null,
    seed,
    params: params as Record<string, ParamValue>,
    git,
    versions: versions(),
    startedAt,
    wallTimeS: Number(((performance.now() - started) / 1000).toFixed(3)),
    files: Object.fromEntries([...files].map(([path, data]) => [path, sha256(data)])),
    figures,
    papers: [...paperFiles.keys()],
  };
  files.set('run.json', JSON.stringify(info, null, 2) + '\n');

  const dir = join(outDir, slug);
  // Paper files are written beside their targets before anything is replaced, so a failure to
  // write them leaves both the notebook's directory and the paper figures as they were.
  const papers = stageFiles(paperFiles);
  try {
    replaceDirectory(dir, files);
  } catch (error) {
    papers.abort();
    throw error;
  }
  papers.commit();
  if (options.updateSiteIndex ?? true) writeSiteIndex(outDir);
  return { slug, dir, info, paperFiles: [...paperFiles.keys()] };
}

/**
 * Names the notebook in a failure: bad input (an InputError, say from a data file the notebook
 * reads) stays an InputError with the file prefixed; a bug keeps its original stack below the
 * new first line, so the line in the notebook that threw is still shown.
 */
function notebookFailure(file: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (isInputError(error)) return new InputError(`${file}: ${message}`);
  const failure = new Error(notebookMessages.notebookFailed(file, message), { cause: error });
  if (error instanceof Error && error.stack) failure.stack = `Error: ${failure.message}\n${error.stack}`;
  return failure;
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

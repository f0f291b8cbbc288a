import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../core/errors.ts';
import { notebookMessages } from './messages.ts';
import { isNotebook, type Notebook } from './notebook.ts';
import { registerNotebookHooks } from './register-notebook-hooks.ts';

/** A notebook file name: `NN-slug.ts`, or any plain name of letters, digits and '-'. */
const notebookFileName = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*\.ts$/;

/** The output directory name of a notebook file: `notebooks/01-light-time.ts` → `01-light-time`. */
export function notebookSlug(file: string): string {
  const name = basename(file);
  if (!notebookFileName.test(name)) throw new InputError(notebookMessages.badNotebookFileName(file));
  return name.slice(0, -'.ts'.length);
}

/**
 * Imports a notebook file and returns its default export. A missing file, a bad file name or a
 * module that does not export a notebook is an InputError naming the file. (Errors thrown while
 * the module itself is evaluated pass through: they are the notebook's bugs, with their stack.)
 * The TypeScript is loaded by tsx, which `bin/chronotope` and the test runner register.
 */
export async function loadNotebook(file: string): Promise<Notebook> {
  notebookSlug(file);
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile()) throw new InputError(notebookMessages.missingNotebook(file));
  let module: { default?: unknown };
  registerNotebookHooks(); // a notebook in any folder is an ES module and may import 'chronotope'
  try {
    module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    throw syntaxErrorAsInput(file, error) ?? error;
  }
  if (!isNotebook(module.default)) throw new InputError(notebookMessages.notANotebook(file));
  return module.default;
}

/**
 * A notebook that does not parse is a malformed file (bad input: one line, exit 2), not a crash.
 * tsx compiles with esbuild in its loader thread; what reaches us is a TransformError whose
 * message reads "Transform failed with 1 error:\n/path/file.ts:LINE:COLUMN: ERROR: text".
 */
function syntaxErrorAsInput(file: string, error: unknown): InputError | undefined {
  const e = error as { name?: string; message?: string };
  if (e?.name !== 'TransformError') return undefined;
  const where = /:(\d+):(\d+): ERROR: (.*)/.exec(e.message ?? '');
  if (!where) return undefined;
  // esbuild lines are 1-based and columns 0-based; editors count both from 1.
  return new InputError(notebookMessages.syntaxError(file, Number(where[1]), Number(where[2]) + 1, where[3]));
}

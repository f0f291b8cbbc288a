/**
 * Every message the notebook runtime shows a user or a notebook author, in one place (as
 * `src/cli/messages.ts` does for the CLI), so wording stays consistent and each can be tested.
 * Messages about bad input (an InputError) are one line naming the file or option at fault.
 */
export const notebookMessages = {
  // plotToSvg
  badIdPrefix: (prefix: string) =>
    `plotToSvg: idPrefix '${prefix}' must start with a letter and use only letters, digits, '-' and '_'`,
  figureNotSvg: () =>
    'plotToSvg: Plot returned a <figure>, not an <svg>: drop the title, subtitle, caption and color legend options (put them in the notebook text) so the figure is a standalone SVG',

  // Parameters and seed (InputError: the user typed these).
  badParamArgument: (argument: string) =>
    `--param: expected name=value, got '${argument}'`,
  unknownParam: (name: string, known: readonly string[]) =>
    `--param: unknown parameter '${name}' (this notebook has: ${known.length > 0 ? known.join(', ') : 'no parameters'})`,
  badParamValue: (name: string, text: string, expected: string) =>
    `--param ${name}: expected ${expected}, got '${text}'`,
  duplicateParam: (name: string) =>
    `--param: parameter '${name}' given more than once`,
  badSeed: (text: string) =>
    `--seed: expected an integer from 0 to 9007199254740991, got '${text}'`,

  // Notebook files (InputError).
  missingNotebook: (file: string) =>
    `${file}: no such notebook file`,
  syntaxError: (file: string, line: number, column: number, text: string) =>
    `${file}:${line}:${column}: syntax error: ${text}`,
  notANotebook: (file: string) =>
    `${file}: not a notebook (expected 'export default notebook({ title, params, seed }, (nb, params) => { ... })')`,
  badNotebookFileName: (file: string) =>
    `${file}: a notebook file name must be letters, digits and '-' ending in .ts (for example 01-light-time.ts)`,
  notebooksNotDirectory: (dir: string) =>
    `--notebooks ${dir}: expected a directory of notebooks, but it is a file`,
  noNotebooks: (dir: string) =>
    `${dir}: no notebooks (*.ts) found`,
  unknownNotebookSelection: (selector: string, dir: string) =>
    `${selector}: no notebook in ${dir} matches (give a file name or its number, for example 01)`,

  // Output directories (InputError): checked before the notebook runs.
  outputNotDirectory: (option: string, dir: string, path: string) =>
    `${option} ${dir}: expected a directory, but ${path} is a file`,
  targetIsDirectory: (path: string) =>
    `${path}: expected a file to replace, but it is a directory`,
  outputNotWritable: (option: string, dir: string, path: string) =>
    `${option} ${dir}: expected a writable directory, but ${path} is not writable`,

  // Mistakes in a notebook's own code (plain Error: the author must fix the notebook).
  badParamName: (name: string) =>
    `notebook parameter '${name}': names must be identifiers (letters, digits, '_') so --param ${name}=... can be typed`,
  badParamDeclaration: (name: string) =>
    `notebook parameter '${name}': the default must be a number, a string or a boolean`,
  defaultOutOfRange: (name: string, value: number) =>
    `notebook parameter '${name}': the default ${value} is outside its own min/max/integer limits`,
  badNotebookSeed: (seed: unknown) =>
    `notebook seed: expected an integer from 0 to 9007199254740991, got ${String(seed)}`,
  missingTitle: () =>
    'notebook: a title is required',
  badCellName: (kind: string, name: string) =>
    `${kind} '${name}': names are used as file names, so use lower-case letters, digits and '-' (for example light-time)`,
  duplicateCellName: (kind: string, name: string) =>
    `${kind} '${name}': this notebook already has a ${kind} of that name`,
  headerWithoutUnit: (table: string, header: string) =>
    `table '${table}': numeric column '${header}' needs its unit in the header, for example 'distance (m)' or 'count (1)'`,
  badPaperPath: (figure: string, path: string) =>
    `figure '${figure}': paper path '${path}' must be relative, inside papers/, without an extension, using lower-case letters, digits, '-' and '/' (for example figures/light-time)`,
  duplicatePaperPath: (path: string) =>
    `paper path '${path}' is used by two figures`,
  paperNeedsData: (figure: string) =>
    `figure '${figure}': a paper figure needs its data: pass { data: nb.table(...) } so the CSV goes beside the SVG`,
  badColumns: (table: string) =>
    `table '${table}': give at least one column as { key, header }`,
  badProgressTotal: (total: number) =>
    `nb.progress: total must be a positive integer, got ${total}`,

  // Runs.
  notebookFailed: (file: string, message: string) =>
    `${file}: notebook failed: ${message}`,
  figuresFailed: (failed: readonly string[]) =>
    `figures: ${failed.length} notebook${failed.length === 1 ? '' : 's'} failed: ${failed.join(', ')}`,
  wrote: (dir: string, seconds: number) =>
    `wrote ${dir} (${seconds.toFixed(1)} s)`,
} as const;

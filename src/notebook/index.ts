/**
 * The notebook runtime: define a notebook with {@link notebook}, run it with {@link runNotebook}
 * (or `chronotope run`), render Plot figures headless with {@link plotToSvg} and {@link svgToPng}.
 * How to write a notebook: `src/notebook/README.md`.
 */
export { notebook, isNotebook, type Notebook, type NotebookMeta, type NotebookBody } from './notebook.ts';
export { NotebookContext, type FigureOptions, type TableOptions, type Cell } from './context.ts';
export type { Column, Table, TableRow, TableValue } from './table.ts';
export type { ParamSpec, ParamValue, ParamDeclarations, ParamValues } from './params.ts';
export { plotToSvg, type SvgOptions } from './figure-svg.ts';
export { svgToPng, type PngOptions } from './figure-png.ts';
export { tableToCsv, formatCsvValue } from './table-csv.ts';
export { formatNumber } from './format-number.ts';
export { runNotebook, type RunOptions, type RunResult } from './run-notebook.ts';
export { createProgress, silentProgress, type ProgressReporter, type ProgressTask } from './progress.ts';

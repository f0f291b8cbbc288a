import type * as Plot from '@observablehq/plot';
import { plotToSvg } from './figure-svg.ts';
import { svgToPng } from './figure-png.ts';
import { dedent, interpolate, renderMarkdown } from './markdown.ts';
import { notebookMessages } from './messages.ts';
import type { ProgressReporter, ProgressTask } from './progress.ts';
import { checkColumns, type Column, type Table, type TableRow } from './table.ts';
import { tableToCsv } from './table-csv.ts';

/** A block of text, already rendered to HTML. */
export interface MarkdownCell {
  readonly kind: 'markdown';
  readonly source: string;
  readonly html: string;
}

/** A figure, rendered to SVG and PNG when `nb.figure` is called. */
export interface FigureCell {
  readonly kind: 'figure';
  readonly name: string;
  readonly caption?: string;
  /** The SVG as a file (ids prefixed `plot`) and as inlined in the page (ids prefixed by name). */
  readonly svg: string;
  readonly inlineSvg: string;
  readonly png: Uint8Array;
  readonly data?: Table;
  readonly paper?: string;
}

/** A table, with its CSV text. */
export interface TableCell {
  readonly kind: 'table';
  readonly table: Table;
  readonly csv: string;
}

export type Cell = MarkdownCell | FigureCell | TableCell;

/** Options of `nb.figure`. */
export interface FigureOptions {
  /** A sentence under the figure on the page. */
  readonly caption?: string;
  /** The table the figure was drawn from; its CSV is linked beside the figure. */
  readonly data?: Table;
  /**
   * Also write the figure for a paper, at this path under `papers/` without extension:
   * `'figures/light-time'` gives `papers/figures/light-time.svg`, `.png` and (from `data`) `.csv`.
   */
  readonly paper?: string;
}

/** Options of `nb.table`. */
export interface TableOptions {
  /** A sentence above the table on the page. */
  readonly caption?: string;
}

/** Names become file names: lower-case words joined by '-'. */
const cellName = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Paper paths: such names joined by '/'. */
const paperPath = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;

/**
 * What a notebook body receives as `nb`: it records cells in order. Each call renders at once
 * (Markdown to HTML, Plot to SVG and PNG, rows to CSV), so a mistake is reported at the line that
 * made it; nothing is written to disk until the whole body has finished (see `run-notebook.ts`).
 */
export class NotebookContext {
  /** The seed of this run: the notebook's own, or `--seed`. Give it to `new RandomStream(nb.seed, id)`. */
  readonly seed: number;
  readonly #cells: Cell[] = [];
  readonly #progress: ProgressReporter;
  readonly #papers = new Set<string>();

  constructor(seed: number, progress: ProgressReporter) {
    this.seed = seed;
    this.#progress = progress;
  }

  /** The cells recorded so far, in order. */
  get cells(): readonly Cell[] {
    return this.#cells;
  }

  /**
   * A Markdown block, as a tagged template (`` nb.md`# Title` ``) or a plain string. Common
   * indentation is removed, so the text may be indented with the code around it.
   */
  md(text: TemplateStringsArray | string, ...values: unknown[]): void {
    const source = dedent(typeof text === 'string' ? text : interpolate(text.raw.map((_, i) => text[i]), values));
    this.#cells.push({ kind: 'markdown', source, html: renderMarkdown(source) });
  }

  /**
   * A table. `columns` fixes the order and the headers (with units, see {@link Column}); the
   * page shows it and `NAME.csv` holds it. Returns the table so a figure can name it as its data.
   */
  table(name: string, rows: readonly TableRow[], columns: readonly Column[], options: TableOptions = {}): Table {
    this.#checkName('table', name);
    checkColumns(name, rows, columns);
    const table: Table = { name, rows, columns, caption: options.caption };
    this.#cells.push({ kind: 'table', table, csv: tableToCsv(rows, columns) });
    return table;
  }

  /**
   * A figure from Observable Plot options (https://observablehq.com/plot/features/plots), without
   * `document`: it is rendered headless to `NAME.svg` and `NAME.png` and shown inline on the page.
   */
  figure(name: string, plot: Plot.PlotOptions, options: FigureOptions = {}): void {
    this.#checkName('figure', name);
    if (options.paper !== undefined) {
      if (!paperPath.test(options.paper)) throw new Error(notebookMessages.badPaperPath(name, options.paper));
      if (options.data === undefined) throw new Error(notebookMessages.paperNeedsData(name));
      if (this.#papers.has(options.paper)) throw new Error(notebookMessages.duplicatePaperPath(options.paper));
      this.#papers.add(options.paper);
    }
    const svg = plotToSvg(plot);
    this.#cells.push({
      kind: 'figure',
      name,
      caption: options.caption,
      svg,
      inlineSvg: plotToSvg(plot, { idPrefix: `fig-${name}` }),
      png: svgToPng(svg),
      data: options.data,
      paper: options.paper,
    });
  }

  /**
   * Reports progress of long work in the notebook (a parameter sweep, a long simulation):
   * `const p = nb.progress('sweep', n); for (...) { ...; p.tick(); } p.done();`
   */
  progress(label: string, total: number): ProgressTask {
    if (!Number.isSafeInteger(total) || total <= 0) throw new Error(notebookMessages.badProgressTotal(total));
    return this.#progress.start(label, total);
  }

  #checkName(kind: 'figure' | 'table', name: string): void {
    if (typeof name !== 'string' || !cellName.test(name)) throw new Error(notebookMessages.badCellName(kind, String(name)));
    const taken = this.#cells.some((c) => (c.kind === 'figure' && kind === 'figure' && c.name === name)
      || (c.kind === 'table' && kind === 'table' && c.table.name === name));
    if (taken) throw new Error(notebookMessages.duplicateCellName(kind, name));
  }
}

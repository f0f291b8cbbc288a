import type { Cell, FigureCell, TableCell } from './context.ts';
import { formatNumber } from './format-number.ts';
import { escapeHtml } from './html-escape.ts';
import { pageHead } from './page-style.ts';
import type { ParamValue } from './params.ts';

/** What the page says about the run, besides the cells. */
export interface PageInfo {
  readonly title: string;
  readonly seed: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Git commit of the sources, with `-dirty` when they had uncommitted changes; null outside git. */
  readonly revision: string | null;
}

/**
 * The notebook's `index.html`: one self-contained file (inline CSS, inline SVG figures, no
 * scripts, no fetches) that reads the same offline, with links to each figure's SVG/PNG and each
 * table's CSV beside it and back to the site index. It holds no timestamps, so it changes only
 * when the results or the sources do; times are in run.json.
 */
export function notebookPage(cells: readonly Cell[], info: PageInfo): string {
  const body = cells.map((cell) => {
    switch (cell.kind) {
      case 'markdown': return cell.html;
      case 'figure': return figureHtml(cell);
      case 'table': return tableHtml(cell);
    }
  });
  const params = Object.entries(info.params).map(([k, v]) => `<code>${escapeHtml(k)}=${escapeHtml(String(v))}</code>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    pageHead(info.title),
    '</head>',
    '<body>',
    '<nav class="back"><a href="../index.html">← all notebooks</a></nav>',
    '<main>',
    `<h1>${escapeHtml(info.title)}</h1>`,
    ...body,
    '</main>',
    '<footer>',
    `<p>Seed <code>${info.seed}</code>${params.length > 0 ? ' · parameters ' + params.join(' ') : ''}`
      + `${info.revision ? ` · sources <code>${escapeHtml(info.revision)}</code>` : ''}`
      + ' · <a href="run.json">run.json</a></p>',
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function figureHtml(cell: FigureCell): string {
  const files = [`<a href="${cell.name}.svg">SVG</a>`, `<a href="${cell.name}.png">PNG</a>`];
  if (cell.data) files.push(`<a href="${cell.data.name}.csv">data (CSV)</a>`);
  return [
    `<figure id="figure-${cell.name}">`,
    cell.inlineSvg.trimEnd(),
    '<figcaption>',
    cell.caption ? `${escapeHtml(cell.caption)}<br>` : '',
    `<span class="files">${files.join('')}</span>`,
    '</figcaption>',
    '</figure>',
  ].join('\n');
}

/**
 * Tables longer than this are folded into a <details> element, closed, with the caption, the
 * row count and the CSV link still showing: a 70-row table of simulation results would
 * otherwise push the figures drawn from it several screens down.
 */
export const FOLD_TABLE_ROWS = 20;

function tableHtml(cell: TableCell): string {
  const { name, rows, columns, caption } = cell.table;
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('');
  const lines = rows.map((row) => '<tr>' + columns.map((c) => {
    const value = row[c.key];
    if (typeof value === 'number') return `<td class="num">${formatNumber(value, c.digits)}</td>`;
    return `<td>${value === null || value === undefined ? '' : escapeHtml(String(value))}</td>`;
  }).join('') + '</tr>');
  const csvLink = `<span class="files"><a href="${name}.csv">CSV</a></span>`;
  const table = [
    '<table>',
    ...(rows.length > FOLD_TABLE_ROWS ? [] : [`<caption>${caption ? escapeHtml(caption) + ' ' : ''}${csvLink}</caption>`]),
    `<thead><tr>${head}</tr></thead>`,
    '<tbody>',
    ...lines,
    '</tbody>',
    '</table>',
  ];
  if (rows.length <= FOLD_TABLE_ROWS) return [`<div class="table-wrap" id="table-${name}">`, ...table, '</div>'].join('\n');
  const rowCount = `${rows.length.toLocaleString('en-US')} rows`;
  return [
    `<details class="table-fold" id="table-${name}">`,
    `<summary>${caption ? escapeHtml(caption) + ' ' : ''}(${rowCount}, click to show) ${csvLink}</summary>`,
    '<div class="table-wrap">',
    ...table,
    '</div>',
    '</details>',
  ].join('\n');
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cell } from '../../src/notebook/context.ts';
import { FOLD_TABLE_ROWS, notebookPage } from '../../src/notebook/notebook-page.ts';
import { tableToCsv } from '../../src/notebook/table-csv.ts';
import type { Column } from '../../src/notebook/table.ts';

const columns: Column[] = [{ key: 'lengthM', header: 'length (m)' }];
function tableCell(name: string, rowCount: number): Cell {
  const rows = Array.from({ length: rowCount }, (_, i) => ({ lengthM: i }));
  return { kind: 'table', table: { name, rows, columns, caption: `Table ${name}.` }, csv: tableToCsv(rows, columns) };
}
const page = (cells: Cell[]) => notebookPage(cells, { title: 't', seed: 1, params: {}, revision: null });

test('a table of up to FOLD_TABLE_ROWS rows is shown open, with its caption and CSV link', () => {
  assert.equal(FOLD_TABLE_ROWS, 20);
  const html = page([tableCell('short', 20)]);
  assert.doesNotMatch(html, /<details/);
  assert.match(html, /<caption>Table short\. <span class="files"><a href="short\.csv">CSV<\/a><\/span><\/caption>/);
  assert.equal(html.match(/<tr>/g)?.length, 1 + 20);
});

test('a longer table is folded: closed <details>, caption, row count and CSV link in the summary', () => {
  const html = page([tableCell('long', 21), tableCell('short', 3)]);
  assert.match(html, /<details class="table-fold" id="table-long">\n<summary>Table long\. \(21 rows, click to show\) <span class="files"><a href="long\.csv">CSV<\/a><\/span><\/summary>/);
  assert.doesNotMatch(html, /<details[^>]* open/);
  // Every row is still there (search and copy work once opened), and the short table is open.
  assert.equal(html.match(/<tr>/g)?.length, 1 + 21 + 1 + 3);
  assert.match(html, /<div class="table-wrap" id="table-short">/);
  assert.equal(html.match(/<caption>/g)?.length, 1);
});

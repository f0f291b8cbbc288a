import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Plot from '@observablehq/plot';
import { NotebookContext } from '../../src/notebook/context.ts';
import { notebook } from '../../src/notebook/notebook.ts';
import { silentProgress } from '../../src/notebook/progress.ts';

const rows = [{ lengthM: 1, delayNs: 5 }, { lengthM: 2, delayNs: 10 }];
const columns = [{ key: 'lengthM', header: 'length (m)' }, { key: 'delayNs', header: 'delay (ns)' }];
const plot = { marks: [Plot.dot(rows, { x: 'lengthM', y: 'delayNs' })] };

test('nb records cells in order, rendered at once', () => {
  const nb = new NotebookContext(3, silentProgress);
  nb.md`
    # Delay ${1 + 1}
  `;
  const table = nb.table('delays', rows, columns, { caption: 'Delays.' });
  nb.figure('delays', plot, { data: table, paper: 'figures/delays', caption: 'Delay.' });
  assert.equal(nb.seed, 3);
  assert.deepEqual(nb.cells.map((c) => c.kind), ['markdown', 'table', 'figure']);
  const [md, tab, fig] = nb.cells;
  assert.equal(md.kind === 'markdown' && md.html, '<h1>Delay 2</h1>\n');
  assert.equal(tab.kind === 'table' && tab.csv, 'length (m),delay (ns)\n1,5\n2,10\n');
  assert.ok(fig.kind === 'figure' && fig.svg.startsWith('<svg') && fig.inlineSvg.includes('chronotope-figure') && fig.png.length > 100);
});

test('nb refuses names that are not file-safe, duplicates, and bad paper requests', () => {
  const nb = new NotebookContext(1, silentProgress);
  const table = nb.table('delays', rows, columns);
  assert.throws(() => nb.table('delays', rows, columns), /table 'delays': this notebook already has a table of that name/);
  assert.throws(() => nb.figure('Delay Plot', plot), /figure 'Delay Plot': names are used as file names/);
  assert.throws(() => nb.figure('a', plot, { paper: '../outside' }), /paper path '\.\.\/outside' must be relative/);
  assert.throws(() => nb.figure('a', plot, { paper: 'figures/a.svg' }), /without an extension/);
  assert.throws(() => nb.figure('a', plot, { paper: 'figures/a' }), /a paper figure needs its data/);
  nb.figure('a', plot, { paper: 'figures/a', data: table });
  assert.throws(() => nb.figure('b', plot, { paper: 'figures/a', data: table }), /paper path 'figures\/a' is used by two figures/);
  assert.throws(() => nb.figure('c', { ...plot, title: 'no' }), /Plot returned a <figure>/);
  assert.throws(() => nb.progress('x', 0), /total must be a positive integer/);
});

test('notebook() checks its declaration when the file is loaded', () => {
  const body = () => {};
  assert.throws(() => notebook({ title: '', seed: 1 }, body), /a title is required/);
  assert.throws(() => notebook({ title: 't', seed: -1 }, body), /notebook seed: expected an integer/);
  assert.throws(() => notebook({ title: 't', seed: 2 ** 53 }, body), /notebook seed/);
  assert.throws(() => notebook({ title: 't', seed: 1, params: { n: { value: 5, max: 4 } } }, body), /default 5 is outside/);
  assert.equal(notebook({ title: 't', seed: 0 }, body).kind, 'chronotope-notebook');
});

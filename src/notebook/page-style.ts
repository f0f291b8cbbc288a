import { escapeHtml } from './html-escape.ts';

/**
 * The stylesheet inlined into every generated page, so a page is one self-contained file that
 * reads well offline and prints cleanly. System fonts for text; figures carry their own font.
 */
export const pageStyle = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --accent: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1.25rem 4rem; color: var(--ink); background: #fff;
  font: 16px/1.55 "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--accent); }
nav.back { font-size: 0.9rem; margin-bottom: 1rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.35rem; margin-top: 2rem; }
code { font: 0.9em "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; background: #f4f4f6; padding: 0.05em 0.25em; border-radius: 3px; }
pre code { display: block; padding: 0.75rem; overflow-x: auto; }
figure { margin: 1.5rem 0; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.92rem; margin-top: 0.4rem; }
.files { font-size: 0.85rem; color: var(--muted); }
.files a { margin-right: 0.6rem; }
.table-wrap { overflow-x: auto; margin: 1.25rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; }
details.table-fold { margin: 1.25rem 0; }
details.table-fold > summary { color: var(--muted); cursor: pointer; }
caption { caption-side: top; text-align: left; color: var(--muted); padding-bottom: 0.4rem; }
th, td { padding: 0.3rem 0.7rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { text-align: left; font-weight: 600; border-bottom: 2px solid var(--ink); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: 0.75rem; font-size: 0.85rem; color: var(--muted); }
ul.notebooks { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1.25rem; }
ul.notebooks li { border: 1px solid var(--rule); border-radius: 6px; padding: 0.75rem; }
ul.notebooks img { display: block; width: 100%; height: auto; border: 1px solid var(--rule); margin-bottom: 0.5rem; }
ul.notebooks .title { font-weight: 600; }
ul.notebooks .summary { font-size: 0.9rem; color: var(--muted); }
`.trim();

/** The `<head>` every page shares. `data:,` as icon stops browsers asking for a favicon file. */
export function pageHead(title: string): string {
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${pageStyle}\n</style>`,
  ].join('\n');
}

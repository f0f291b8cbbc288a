import { Marked } from 'marked';

/**
 * Markdown to HTML with marked (GitHub-flavoured Markdown: headings, emphasis, lists, links,
 * code, tables; https://marked.js.org). Notebook text is written by the notebook's author, so raw
 * HTML in it is passed through as Markdown allows.
 */
const marked = new Marked({ gfm: true, async: false });

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false });
}

/**
 * Removes the indentation common to all non-blank lines, and leading and trailing blank lines,
 * so text in an indented template literal is not read as a Markdown code block.
 */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join('\n');
}

/** Joins a tagged template's parts with its values, as an untagged template would. */
export function interpolate(strings: readonly string[], values: readonly unknown[]): string {
  return strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), '');
}

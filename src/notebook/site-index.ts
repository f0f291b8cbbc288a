import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/io/atomic-write.ts';
import { escapeHtml } from './html-escape.ts';
import { pageHead } from './page-style.ts';
import type { RunInfo } from './run-info.ts';

/** One notebook as the site index lists it. */
export interface SiteEntry {
  /** The output directory's name, `01-light-time`. */
  readonly slug: string;
  readonly title: string;
  readonly summary: string | null;
  /** The first figure's PNG, relative to the site root, if the notebook has figures. */
  readonly thumbnail: string | null;
}

/**
 * The notebooks in an output directory: every subdirectory with a readable run.json, in name
 * order (so `01-...` before `20-...`). Reading what is on disk, rather than what one command
 * just ran, keeps the index right after `chronotope run` of a single notebook too.
 */
export function siteEntries(outDir: string): SiteEntry[] {
  if (!existsSync(outDir)) return [];
  const entries: SiteEntry[] = [];
  for (const slug of readdirSync(outDir).sort()) {
    if (slug.startsWith('.')) continue;
    const runFile = join(outDir, slug, 'run.json');
    let info: RunInfo;
    try {
      info = JSON.parse(readFileSync(runFile, 'utf8')) as RunInfo;
    } catch {
      continue;
    }
    const first = info.figures?.[0];
    entries.push({ slug, title: String(info.title ?? slug), summary: info.summary ?? null, thumbnail: first ? `${slug}/${first}.png` : null });
  }
  return entries;
}

/** The site index page: a card per notebook with its title, summary and thumbnail. */
export function siteIndexPage(entries: readonly SiteEntry[]): string {
  const cards = entries.map((e) => [
    '<li>',
    `<a href="${escapeHtml(e.slug)}/index.html">`,
    e.thumbnail ? `<img src="${escapeHtml(e.thumbnail)}" alt="First figure of ${escapeHtml(e.title)}">` : '',
    `<span class="title">${escapeHtml(e.title)}</span></a>`,
    e.summary ? `<div class="summary">${escapeHtml(e.summary)}</div>` : '',
    '</li>',
  ].filter((line) => line !== '').join('\n'));
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    pageHead('chronotope notebooks'),
    '</head>',
    '<body>',
    '<main>',
    '<h1>chronotope notebooks</h1>',
    entries.length > 0 ? `<ul class="notebooks">\n${cards.join('\n')}\n</ul>` : '<p>No notebooks have been run yet.</p>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Rewrites `OUT/index.html` from what is in `OUT`. */
export function writeSiteIndex(outDir: string): void {
  writeFileAtomic(join(outDir, 'index.html'), siteIndexPage(siteEntries(outDir)));
}

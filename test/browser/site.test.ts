// Headless Chromium opens the generated site and must see no console errors, no failed requests,
// and the figures and tables really rendered. Needs Debian's `chromium` package (/usr/bin/chromium).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const chromiumPath = '/usr/bin/chromium';
/** Notebooks the site is built from; a short list keeps the test fast as notebooks are added. */
const notebooks = (process.env.CHRONOTOPE_BROWSER_NOTEBOOKS ?? '01').split(',');

const temp = mkdtempSync(join(tmpdir(), 'chronotope-browser-'));
let browser: Browser | undefined;
test.after(async () => {
  await browser?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** Opens a page and collects console errors and warnings, page errors and failed requests. */
async function open(page: Page, file: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return problems;
}

test('the site index and a notebook page load in Chromium without errors', async (t) => {
  assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: install Debian's chromium package (apt-get install -y chromium)`);
  const out = join(temp, 'out');
  const r = spawnSync(process.execPath, ['bin/chronotope', 'figures', ...notebooks, '--out', out, '--papers', join(temp, 'papers')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);

  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });

  await t.test('index.html', async () => {
    const problems = await open(page, join(out, 'index.html'));
    assert.deepEqual(problems, []);
    assert.equal(await page.title(), 'chronotope notebooks');
    // Every thumbnail decoded (naturalWidth 0 means a broken image).
    const widths = await page.$$eval('ul.notebooks img', (imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    assert.equal(widths.length, notebooks.length);
    assert.ok(widths.every((w) => w > 0), `thumbnails: ${widths}`);
    await page.click('ul.notebooks a[href="01-light-time/index.html"]');
    await page.waitForURL(/01-light-time\/index\.html$/);
  });

  await t.test('01-light-time/index.html', async () => {
    const problems = await open(page, join(out, '01-light-time', 'index.html'));
    assert.deepEqual(problems, []);
    assert.match(await page.locator('h1').innerText(), /Light-time/);
    const svgs = page.locator('figure svg');
    assert.equal(await svgs.count(), 2);
    // The figure is laid out with a real size, and Plot's marks are there.
    const box = await svgs.first().boundingBox();
    assert.ok(box !== null && box.width > 300 && box.height > 150, JSON.stringify(box));
    assert.ok(await svgs.first().locator('text').count() > 10);
    assert.equal(await page.locator('table').count(), 2);
    assert.equal(await page.locator('table').first().locator('tbody tr').count(), 9);
    // Every link on the page points to a file that exists.
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs.filter((h) => h.startsWith('file:'))) {
      assert.ok(existsSync(new URL(href)), `broken link ${href}`);
    }
    if (process.env.CHRONOTOPE_SCREENSHOT) await page.screenshot({ path: process.env.CHRONOTOPE_SCREENSHOT, fullPage: true });
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as Plot from '@observablehq/plot';
import { plotToSvg } from '../../src/notebook/figure-svg.ts';
import { svgToPng } from '../../src/notebook/figure-png.ts';
import { figureFontFile } from '../../src/notebook/font.ts';
import { isPng, pngSize } from './png-bytes.ts';

const textSvg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30" font-family="DejaVu Sans, sans-serif"><text x="5" y="20" font-size="16">${text}</text></svg>`;

test('svgToPng gives a PNG scaled 2x by default, and byte-identical bytes on every call', () => {
  const svg = plotToSvg({ width: 320, height: 200, marks: [Plot.dot([[1, 2], [3, 4]])] });
  const png = svgToPng(svg);
  assert.ok(isPng(png));
  assert.deepEqual(pngSize(png), { width: 640, height: 400 });
  assert.deepEqual(svgToPng(svg), png);
  assert.deepEqual(pngSize(svgToPng(svg, { scale: 1 })), { width: 320, height: 200 });
});

test('svgToPng draws text with the shipped font, not tofu', () => {
  // U+4E00 and U+4E01 are CJK ideographs that DejaVu Sans 2.37 lacks (its coverage list,
  // Debian's /usr/share/doc/fonts-dejavu-core/unicover.txt.gz, lists 0 glyphs in the CJK Unified Ideographs block), so both draw
  // as the same .notdef box: this shows the comparison below can detect tofu.
  assert.deepEqual(svgToPng(textSvg('\u4e00')), svgToPng(textSvg('\u4e01')));
  // Greek capital delta is in DejaVu Sans, so it must not look like the missing-glyph box,
  // and text must not vanish (resvg draws nothing when no font is loaded).
  assert.notDeepEqual(svgToPng(textSvg('\u0394')), svgToPng(textSvg('\u4e00')));
  assert.notDeepEqual(svgToPng(textSvg('\u0394')), svgToPng(textSvg('')));
});

test('the shipped font is the DejaVu Sans 2.37 file named in assets/fonts/README.md', () => {
  // sha256 of Debian fonts-dejavu-core 2.37-6's DejaVuSans.ttf, recorded when it was copied.
  const sha = createHash('sha256').update(readFileSync(figureFontFile)).digest('hex');
  assert.equal(sha, 'abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322');
});

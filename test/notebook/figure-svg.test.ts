import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Plot from '@observablehq/plot';
import fc from 'fast-check';
import { plotToSvg, figureClassName } from '../../src/notebook/figure-svg.ts';

const points = [{ xM: 0.02, yS: 1 }, { xM: 2, yS: 3 }, { xM: 100, yS: 2 }];
const options = (): Plot.PlotOptions => ({
  x: { type: 'log', label: 'distance (m)' },
  y: { label: 'time (s)' },
  marks: [Plot.lineY(points, { x: 'xM', y: 'yS', clip: true, marker: true }), Plot.frame()],
});

test('plotToSvg returns a standalone SVG document with the shipped font and our class', () => {
  const svg = plotToSvg(options());
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /font-family="DejaVu Sans, sans-serif"/);
  assert.match(svg, new RegExp(`class="${figureClassName}"`));
  assert.doesNotMatch(svg, /plot-d6a7b5|system-ui/);
  assert.match(svg, /distance \(m\)/);
});

test('plotToSvg is byte-identical across calls although Plot counts ids globally', () => {
  const first = plotToSvg(options());
  const second = plotToSvg(options());
  assert.equal(second, first);
  // Both calls used a clip path and a marker; without renumbering the second would say clip-2.
  assert.match(first, /id="plot-clip-1"/);
  assert.match(first, /id="plot-marker-1"/);
  assert.match(first, /url\(#plot-clip-1\)/);
});

test('plotToSvg prefixes ids so figures inlined in one page do not clash', () => {
  const svg = plotToSvg(options(), { idPrefix: 'light-time' });
  assert.match(svg, /id="light-time-clip-1"/);
  assert.match(svg, /url\(#light-time-marker-1\)/);
  assert.doesNotMatch(svg, /plot-clip|plot-marker/);
  assert.throws(() => plotToSvg(options(), { idPrefix: '1 bad' }), /idPrefix '1 bad'/);
});

test('plotToSvg refuses options that make Plot return an HTML <figure>', () => {
  assert.throws(() => plotToSvg({ ...options(), title: 'A title' }), /returned a <figure>/);
});

test('property: plotToSvg output depends only on its options, whatever was rendered before', () => {
  const pointsArb = fc.array(fc.record({ x: fc.double({ min: -1e6, max: 1e6, noNaN: true }), y: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }), { minLength: 1, maxLength: 8 });
  fc.assert(fc.property(pointsArb, pointsArb, (a, b) => {
    const optionsFor = (data: { x: number; y: number }[]): Plot.PlotOptions =>
      ({ width: 200, height: 120, marks: [Plot.line(data, { x: 'x', y: 'y', clip: true, marker: true })] });
    const first = plotToSvg(optionsFor(a));
    plotToSvg(optionsFor(b)); // advances Plot's global id counters
    assert.equal(plotToSvg(optionsFor(a)), first);
  }), { numRuns: 25 });
});

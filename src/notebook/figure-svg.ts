import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { figureFontStack } from './font.ts';
import { notebookMessages } from './messages.ts';

/** Options for {@link plotToSvg}. */
export interface SvgOptions {
  /**
   * Prefix for the ids Plot gives clip paths, patterns and markers. Figures inlined in one HTML
   * page share one id space, so each needs its own prefix there. Default `'plot'`.
   */
  readonly idPrefix?: string;
}

/** The class every chronotope figure gets, instead of Plot's default `plot-d6a7b5`. */
export const figureClassName = 'chronotope-figure';

const svgNamespace = 'http://www.w3.org/2000/svg';

/**
 * Renders Observable Plot options to a standalone SVG document string, headless: Plot draws into
 * a linkedom document (Plot's `document` option, see https://observablehq.com/plot/features/plots)
 * instead of a browser's.
 *
 * The result is deterministic: the same options give the same bytes, in one process or across
 * runs. Plot numbers clip-path, pattern and marker ids from module-level counters
 * (`plot-clip-N`, `plot-pattern-N`, `plot-marker-N` in Plot 0.6.17's `style.js` and `marker.js`)
 * that keep counting across figures, so ids are renumbered in order of appearance here.
 * The font family is set to the shipped DejaVu Sans (see `font.ts`) so the SVG and its PNG use
 * the same metrics.
 *
 * Plot wraps the SVG in an HTML `<figure>` when `title`, `subtitle`, `caption` or a colour
 * `legend` is asked for; those have no standalone-SVG form, so they are refused with an error
 * that says so (put titles and captions in the notebook text, and label series with text marks).
 */
export function plotToSvg(options: Plot.PlotOptions, svgOptions: SvgOptions = {}): string {
  const idPrefix = svgOptions.idPrefix ?? 'plot';
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(idPrefix)) throw new Error(notebookMessages.badIdPrefix(idPrefix));
  const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
  const element = Plot.plot({ className: figureClassName, ...options, document } as Plot.PlotOptions) as unknown as Element;
  if (element.tagName.toLowerCase() !== 'svg') throw new Error(notebookMessages.figureNotSvg());
  element.setAttribute('xmlns', svgNamespace);
  element.setAttribute('font-family', figureFontStack);
  return renumberIds(element.outerHTML, idPrefix) + '\n';
}

/**
 * Replaces Plot's global-counter ids (`plot-clip-7`) by `PREFIX-clip-1`, `PREFIX-clip-2`, ... in
 * order of first appearance, both where they are defined and where `url(#...)` refers to them.
 */
function renumberIds(svg: string, idPrefix: string): string {
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  return svg.replace(/plot-(clip|pattern|marker)-(\d+)/g, (id: string, kind: string) => {
    let name = renamed.get(id);
    if (name === undefined) {
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      name = `${idPrefix}-${kind}-${n}`;
      renamed.set(id, name);
    }
    return name;
  });
}

import { Resvg } from '@resvg/resvg-js';
import { figureFontFamily, figureFontFile } from './font.ts';

/** Options for {@link svgToPng}. */
export interface PngOptions {
  /** Pixels per SVG unit. Default 2, sharp on high-density screens and projectors. */
  readonly scale?: number;
}

/**
 * Renders an SVG document to PNG bytes with resvg (https://github.com/linebender/resvg), headless
 * and byte-stable: resvg loads ONLY the font shipped in `assets/fonts/` (`loadSystemFonts: false`)
 * and every generic family maps to it, so the pixels do not depend on the fonts a machine has.
 * The background is opaque white, as Plot's own stylesheet paints it in a browser.
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const scale = options.scale ?? 2;
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [figureFontFile],
      defaultFontFamily: figureFontFamily,
      sansSerifFamily: figureFontFamily,
      serifFamily: figureFontFamily,
      monospaceFamily: figureFontFamily,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    logLevel: 'off',
  });
  return new Uint8Array(resvg.render().asPng());
}

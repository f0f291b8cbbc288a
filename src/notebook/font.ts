import { fileURLToPath } from 'node:url';

/**
 * The one font every figure uses. It ships in the repository (`assets/fonts/`, DejaVu Sans 2.37
 * from Debian's fonts-dejavu-core, licence beside it) so PNGs rendered by resvg are byte-identical
 * on any machine: resvg loads only this file and no system fonts.
 */
export const figureFontFamily = 'DejaVu Sans';

/** The CSS `font-family` written into every SVG: the shipped font first, then a generic fallback. */
export const figureFontStack = `${figureFontFamily}, sans-serif`;

/** Absolute path of the shipped TrueType file. */
export const figureFontFile = fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url));

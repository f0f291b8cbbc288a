import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../../core/errors.ts';
import { stabilityMessages } from './messages.ts';
import { isNpy, parseNpy, readNpyFile } from './read-npy.ts';
import { parseCsvColumn, parseTextLines } from './read-text-series.ts';

/** Where a series came from, for error messages: a file name or '<stdin>'. */
export type SeriesSource = string;

export interface ParseOptions {
  /** The column to read: of a CSV file (header row first), or of a Parquet file (required there). */
  readonly column?: string;
}

/** Parquet files start and end with the magic bytes 'PAR1' (Apache Parquet format, "File Format"). */
function isParquet(buf: Uint8Array): boolean {
  const n = buf.length;
  return n >= 12 && buf[0] === 0x50 && buf[1] === 0x41 && buf[2] === 0x52 && buf[3] === 0x31
    && buf[n - 4] === 0x50 && buf[n - 3] === 0x41 && buf[n - 2] === 0x52 && buf[n - 1] === 0x31;
}

/** Text saved by some Windows editors starts with the UTF-8 byte-order mark EF BB BF: skip it. */
function withoutByteOrderMark(buf: Uint8Array): Uint8Array {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
}

function gunzipIfCompressed(bytes: Uint8Array, where: string): Uint8Array {
  if (!(bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b)) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new InputError(`${where}: corrupt gzip data (${(error as Error).message})`);
  }
}

/**
 * Parses a series from raw bytes; the format is recognised by its magic bytes, whatever the file
 * is called: gzip (1f 8b) is unpacked first; a numpy `.npy` file (93 'NUMPY') holds float64 or
 * float32 values; anything else is text, one number per line, or CSV with `options.column`.
 * (Parquet needs an asynchronous reader: {@link loadSeries}.) Throws InputError with the file
 * and line for anything malformed, NaN or infinite, and for a file without values.
 */
export function parseSeries(bytes: Uint8Array, where: SeriesSource, options: ParseOptions = {}): Float64Array {
  return parseUnpacked(gunzipIfCompressed(bytes, where), where, options);
}

function parseUnpacked(unpacked: Uint8Array, where: string, options: ParseOptions): Float64Array {
  const buf = withoutByteOrderMark(unpacked);
  if (isParquet(buf)) throw new InputError(stabilityMessages.parquetNeedsAsync(where));
  let values: Float64Array;
  if (isNpy(buf)) values = parseNpy(buf, where);
  else if (options.column !== undefined) values = parseCsvColumn(Buffer.from(buf.buffer, buf.byteOffset, buf.length).toString('utf8'), where, options.column);
  else values = parseTextLines(buf, where);
  if (values.length === 0) throw new InputError(stabilityMessages.emptyData(where));
  return values;
}

/** A little-endian .npy file read straight into its result, else undefined (see `readNpyFile`). */
function readNpyDirect(path: string): Float64Array | undefined {
  if (path === '-') return undefined;
  let values: Float64Array | undefined;
  try {
    values = readNpyFile(path, path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    return undefined; // cannot open or read: readBytes reports it
  }
  if (values !== undefined && values.length === 0) throw new InputError(stabilityMessages.emptyData(path));
  return values;
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path === '-' ? 0 : path);
  } catch (error) {
    throw new InputError(`${path === '-' ? '<stdin>' : path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** Reads a series (text, CSV column, `.npy`, gzip of those) from a file, or standard input for '-'. */
export function readSeries(path: string, options: ParseOptions = {}): Float64Array {
  const npy = readNpyDirect(path);
  if (npy !== undefined) return npy;
  return parseSeries(readBytes(path), path === '-' ? '<stdin>' : path, options);
}

/**
 * Reads a series from any supported file: what {@link readSeries} reads, and a Parquet column
 * (`options.column`, through hyparquet, loaded only when a Parquet file is met).
 */
export async function loadSeries(path: string, options: ParseOptions = {}): Promise<Float64Array> {
  const where = path === '-' ? '<stdin>' : path;
  const npy = readNpyDirect(path);
  if (npy !== undefined) return npy;
  const bytes = gunzipIfCompressed(readBytes(path), where);
  if (!isParquet(bytes)) return parseUnpacked(bytes, where, options);
  const { parseParquetColumn } = await import('./read-parquet.ts');
  const values = await parseParquetColumn(bytes, where, options.column);
  if (values.length === 0) throw new InputError(stabilityMessages.emptyData(where));
  return values;
}

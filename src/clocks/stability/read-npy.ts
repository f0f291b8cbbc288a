import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../../core/errors.ts';
import { escapeControl } from '../../core/text/escape-control.ts';
import { stabilityMessages } from './messages.ts';

/** The first six bytes of every .npy file: 0x93 then 'NUMPY' (NEP 1, "A simple file format for NumPy arrays"). */
const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

export function isNpy(buf: Uint8Array): boolean {
  return buf.length >= 6 && NPY_MAGIC.every((b, i) => buf[i] === b);
}

interface NpyHeader {
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: number[];
}

/**
 * The header is a Python dict literal, e.g. `{'descr': '<f8', 'fortran_order': False,
 * 'shape': (1000,), }`, padded with spaces and a newline (NEP 1 §"Format Specification").
 */
function parseHeader(text: string, where: string): NpyHeader {
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new InputError(stabilityMessages.badNpy(where, `unreadable header '${escapeControl(text.trim().slice(0, 80))}'`));
  }
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : NaN));
  if (shape.some((d) => !Number.isSafeInteger(d))) throw new InputError(stabilityMessages.badNpy(where, `bad shape (${escapeControl(shapeText)})`));
  return { descr, fortranOrder: fortran === 'True', shape };
}

interface NpyLayout {
  readonly dataStart: number;
  readonly count: number;
  readonly itemSize: 4 | 8;
  readonly littleEndian: boolean;
}

/** Reads and checks the magic, version, header and size; `head` holds at least the header. */
function npyLayout(head: Uint8Array, fileLength: number, where: string): NpyLayout {
  if (head.length < 10) throw new InputError(stabilityMessages.badNpy(where, 'file too short for a header'));
  const major = head[6];
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let headerLength: number;
  let headerStart: number;
  if (major === 1) { headerLength = view.getUint16(8, true); headerStart = 10; } else if (major === 2 || major === 3) {
    if (head.length < 12) throw new InputError(stabilityMessages.badNpy(where, 'file too short for a header'));
    headerLength = view.getUint32(8, true); headerStart = 12;
  } else {
    throw new InputError(stabilityMessages.badNpy(where, `unknown format version ${major}.${head[7]}`));
  }
  const dataStart = headerStart + headerLength;
  if (dataStart > head.length) throw new InputError(stabilityMessages.badNpy(where, 'file ends inside the header'));
  const header = parseHeader(Buffer.from(head.buffer, head.byteOffset + headerStart, headerLength).toString('latin1'), where);
  const { descr, shape } = header;
  const itemSize = descr.slice(1) === 'f8' ? 8 : descr.slice(1) === 'f4' ? 4 : 0;
  const byteOrder = descr[0];
  if (itemSize === 0 || !'<>=|'.includes(byteOrder)) {
    throw new InputError(stabilityMessages.badNpy(where, `dtype '${escapeControl(descr)}' is not float64 or float32 (save with arr.astype('float64'))`));
  }
  const oneDimensional = shape.length === 1 || (shape.length === 2 && (shape[0] === 1 || shape[1] === 1));
  if (!oneDimensional) throw new InputError(stabilityMessages.badNpy(where, `shape (${shape.join(', ')}) is not one series (expected a 1-D array)`));
  const count = shape.reduce((a, b) => a * b, 1);
  if (dataStart + count * itemSize > fileLength) {
    throw new InputError(stabilityMessages.badNpy(where, `file truncated: the header promises ${count} values, the file holds ${Math.floor((fileLength - dataStart) / itemSize)}`));
  }
  return { dataStart, count, itemSize, littleEndian: byteOrder !== '>' };
}

/** Values from raw little-endian bytes: copied straight into aligned memory (one memcpy). */
function fromLittleEndian(bytes: Uint8Array, count: number, itemSize: 4 | 8): Float64Array {
  const values = new Float64Array(count);
  if (itemSize === 8) {
    new Uint8Array(values.buffer).set(bytes.subarray(0, count * 8));
  } else {
    const singles = new Float32Array(count);
    new Uint8Array(singles.buffer).set(bytes.subarray(0, count * 4));
    values.set(singles);
  }
  return values;
}

function checkFinite(values: Float64Array, where: string): Float64Array {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new InputError(stabilityMessages.npyNotFinite(where, i, values[i]));
  }
  return values;
}

/**
 * A numpy `.npy` file (format versions 1.0, 2.0 and 3.0) holding float64 or float32 values
 * (either byte order) as one series: a 1-D array, or a 2-D array with one row or one column
 * (where C and Fortran order coincide). Other dtypes and shapes, a truncated file, NaN or
 * infinite values are InputErrors naming the file. Written by hand: the format is a magic
 * string, a Python-literal header and raw values, and no kept npm reader covers it for Node.
 */
export function parseNpy(buf: Uint8Array, where: string): Float64Array {
  const { dataStart, count, itemSize, littleEndian } = npyLayout(buf, buf.length, where);
  if (littleEndian) return checkFinite(fromLittleEndian(buf.subarray(dataStart), count, itemSize), where);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    values[i] = itemSize === 8 ? view.getFloat64(dataStart + 8 * i, false) : view.getFloat32(dataStart + 4 * i, false);
  }
  return checkFinite(values, where);
}

/**
 * Reads a `.npy` file of little-endian values from disk straight into the result's memory (no
 * intermediate copy of the whole file, which matters at 10^7 values); undefined when the file
 * is not such a file (the caller reads it whole: big-endian, gzip, text, …).
 */
export function readNpyFile(path: string, where: string): Float64Array | undefined {
  const fd = openSync(path, 'r');
  try {
    const fileLength = fstatSync(fd).size;
    const first = new Uint8Array(Math.min(fileLength, 4096));
    readSync(fd, first, 0, first.length, 0);
    if (!isNpy(first)) return undefined;
    let head = first;
    const headerEnd = (first[6] === 1 ? 10 + (first[8] | (first[9] << 8)) : 12 + new DataView(first.buffer).getUint32(8, true));
    if (headerEnd > first.length && headerEnd <= fileLength) {
      head = new Uint8Array(headerEnd);
      readSync(fd, head, 0, headerEnd, 0);
    }
    const { dataStart, count, itemSize, littleEndian } = npyLayout(head, fileLength, where);
    if (!littleEndian) return undefined;
    if (itemSize === 4) {
      const bytes = new Uint8Array(count * 4);
      readFully(fd, bytes, dataStart);
      return checkFinite(fromLittleEndian(bytes, count, 4), where);
    }
    const values = new Float64Array(count);
    readFully(fd, new Uint8Array(values.buffer), dataStart);
    return checkFinite(values, where);
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, target: Uint8Array, position: number): void {
  for (let done = 0; done < target.length;) {
    const n = readSync(fd, target, done, Math.min(target.length - done, 1 << 30), position + done);
    if (n === 0) throw new Error('unexpected end of file'); // the size was checked: a file shrinking under us
    done += n;
  }
}

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

/**
 * A numpy `.npy` file (format versions 1.0, 2.0 and 3.0) holding float64 or float32 values
 * (either byte order) as one series: a 1-D array, or a 2-D array with one row or one column
 * (where C and Fortran order coincide). Other dtypes and shapes, a truncated file, NaN or
 * infinite values are InputErrors naming the file. Written by hand: the format is a magic
 * string, a Python-literal header and raw values, and no kept npm reader covers it for Node.
 */
export function parseNpy(buf: Uint8Array, where: string): Float64Array {
  if (buf.length < 10) throw new InputError(stabilityMessages.badNpy(where, 'file too short for a header'));
  const major = buf[6];
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let headerLength: number;
  let headerStart: number;
  if (major === 1) { headerLength = view.getUint16(8, true); headerStart = 10; } else if (major === 2 || major === 3) {
    if (buf.length < 12) throw new InputError(stabilityMessages.badNpy(where, 'file too short for a header'));
    headerLength = view.getUint32(8, true); headerStart = 12;
  } else {
    throw new InputError(stabilityMessages.badNpy(where, `unknown format version ${major}.${buf[7]}`));
  }
  const dataStart = headerStart + headerLength;
  if (dataStart > buf.length) throw new InputError(stabilityMessages.badNpy(where, 'file ends inside the header'));
  const header = parseHeader(Buffer.from(buf.buffer, buf.byteOffset + headerStart, headerLength).toString('latin1'), where);
  const { descr, shape } = header;
  const itemSize = descr.slice(1) === 'f8' ? 8 : descr.slice(1) === 'f4' ? 4 : 0;
  const byteOrder = descr[0];
  if (itemSize === 0 || !'<>=|'.includes(byteOrder)) {
    throw new InputError(stabilityMessages.badNpy(where, `dtype '${escapeControl(descr)}' is not float64 or float32 (save with arr.astype('float64'))`));
  }
  const oneDimensional = shape.length === 1 || (shape.length === 2 && (shape[0] === 1 || shape[1] === 1));
  if (!oneDimensional) throw new InputError(stabilityMessages.badNpy(where, `shape (${shape.join(', ')}) is not one series (expected a 1-D array)`));
  const count = shape.reduce((a, b) => a * b, 1);
  if (dataStart + count * itemSize > buf.length) {
    throw new InputError(stabilityMessages.badNpy(where, `file truncated: the header promises ${count} values, the file holds ${Math.floor((buf.length - dataStart) / itemSize)}`));
  }
  const littleEndian = byteOrder !== '>';
  const values = new Float64Array(count);
  if (littleEndian && itemSize === 8) {
    // The bytes copied straight into the (aligned) result: one memcpy, as fast as a read gets.
    new Uint8Array(values.buffer).set(buf.subarray(dataStart, dataStart + count * 8));
  } else if (littleEndian) {
    const singles = new Float32Array(count);
    new Uint8Array(singles.buffer).set(buf.subarray(dataStart, dataStart + count * 4));
    values.set(singles);
  } else {
    for (let i = 0; i < count; i++) {
      values[i] = itemSize === 8 ? view.getFloat64(dataStart + 8 * i, false) : view.getFloat32(dataStart + 4 * i, false);
    }
  }
  for (let i = 0; i < count; i++) {
    if (!Number.isFinite(values[i])) throw new InputError(stabilityMessages.npyNotFinite(where, i, values[i]));
  }
  return values;
}

// Binary inputs give the same statistics as the text they came from: numpy .npy files written
// by numpy 2.4.6 from Stable32's PHASE.DAT (data/reference/stability/npy, see SOURCES.md), and
// Parquet columns (written here by hyparquet-writer; read by hyparquet). Bad files: one line.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { loadSeries, parseSeries, readSeries, stability, STATISTIC_NAMES } from '../../../src/clocks/stability/index.ts';
import { isInputError } from '../../../src/core/errors.ts';

const REF = new URL('../../../data/reference/stability/', import.meta.url).pathname;
const text = readSeries(join(REF, 'PHASE.DAT'));
const work = mkdtempSync(join(tmpdir(), 'chronotope-binary-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Every statistic at octave taus, as plain arrays, for exact comparison. */
function allStatistics(data: Float64Array) {
  return STATISTIC_NAMES.map((name) => {
    const r = stability(name, data, { taus: 'octave' });
    return { name, devs: Array.from(r.devs), noise: r.noiseTypes };
  });
}

async function oneLineError(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => isInputError(e) && pattern.test(e.message) && !e.message.includes('\n'));
}

describe('numpy .npy input', () => {
  test('float64 (little- and big-endian, 1-D, one column, one row) reads the exact doubles of PHASE.DAT', () => {
    assert.equal(text.length, 1001);
    for (const file of ['PHASE_f8.npy', 'PHASE_f8_bigendian.npy', 'PHASE_f8_column.npy', 'PHASE_f8_row.npy']) {
      assert.deepEqual(readSeries(join(REF, 'npy', file)), text, file);
    }
  });

  test('every statistic from the .npy file equals the one from the text file, bit for bit', () => {
    assert.deepEqual(allStatistics(readSeries(join(REF, 'npy/PHASE_f8.npy'))), allStatistics(text));
  });

  test('float32 holds each value rounded to single precision (Math.fround), and gzip of a .npy works', () => {
    const singles = Float64Array.from(text, Math.fround);
    assert.deepEqual(readSeries(join(REF, 'npy/PHASE_f4.npy')), singles);
    assert.deepEqual(parseSeries(gzipSync(readFileSync(join(REF, 'npy/PHASE_f8.npy'))), 'x.npy.gz'), text);
  });

  test('integers, a matrix, a truncated file, NaN and an unknown version are one-line errors naming the file', async () => {
    await oneLineError(loadSeries(join(REF, 'npy/PHASE_i8.npy')), /PHASE_i8\.npy: not a readable \.npy series \(dtype '<i8' is not float64 or float32/);
    await oneLineError(loadSeries(join(REF, 'npy/PHASE_f8_matrix.npy')), /PHASE_f8_matrix\.npy: not a readable \.npy series \(shape \(100, 10\) is not one series/);
    const whole = readFileSync(join(REF, 'npy/PHASE_f8.npy'));
    writeFileSync(join(work, 'cut.npy'), whole.subarray(0, whole.length - 8));
    await oneLineError(loadSeries(join(work, 'cut.npy')), /cut\.npy: not a readable \.npy series \(file truncated: the header promises 1001 values, the file holds 1000\)$/);
    const nan = Buffer.from(whole);
    nan.writeDoubleLE(NaN, whole.length - 8 * 3);
    writeFileSync(join(work, 'nan.npy'), nan);
    await oneLineError(loadSeries(join(work, 'nan.npy')), /nan\.npy: element 998 is NaN \(NaN and Infinity are not allowed\)$/);
    const v9 = Buffer.from(whole);
    v9[6] = 9;
    writeFileSync(join(work, 'v9.npy'), v9);
    await oneLineError(loadSeries(join(work, 'v9.npy')), /v9\.npy: not a readable \.npy series \(unknown format version 9\.0\)$/);
  });
});

describe('Parquet input', () => {
  const file = join(work, 'phase.parquet');
  writeFileSync(file, new Uint8Array(parquetWriteBuffer({
    columnData: [
      { name: 't_s', data: Array.from(text, (_, i) => i), type: 'INT32' },
      { name: 'phase_s', data: Array.from(text), type: 'DOUBLE' },
      { name: 'phase_f32', data: Array.from(text), type: 'FLOAT' },
    ],
    rowGroupSize: 300, // several row groups, so chunks are reassembled in order
  })));

  test('a DOUBLE column reads the exact doubles, and every statistic equals the text one', async () => {
    const values = await loadSeries(file, { column: 'phase_s' });
    assert.deepEqual(values, text);
    assert.deepEqual(allStatistics(values), allStatistics(text));
    assert.deepEqual(await loadSeries(file, { column: 'phase_f32' }), Float64Array.from(text, Math.fround));
    assert.deepEqual(Array.from(await loadSeries(file, { column: 't_s' })).slice(0, 3), [0, 1, 2]);
  });

  test('no --column, an unknown column, nulls, a truncated file: one line naming the file', async () => {
    await oneLineError(loadSeries(file), /phase\.parquet: a Parquet file needs --column NAME \(columns: t_s, phase_s, phase_f32\)$/);
    await oneLineError(loadSeries(file, { column: 'x' }), /phase\.parquet: no Parquet column named 'x' \(columns: t_s, phase_s, phase_f32\)$/);
    assert.throws(() => readSeries(file, { column: 'phase_s' }), /phase\.parquet: a Parquet file is read by loadSeries/);
    const nulls = join(work, 'nulls.parquet');
    writeFileSync(nulls, new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'x', data: [1, 2, null, 4], type: 'DOUBLE' }] })));
    await oneLineError(loadSeries(nulls, { column: 'x' }), /nulls\.parquet: column 'x' row 3: expected a finite number, got null$/);
    const bytes = readFileSync(file);
    const broken = Buffer.concat([bytes.subarray(0, 200), bytes.subarray(bytes.length - 4)]);
    writeFileSync(join(work, 'broken.parquet'), broken);
    await oneLineError(loadSeries(join(work, 'broken.parquet'), { column: 'phase_s' }), /broken\.parquet: not a readable Parquet file \(/);
  });
});

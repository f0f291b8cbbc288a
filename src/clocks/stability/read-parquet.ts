import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { InputError } from '../../core/errors.ts';
import { escapeControl } from '../../core/text/escape-control.ts';
import { stabilityMessages } from './messages.ts';

/**
 * One numeric column of a Parquet file as a series, read with hyparquet (snappy built in; gzip,
 * zstd, brotli and lz4 from hyparquet-compressors, so files from pyarrow, pandas and polars all
 * read). DOUBLE, FLOAT and integer columns are accepted; a missing column, a null, a non-number
 * or a non-finite value is an InputError naming the file, the column and the row.
 */
export async function parseParquetColumn(buf: Uint8Array, where: string, column: string | undefined): Promise<Float64Array> {
  const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(file);
  } catch (error) {
    throw new InputError(stabilityMessages.badParquet(where, escapeControl((error as Error).message)));
  }
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
  if (column === undefined) throw new InputError(stabilityMessages.parquetNeedsColumn(where, columns.map(escapeControl)));
  if (!columns.includes(column)) throw new InputError(stabilityMessages.missingParquetColumn(where, escapeControl(column), columns.map(escapeControl)));
  const values = new Float64Array(Number(metadata.num_rows));
  // hyparquet calls onChunk from promise callbacks it does not watch: a throw there would be an
  // unhandled rejection, so the first bad value is kept and reported after the read.
  let bad: InputError | undefined;
  try {
    await parquetRead({
      file,
      metadata,
      columns: [column],
      compressors,
      onChunk: ({ columnData, rowStart }) => {
        for (let i = 0; i < columnData.length; i++) {
          const v = columnData[i] as unknown;
          const x = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : NaN;
          if (!Number.isFinite(x) && bad === undefined) bad = new InputError(stabilityMessages.parquetNotNumeric(where, column, rowStart + i + 1, escapeControl(String(v))));
          values[rowStart + i] = x;
        }
      },
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(stabilityMessages.badParquet(where, escapeControl((error as Error).message)));
  }
  if (bad !== undefined) throw bad;
  return values;
}

// `chronotope stability` on numpy .npy and Parquet files (issue 12): the same output as from the
// text file the data came from (Stable32's PHASE.DAT; .npy written by numpy, see SOURCES.md).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readSeries } from '../../src/clocks/stability/index.ts';
import { runProcess, type ProcessResult } from '../run-process.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const REF = join(ROOT, 'data/reference/stability');
const work = mkdtempSync(join(tmpdir(), 'chronotope-inputs-'));
after(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[]): Promise<ProcessResult> {
  return runProcess(process.execPath, [join(ROOT, 'bin/chronotope'), 'stability', ...args], { cwd: work });
}

test('.npy and a Parquet column give the same statistics as the text file, byte for byte', async () => {
  writeFileSync(join(work, 'phase.parquet'), new Uint8Array(parquetWriteBuffer({
    columnData: [{ name: 'phase_s', data: Array.from(readSeries(join(REF, 'PHASE.DAT'))), type: 'DOUBLE' }],
  })));
  const args = ['--stats', 'adev,oadev,mdev,tdev,hdev,totdev,mtie,tierms', '--format', 'csv'];
  const [fromText, fromNpy, fromColumnNpy, fromParquet, noColumn] = await Promise.all([
    run([join(REF, 'PHASE.DAT'), ...args]),
    run([join(REF, 'npy/PHASE_f8.npy'), ...args]),
    run([join(REF, 'npy/PHASE_f8_column.npy'), ...args]),
    run(['phase.parquet', '--column', 'phase_s', ...args]),
    run(['phase.parquet']),
  ]);
  assert.equal(fromText.code, 0, fromText.stderr);
  assert.ok(fromText.stdout.split('\n').length > 40);
  assert.equal(fromNpy.stdout, fromText.stdout);
  assert.equal(fromColumnNpy.stdout, fromText.stdout);
  assert.equal(fromParquet.stdout, fromText.stdout, fromParquet.stderr);
  assert.equal(noColumn.code, 2);
  assert.equal(noColumn.stderr, 'chronotope stability: phase.parquet: a Parquet file needs --column NAME (columns: phase_s)\n');
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { InputError } from '../core/errors.ts';
import { writeFileAtomic } from '../core/io/atomic-write.ts';
import { SweepDesign } from './design.ts';
import { sweepMessages } from './messages.ts';
import { shardRange } from './shard.ts';
import { parseSweepSpec, specHash } from './spec.ts';
import { listShards, listTasks, readTask } from './task-store.ts';

/** "3–5, 9, 12–20" for sorted indices (the first ten runs). */
function ranges(indices: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indices.length && parts.length < 10;) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
    parts.push(i === j ? `task ${indices[i]}` : `tasks ${indices[i]}–${indices[j]}`);
    i = j + 1;
  }
  const shown = parts.join(', ');
  return parts.length === 10 ? `${shown}, …` : shown;
}

/** The rows of a finished sweep (all tasks, in task order) and its columns, from one or more directories. */
export function collectSweep(dirs: readonly string[]): { columns: readonly string[]; rows: string[] } {
  let hash: string | undefined;
  let hashDir = '';
  let design: SweepDesign | undefined;
  for (const dir of dirs) {
    const path = join(dir, 'spec.json');
    if (!existsSync(path)) throw new InputError(sweepMessages.noSpec(dir));
    const spec = parseSweepSpec(readFileSync(path, 'utf8'), path);
    const h = specHash(spec);
    if (hash === undefined) {
      hash = h;
      hashDir = dir;
      design = new SweepDesign(spec, path);
    } else if (h !== hash) {
      throw new InputError(sweepMessages.mixedSpecs(hashDir, dir));
    }
  }
  const total = design!.tasks;
  const rows: (string | undefined)[] = new Array(total);
  const from: string[] = new Array(total);
  const shardCounts = new Set<number>();
  for (const dir of dirs) {
    for (const s of listShards(dir)) shardCounts.add(s.count);
    for (const t of listTasks(dir)) {
      if (t >= total) throw new InputError(sweepMessages.badTaskFile(join(dir, 'tasks', `task-${String(t).padStart(9, '0')}.json`)));
      const row = readTask(dir, hash!, t)!;
      if (rows[t] !== undefined && rows[t] !== row) throw new InputError(sweepMessages.conflict(t, from[t], dir));
      rows[t] = row;
      from[t] = dir;
    }
  }
  if (shardCounts.size > 1) throw new InputError(sweepMessages.mixedShardCounts([...shardCounts].sort((a, b) => a - b).join(', ')));
  const missing: number[] = [];
  for (let t = 0; t < total; t++) if (rows[t] === undefined) missing.push(t);
  if (missing.length > 0) {
    let shards = '';
    if (shardCounts.size === 1) {
      const n = [...shardCounts][0];
      const named: string[] = [];
      for (let i = 1; i <= n; i++) {
        const [a, b] = shardRange(total, { index: i, count: n });
        if (missing.some((t) => t >= a && t < b)) named.push(`${i}/${n}`);
      }
      shards = `, in shard${named.length > 1 ? 's' : ''} ${named.join(', ')}`;
    }
    throw new InputError(sweepMessages.missing(missing.length, total, ranges(missing), shards));
  }
  return { columns: design!.columns, rows: rows as string[] };
}

/** The merged CSV text: a header with units in the names, then one row per task in task order. */
export function sweepCsv(columns: readonly string[], rows: readonly string[]): string {
  return columns.join(',') + '\n' + rows.join('\n') + '\n';
}

const INTEGER_COLUMNS = new Set(['task', 'point', 'replicate']);

/** The merged table as Parquet (hyparquet-writer): task, point, replicate INT32, the rest DOUBLE. */
export function sweepParquet(columns: readonly string[], rows: readonly string[]): Uint8Array {
  const cells = rows.map((row) => row.split(',').map(Number));
  const columnData = columns.map((name, c) => INTEGER_COLUMNS.has(name)
    ? { name, data: Int32Array.from(cells, (r) => r[c]), type: 'INT32' as const }
    : { name, data: Float64Array.from(cells, (r) => r[c]), type: 'DOUBLE' as const });
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'chronotope sweep merge' }));
}

/**
 * Merges a sweep's output directories (one, or one per shard) into one CSV or Parquet file,
 * written atomically. Missing tasks or shards of different sweeps are an InputError naming them,
 * and then nothing is written.
 */
export function mergeSweep(dirs: readonly string[], out: string): { rows: number } {
  const kind = out.endsWith('.csv') ? 'csv' : out.endsWith('.parquet') ? 'parquet' : undefined;
  if (kind === undefined) throw new InputError(sweepMessages.outExtension(out));
  const { columns, rows } = collectSweep(dirs);
  writeFileAtomic(out, kind === 'csv' ? sweepCsv(columns, rows) : sweepParquet(columns, rows));
  return { rows: rows.length };
}

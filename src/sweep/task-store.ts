import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.ts';
import { writeFileAtomic } from '../core/io/atomic-write.ts';
import { sweepMessages } from './messages.ts';

/**
 * A sweep's output directory:
 *   spec.json                 the spec as given (every run and shard must agree on its hash)
 *   tasks/task-NNNNNNNNN.json one finished task each: {"spec": hash, "task": i, "row": "CSV row"}
 *   shards/shard-I-of-N.json  written when a shard has finished all its tasks
 * Every file is written atomically (temporary file + rename), so a killed run leaves only whole
 * files, and resuming skips exactly the tasks that finished.
 */
export function taskPath(dir: string, task: number): string {
  return join(dir, 'tasks', `task-${String(task).padStart(9, '0')}.json`);
}

export function writeTask(dir: string, hash: string, task: number, row: string): void {
  writeFileAtomic(taskPath(dir, task), JSON.stringify({ spec: hash, task, row }) + '\n');
}

/** The row of a finished task, or undefined if it has not finished; a foreign file is an error. */
export function readTask(dir: string, hash: string, task: number): string | undefined {
  const path = taskPath(dir, task);
  if (!existsSync(path)) return undefined;
  let parsed: { spec?: unknown; task?: unknown; row?: unknown };
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new InputError(sweepMessages.badTaskFile(path));
  }
  if (parsed.spec !== hash || parsed.task !== task || typeof parsed.row !== 'string') throw new InputError(sweepMessages.badTaskFile(path));
  return parsed.row;
}

/** Task indices with a result file in `dir` (whatever their content). */
export function listTasks(dir: string): number[] {
  const tasksDir = join(dir, 'tasks');
  if (!existsSync(tasksDir)) return [];
  return readdirSync(tasksDir)
    .map((name) => /^task-(\d+)\.json$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
}

/** Records the spec in `dir`, or checks that the one already there is the same sweep. */
export function claimDirectory(dir: string, specText: string, hash: string, hashOf: (text: string) => string): void {
  mkdirSync(join(dir, 'tasks'), { recursive: true });
  const path = join(dir, 'spec.json');
  if (existsSync(path)) {
    if (hashOf(readFileSync(path, 'utf8')) !== hash) throw new InputError(sweepMessages.otherSweep(dir));
    return;
  }
  writeFileAtomic(path, specText);
}

export function writeShardDone(dir: string, index: number, count: number, first: number, end: number): void {
  writeFileAtomic(join(dir, 'shards', `shard-${index}-of-${count}.json`), JSON.stringify({ index, count, first, end }) + '\n');
}

export function listShards(dir: string): { index: number; count: number }[] {
  const shardsDir = join(dir, 'shards');
  if (!existsSync(shardsDir)) return [];
  return readdirSync(shardsDir)
    .map((name) => /^shard-(\d+)-of-(\d+)\.json$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ index: Number(m[1]), count: Number(m[2]) }));
}

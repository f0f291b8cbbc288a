import { join } from 'node:path';
import { Piscina } from 'piscina';
import { kernelsFor } from '../kernel/index.ts';
import { SweepDesign } from './design.ts';
import { createSweepProgress, type SweepProgressStream } from './progress.ts';
import { shardRange, type Shard } from './shard.ts';
import { parseSweepSpec, specHash } from './spec.ts';
import { claimDirectory, readTask, writeShardDone } from './task-store.ts';
import { runSweepTask, type SweepTaskMessage } from './worker.ts';

export interface SweepRunOptions {
  /** Output directory (created; may hold an earlier, interrupted run of the same sweep). */
  readonly outDir: string;
  /** Worker threads (default 1); 0 runs the tasks in the calling thread (no pool). */
  readonly workers?: number;
  /** Run only this shard's tasks. */
  readonly shard?: Shard;
  /** Where progress goes; null for none. */
  readonly progress?: SweepProgressStream | null;
}

export interface SweepRunResult {
  readonly tasks: number;
  /** Tasks this run computed. */
  readonly ran: number;
  /** Tasks found finished by an earlier run. */
  readonly skipped: number;
  /** The signal that stopped the run early, if any (finished tasks are on disk). */
  readonly interrupted?: 'SIGINT' | 'SIGTERM';
}

/**
 * Runs a sweep (or one shard of it) on a piscina pool. Each task writes its own result file
 * atomically from the worker, so the results on disk are always whole tasks; a rerun skips them
 * (resume). On SIGINT or SIGTERM no new task starts, the running ones finish and are written,
 * and the run returns `interrupted`. Results depend only on (spec, task index): any worker count
 * and any sharding give the same files.
 */
export async function runSweep(specText: string, file: string, options: SweepRunOptions): Promise<SweepRunResult> {
  const spec = parseSweepSpec(specText, file);
  const design = new SweepDesign(spec, file);
  const hash = specHash(spec);
  kernelsFor(spec.engine); // says once, here, if SIMD is unavailable (and the workers do not)
  const dir = options.outDir;
  claimDirectory(dir, specText, hash, (text) => specHash(parseSweepSpec(text, join(dir, 'spec.json'))));
  const [first, end] = options.shard ? shardRange(design.tasks, options.shard) : [0, design.tasks];
  const todo: number[] = [];
  for (let t = first; t < end; t++) if (readTask(dir, hash, t) === undefined) todo.push(t);
  const skipped = end - first - todo.length;
  const workers = options.workers ?? 1;
  const progress = options.progress === null ? undefined : createSweepProgress(end - first, skipped, options.progress ?? process.stderr);

  let interrupted: SweepRunResult['interrupted'];
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => { interrupted ??= signal; };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);

  const pool = workers === 0 ? undefined : new Piscina<SweepTaskMessage, number>({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // Workers start without the parent's --import flags (a test runner's TypeScript setup file
    // would fail before tsx is registered); worker-entry.mjs registers tsx itself.
    execArgv: [],
  });
  let next = 0;
  let ran = 0;
  let laneSteps = 0;
  let failure: unknown;
  // Two tasks in flight per thread keep every thread busy; a signal or an error stops new ones.
  const feed = async () => {
    while (interrupted === undefined && failure === undefined && next < todo.length) {
      const task = todo[next++];
      try {
        const message = { specText, file, dir, hash, task };
        // In the calling thread, yield between tasks so that signals are handled.
        laneSteps += pool ? await pool.run(message) : await new Promise<number>((resolve) => setImmediate(() => resolve(runSweepTask(message))));
        ran++;
        progress?.update(skipped + ran, laneSteps);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, 2 * workers) }, feed));
  } finally {
    await pool?.destroy();
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    progress?.stop();
  }
  if (failure !== undefined) throw failure;
  if (interrupted === undefined && options.shard) writeShardDone(dir, options.shard.index, options.shard.count, first, end);
  return { tasks: end - first, ran, skipped, interrupted };
}

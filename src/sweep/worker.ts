import { kernelsFor } from '../kernel/index.ts';
import { SweepDesign } from './design.ts';
import { parseSweepSpec } from './spec.ts';
import { writeTask } from './task-store.ts';

/** What the pool sends a worker thread for one task. */
export interface SweepTaskMessage {
  readonly specText: string;
  readonly file: string;
  readonly dir: string;
  readonly hash: string;
  readonly task: number;
}

const designs = new Map<string, SweepDesign>();

/**
 * Runs one task in a worker thread and writes its result file atomically before returning, so a
 * task that finished is on disk even if the main process is killed a moment later.
 * Returns the task's lane-steps (for the throughput shown).
 */
export function runSweepTask(message: SweepTaskMessage): number {
  let design = designs.get(message.specText);
  if (design === undefined) {
    design = new SweepDesign(parseSweepSpec(message.specText, message.file), message.file);
    // The main thread says once if SIMD is missing (runSweep); the workers stay quiet.
    kernelsFor(design.spec.engine, () => {});
    designs.set(message.specText, design);
  }
  const { row, laneSteps } = design.runTask(message.task);
  writeTask(message.dir, message.hash, message.task, row);
  return laneSteps;
}

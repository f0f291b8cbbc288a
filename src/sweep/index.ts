// Parameter sweeps over worker threads and shards (Slurm arrays, Kubernetes Indexed Jobs).
export { parseSweepSpec, specHash, type SweepSpec, type Axis, type Distribution } from './spec.ts';
export { SweepDesign, DESIGN_PURPOSE, MAX_TASKS, type SweepTask } from './design.ts';
export { sweepModels, type SweepModel } from './models.ts';
export { parseShard, shardFromEnvironment, shardRange, type Shard } from './shard.ts';
export { runSweep, type SweepRunOptions, type SweepRunResult } from './run.ts';
export { mergeSweep, collectSweep, sweepCsv, sweepParquet } from './merge.ts';
export { createSweepProgress, type SweepProgress, type SweepProgressStream } from './progress.ts';

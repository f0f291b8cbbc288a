/** User-facing messages of sweeps. */
export const sweepMessages = {
  badJson: (file: string, detail: string) => `${file}: not valid JSON (${detail})`,
  field: (file: string, field: string, expected: string, got: unknown) =>
    `${file}: field ${field}: expected ${expected}, got ${describe(got)}`,
  unknownField: (file: string, field: string, allowed: readonly string[]) =>
    `${file}: unknown field ${field} (expected one of: ${allowed.join(', ')})`,
  badPoint: (file: string, point: number, detail: string) => `${file}: design point ${point}: ${detail}`,
  tooManyTasks: (file: string, tasks: number, max: number) => `${file}: the design has ${tasks} tasks, at most ${max} are supported`,
  badShard: (source: string, value: string) => `${source}: expected a shard i/n with 1 ≤ i ≤ n (e.g. 2/8), got '${value}'`,
  partialSlurm: (missing: string) => `Slurm array environment is incomplete: ${missing} is not set`,
  k8sCount: () => 'JOB_COMPLETION_INDEX is set but JOB_COMPLETIONS (the Job\'s completions count) is not: set it in the manifest, or pass --shard',
  otherSweep: (dir: string) => `${dir} holds results of a different sweep (its spec.json differs): use another --out directory`,
  noSpec: (dir: string) => `${dir}: no spec.json (not a sweep output directory)`,
  mixedSpecs: (a: string, b: string) => `inconsistent shards: ${a} and ${b} hold different sweeps (spec.json differs); nothing written`,
  conflict: (task: number, a: string, b: string) => `inconsistent shards: task ${task} differs between ${a} and ${b}; nothing written`,
  badTaskFile: (file: string) => `${file}: not a task result of this sweep (corrupt or foreign); delete it and resume`,
  missing: (count: number, total: number, ranges: string, shards: string) =>
    `incomplete sweep: ${count} of ${total} tasks missing (${ranges})${shards}; nothing written`,
  mixedShardCounts: (counts: string) => `inconsistent shards: runs split the sweep into different shard counts (${counts}); nothing written`,
  outExtension: (out: string) => `--out: expected a file ending in .csv or .parquet, got '${out}'`,
} as const;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value}'`;
  const text = JSON.stringify(value);
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}

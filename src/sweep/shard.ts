import { InputError } from '../core/errors.ts';
import { sweepMessages } from './messages.ts';

/** Shard i of n (1 ≤ i ≤ n): a contiguous block of the task indices. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function parseShard(text: string, source = '--shard'): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(index >= 1 && index <= count && count <= 1_000_000)) throw new InputError(sweepMessages.badShard(source, text));
  return { index, count };
}

/**
 * The shard a scheduler assigned, from its environment: a Slurm job array
 * (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1 of SLURM_ARRAY_TASK_COUNT) or a Kubernetes
 * Indexed Job (JOB_COMPLETION_INDEX + 1 of JOB_COMPLETIONS, which the manifest sets to the Job's
 * completions, docs/kubernetes/sweep-indexed-job.yaml). Undefined when neither is present.
 */
export function shardFromEnvironment(env: NodeJS.ProcessEnv = process.env): Shard | undefined {
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    for (const name of ['SLURM_ARRAY_TASK_MIN', 'SLURM_ARRAY_TASK_COUNT']) {
      if (env[name] === undefined) throw new InputError(sweepMessages.partialSlurm(name));
    }
    const id = Number(env.SLURM_ARRAY_TASK_ID);
    const min = Number(env.SLURM_ARRAY_TASK_MIN);
    return parseShard(`${id - min + 1}/${env.SLURM_ARRAY_TASK_COUNT}`, 'SLURM_ARRAY_TASK_ID/MIN/COUNT');
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    if (env.JOB_COMPLETIONS === undefined) throw new InputError(sweepMessages.k8sCount());
    return parseShard(`${Number(env.JOB_COMPLETION_INDEX) + 1}/${env.JOB_COMPLETIONS}`, 'JOB_COMPLETION_INDEX/JOB_COMPLETIONS');
  }
  return undefined;
}

/** Task indices [first, end) of a shard: ⌊(i−1)·T/n⌋ to ⌊i·T/n⌋. */
export function shardRange(tasks: number, shard: Shard): [number, number] {
  return [Math.floor(((shard.index - 1) * tasks) / shard.count), Math.floor((shard.index * tasks) / shard.count)];
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parseSweepSpec, shardFromEnvironment } from '../../src/sweep/index.ts';

// The Slurm script runs for real in .ci/slurm-test.sh; here, what can be checked without a cluster.

test('the Slurm job-array script runs a shipped spec, one shard per array task', () => {
  const script = readFileSync('docs/slurm/sweep-array.sbatch', 'utf8');
  const array = /#SBATCH --array=1-(\d+)/.exec(script);
  assert.ok(array, 'an --array range');
  const spec = /SPEC="\$\{1:-([^}]+)\}"/.exec(script)![1];
  assert.ok(existsSync(spec), spec);
  parseSweepSpec(readFileSync(spec, 'utf8'), spec);
  const count = Number(array[1]);
  for (let id = 1; id <= count; id++) {
    assert.deepEqual(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: String(count) }), { index: id, count });
  }
});

test('the Kubernetes Indexed Job passes its completions count and runs a shipped spec', () => {
  const manifest = readFileSync('docs/kubernetes/sweep-indexed-job.yaml', 'utf8');
  assert.match(manifest, /completionMode: Indexed/);
  const completions = /^\s*completions: (\d+)/m.exec(manifest)![1];
  const env = /name: JOB_COMPLETIONS\s+value: "(\d+)"/.exec(manifest)![1];
  assert.equal(env, completions);
  const spec = /"(sweeps\/[^"]+\.json)"/.exec(manifest)![1];
  parseSweepSpec(readFileSync(spec, 'utf8'), spec);
  assert.deepEqual(shardFromEnvironment({ JOB_COMPLETION_INDEX: String(Number(completions) - 1), JOB_COMPLETIONS: env }), { index: Number(completions), count: Number(completions) });
});

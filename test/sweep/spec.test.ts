import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/core/errors.ts';
import { parseSweepSpec, SweepDesign, parseShard, shardFromEnvironment, shardRange, createSweepProgress } from '../../src/sweep/index.ts';

const base = {
  model: 'clock-ensemble', seed: 3, replicates: 2,
  fixed: { clocks: 8, steps: 20 },
  grid: { syncIntervalSteps: { values: [5, 10] }, jitterS: { logRange: { from: 1e-8, to: 1e-6, count: 3 } } },
  outputs: ['offsetRmsS'],
};
const parse = (spec: unknown) => parseSweepSpec(JSON.stringify(spec), 'spec.json');

function rejects(spec: unknown, pattern: RegExp) {
  assert.throws(() => {
    const s = parse(spec);
    new SweepDesign(s, 'spec.json');
  }, (error: unknown) => error instanceof InputError && pattern.test(error.message) && !error.message.includes('\n'), String(pattern));
}

test('bad specs: one line naming the field', () => {
  rejects({ ...base, colour: 1 }, /^spec\.json: unknown field colour/);
  rejects({ ...base, model: 'weather' }, /field model: expected one of clock-ensemble, heartbeat-qos, got 'weather'/);
  rejects({ ...base, seed: 1.5 }, /field seed: expected an integer/);
  rejects({ ...base, replicates: '2' }, /field replicates: expected an integer .* got '2'/);
  rejects({ ...base, fixed: { clocks: 'many' } }, /field fixed\.clocks: expected a finite number/);
  rejects({ ...base, fixed: { clockz: 8 } }, /unknown field fixed\.clockz/);
  rejects({ ...base, grid: { jitterS: { values: [] } } }, /field grid\.jitterS\.values: expected a non-empty list/);
  rejects({ ...base, grid: { jitterS: { range: { from: 0, to: 1, count: 0 } } } }, /field grid\.jitterS\.range\.count: expected an integer from 1/);
  rejects({ ...base, grid: { jitterS: { range: { from: 0, to: 1, count: 1 } } } }, /grid\.jitterS\.range\.count: expected at least 2/);
  rejects({ ...base, grid: { jitterS: { logRange: { from: 0, to: 1, count: 3 } } } }, /grid\.jitterS\.logRange\.from: expected positive ends/);
  rejects({ ...base, grid: { jitterS: { range: { from: 0, to: 1, count: 2, by: 1 } } } }, /unknown field grid\.jitterS\.range\.by/);
  rejects({ ...base, grid: { jitterS: { spiral: {} } } }, /field grid\.jitterS: expected one of|unknown field grid\.jitterS\.spiral/);
  rejects({ ...base, fixed: { jitterS: 1 }, grid: { jitterS: { values: [1] } } }, /field grid\.jitterS: expected a parameter not given elsewhere/);
  rejects({ ...base, random: { count: 2, parameters: { asymmetryS: { uniform: [1, 0] } } } }, /random\.parameters\.asymmetryS\.uniform: expected low < high/);
  rejects({ ...base, outputs: [] }, /field outputs: expected a non-empty list/);
  rejects({ ...base, outputs: ['offsetRms'] }, /field outputs\[0\]: expected one of offsetMeanS/);
  rejects({ ...base, engine: 'gpu' }, /field engine: expected auto, ts, scalar, simd/);
  rejects({ ...base, fixed: { clocks: 6 } }, /design point 0: clocks must be a positive multiple of 4/);
  rejects({ ...base, grid: { stepS: { values: [1, -1] } } }, /design point 1: stepS must be a positive/);
  assert.throws(() => parseSweepSpec('{"model":', 'spec.json'), /^InputError|spec\.json: not valid JSON/);
});

test('design: grid in key order with the last key fastest, ranges inclusive, replicates innermost', () => {
  const d = new SweepDesign(parse({ ...base, grid: { ...base.grid, frequencyGain: { range: { from: 0, to: 1, count: 3 } } } }), 's');
  assert.equal(d.points, 2 * 3 * 3);
  assert.equal(d.tasks, 36);
  assert.deepEqual(d.columns.slice(0, 6), ['task', 'point', 'replicate', 'syncIntervalSteps', 'jitterS', 'frequencyGain']);
  assert.deepEqual(d.task(0).design, [5, 1e-8, 0]);
  assert.deepEqual(d.task(1).design, [5, 1e-8, 0]);
  assert.equal(d.task(1).replicate, 1);
  assert.deepEqual(d.task(2).design, [5, 1e-8, 0.5]);
  assert.deepEqual(d.task(35).design, [10, 1e-6, 1]);
  const middle = d.task(6).design[1];
  assert.ok(Math.abs(middle - 1e-7) < 1e-20, `log-range middle ${middle}`);
});

test('random designs: deterministic from the master seed, inside their bounds, integers rounded', () => {
  const spec = { ...base, grid: {}, random: { count: 50, parameters: { asymmetryS: { uniform: [-1e-7, 1e-7] }, syncIntervalSteps: { logUniform: [10, 1000] } } } };
  const a = new SweepDesign(parse(spec), 's');
  const b = new SweepDesign(parse(spec), 's');
  const c = new SweepDesign(parse({ ...spec, seed: 4 }), 's');
  assert.equal(a.points, 50);
  let differs = false;
  for (let p = 0; p < 50; p++) {
    const [asym, steps] = a.task(2 * p).design;
    assert.deepEqual(b.task(2 * p).design, [asym, steps]);
    assert.ok(asym >= -1e-7 && asym < 1e-7);
    assert.ok(Number.isInteger(steps) && steps >= 10 && steps <= 1000);
    if (c.task(2 * p).design[0] !== asym) differs = true;
  }
  assert.ok(differs, 'another seed gives another design');
});

test('shards: --shard parsing, Slurm array and Kubernetes Indexed Job environments, contiguous ranges', () => {
  assert.deepEqual(parseShard('2/3'), { index: 2, count: 3 });
  for (const bad of ['0/3', '4/3', '1', 'a/b', '1/0']) assert.throws(() => parseShard(bad), /--shard: expected a shard i\/n/);
  assert.deepEqual(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_COUNT: '4' }), { index: 3, count: 4 });
  assert.throws(() => shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '7' }), /SLURM_ARRAY_TASK_MIN is not set/);
  assert.deepEqual(shardFromEnvironment({ JOB_COMPLETION_INDEX: '0', JOB_COMPLETIONS: '3' }), { index: 1, count: 3 });
  assert.throws(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '0' }), /JOB_COMPLETIONS/);
  assert.equal(shardFromEnvironment({}), undefined);
  // Every task in exactly one shard, for many sizes (exhaustive over small cases).
  for (let tasks = 0; tasks <= 40; tasks++) {
    for (let n = 1; n <= 12; n++) {
      const seen: number[] = [];
      for (let i = 1; i <= n; i++) {
        const [a, b] = shardRange(tasks, { index: i, count: n });
        for (let t = a; t < b; t++) seen.push(t);
      }
      assert.deepEqual(seen, Array.from({ length: tasks }, (_, t) => t));
    }
  }
});

test('progress off a terminal: plain periodic lines with throughput and ETA', () => {
  const lines: string[] = [];
  let clock = 0;
  const p = createSweepProgress(10, 2, { write: (t: string) => lines.push(t) }, 1000, () => clock);
  clock = 2000;
  p.update(4, 4e6); // 2 tasks in 2 s: 6 left → 6 s; 4e6 lane-steps in 2 s
  clock = 2500;
  p.update(5, 5e6); // within the interval: no line
  clock = 4000;
  p.update(10, 1e7);
  p.stop();
  assert.deepEqual(lines, [
    'sweep: 4/10 tasks, 2.00e+6 lane-steps/s, ETA 6 s\n',
    'sweep: 10/10 tasks, 2.50e+6 lane-steps/s, ETA 0 s\n',
    'sweep: 10/10 tasks, 2.50e+6 lane-steps/s, ETA 0 s\n',
  ]);
});

test('every shipped spec in sweeps/ is valid', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const specs = readdirSync('sweeps').filter((f) => f.endsWith('.json'));
  assert.ok(specs.includes('clock-ensemble-small.json'));
  for (const file of specs) {
    const design = new SweepDesign(parseSweepSpec(readFileSync(`sweeps/${file}`, 'utf8'), file), file);
    assert.ok(design.tasks > 0, file);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { parquetReadObjects } from 'hyparquet';
import { runSweep, mergeSweep } from '../../src/sweep/index.ts';
import { RandomStream } from '../../src/core/random/index.ts';

/** A small sweep of both grid and random design: 24 tasks of a few ms each. */
const SPEC = JSON.stringify({
  model: 'clock-ensemble', seed: 77, replicates: 2,
  fixed: { clocks: 16, steps: 300, syncIntervalSteps: 50 },
  grid: { jitterS: { logRange: { from: 1e-8, to: 1e-6, count: 3 } }, frequencyGain: { values: [0, 0.5] } },
  random: { count: 2, parameters: { whiteFmSigma: { logUniform: [1e-10, 1e-8] } } },
  outputs: ['offsetMeanS', 'offsetRmsS', 'precisionMaxS', 'histogram'],
});

const root = mkdtempSync(join(tmpdir(), 'sweep-run-'));
const quiet = { progress: null } as const;

test('1 worker, 2 workers and 3 shards (in the main thread) merged give byte-identical CSV', async () => {
  await runSweep(SPEC, 'spec.json', { outDir: join(root, 'one'), workers: 1, ...quiet });
  await runSweep(SPEC, 'spec.json', { outDir: join(root, 'two'), workers: 2, ...quiet });
  for (let i = 1; i <= 3; i++) {
    await runSweep(SPEC, 'spec.json', { outDir: join(root, `shard${i}`), workers: 0, shard: { index: i, count: 3 }, ...quiet });
  }
  mergeSweep([join(root, 'one')], join(root, 'one.csv'));
  mergeSweep([join(root, 'two')], join(root, 'two.csv'));
  mergeSweep([1, 2, 3].map((i) => join(root, `shard${i}`)), join(root, 'shards.csv'));
  const one = readFileSync(join(root, 'one.csv'));
  assert.deepEqual(readFileSync(join(root, 'two.csv')), one);
  assert.deepEqual(readFileSync(join(root, 'shards.csv')), one);
  const lines = one.toString().trimEnd().split('\n');
  assert.equal(lines.length, 25);
  assert.match(lines[0], /^task,point,replicate,jitterS,frequencyGain,whiteFmSigma,offsetMeanS,offsetRmsS,precisionMaxS,histogramBin0Count,/);
});

test('Parquet output reads back with hyparquet to the CSV values', async () => {
  const out = join(root, 'one.parquet');
  mergeSweep([join(root, 'one')], out);
  const bytes = readFileSync(out);
  const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  const csv = readFileSync(join(root, 'one.csv'), 'utf8').trimEnd().split('\n');
  const header = csv[0].split(',');
  assert.equal(rows.length, csv.length - 1);
  rows.forEach((row: Record<string, unknown>, r: number) => {
    const cells = csv[r + 1].split(',');
    header.forEach((name, c) => assert.ok(Object.is(Number(row[name]), Number(cells[c])), `row ${r} ${name}`));
  });
});

test('merge: a missing shard is named and nothing is written; other sweeps and conflicting tasks are refused', () => {
  const out = join(root, 'partial.csv');
  assert.throws(() => mergeSweep([join(root, 'shard1'), join(root, 'shard3')], out),
    /incomplete sweep: 8 of 24 tasks missing \(tasks 8–15\), in shard 2\/3; nothing written/);
  assert.equal(existsSync(out), false);
  const other = join(root, 'other');
  writeFileSync(join(root, 'other.json'), SPEC.replace('"seed":77', '"seed":78'));
  return runSweep(readFileSync(join(root, 'other.json'), 'utf8'), 'other.json', { outDir: other, workers: 0, shard: { index: 2, count: 3 }, ...quiet }).then(async () => {
    assert.throws(() => mergeSweep([join(root, 'shard1'), other], out), /inconsistent shards: .*shard1 and .*other hold different sweeps/);
    await assert.rejects(runSweep(SPEC, 'spec.json', { outDir: other, ...quiet }), /holds results of a different sweep/);
    // A task file edited after the fact: the copies of task 0 differ.
    const tampered = join(root, 'tampered');
    spawnSync('cp', ['-r', join(root, 'one'), tampered]);
    const path = join(tampered, 'tasks', 'task-000000000.json');
    const task = JSON.parse(readFileSync(path, 'utf8'));
    task.row = task.row.replace(/^0,0,0,/, '0,0,0,9');
    writeFileSync(path, JSON.stringify(task));
    assert.throws(() => mergeSweep([join(root, 'one'), tampered], out), /task 0 differs between/);
    assert.equal(existsSync(out), false);
    assert.throws(() => mergeSweep([join(root, 'one')], join(root, 'x.txt')), /--out: expected a file ending in .csv or .parquet/);
  });
});

test.after(() => rmSync(root, { recursive: true, force: true }));

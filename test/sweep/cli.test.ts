import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { runSweep, mergeSweep } from '../../src/sweep/index.ts';
import { RandomStream } from '../../src/core/random/index.ts';

// The sweep command as users run it (child processes): kills, signals, resume, bad input.
const root = mkdtempSync(join(tmpdir(), 'sweep-cli-'));
const quiet = { progress: null } as const;

const chronotope = ['bin/chronotope', 'sweep'];

function runCli(args: string[]): Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...chronotope, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (status, signal) => resolve({ status, signal, stderr }));
  });
}

/** The sweep the kill tests interrupt: 40 tasks of ~10 ms on one worker. */
const KILL_SPEC = JSON.stringify({
  model: 'heartbeat-qos', seed: 5, replicates: 4,
  fixed: { streams: 32, periods: 4000 },
  grid: { deltaS: { range: { from: 0.5, to: 1.5, count: 10 } } },
  outputs: ['mistakeRatePerS', 'mistakeDurationS', 'availability'],
});

test('SIGKILL at random points, then resume: the same CSV as a run straight through', async () => {
  const spec = join(root, 'kill.json');
  writeFileSync(spec, KILL_SPEC);
  await runSweep(KILL_SPEC, spec, { outDir: join(root, 'straight'), workers: 1, ...quiet });
  mergeSweep([join(root, 'straight')], join(root, 'straight.csv'));
  const dir = join(root, 'killed');
  const rng = new RandomStream(2026, 0); // the kill times, reproducibly random
  const finished = () => (existsSync(join(dir, 'tasks')) ? readdirSync(join(dir, 'tasks')).filter((n) => !n.startsWith('.')).length : 0);
  let kills = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    // Kill at a random moment after this run has finished at least one more task. The killed
    // runs compute in the main thread (--workers 0: no worker start-up, so the test stays short);
    // the SIGTERM test below and the straight run use the thread pool.
    const before = finished();
    const child = spawn(process.execPath, [...chronotope, spec, '--out', dir, '--workers', '0'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const extraMs = Math.floor(rng.uniform() * 150);
    const poll = setInterval(() => {
      if (finished() > before) {
        clearInterval(poll);
        setTimeout(() => { if (child.kill('SIGKILL')) kills++; }, extraMs);
      }
    }, 10);
    const code = await exited;
    clearInterval(poll);
    if (code === 0) break;
  }
  assert.ok(kills >= 1, 'at least one run was killed');
  // Whatever the kills left: only whole task files (temporary files may remain, never read).
  for (const name of readdirSync(join(dir, 'tasks'))) {
    if (!name.startsWith('.')) JSON.parse(readFileSync(join(dir, 'tasks', name), 'utf8'));
  }
  const r = await runCli([spec, '--out', dir, '--workers', '0']);
  assert.equal(r.status, 0, r.stderr);
  mergeSweep([dir], join(root, 'killed.csv'));
  assert.deepEqual(readFileSync(join(root, 'killed.csv')), readFileSync(join(root, 'straight.csv')));
});

test('SIGTERM: running tasks finish, exit status 143, and a rerun completes the same CSV', async () => {
  const spec = join(root, 'kill.json');
  const dir = join(root, 'terminated');
  const child = spawn(process.execPath, [...chronotope, spec, '--out', dir, '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  // Wait until the first task is on disk, then terminate.
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (existsSync(join(dir, 'tasks')) && readdirSync(join(dir, 'tasks')).some((n) => !n.startsWith('.'))) {
        clearInterval(poll);
        resolve();
      }
    }, 20);
  });
  child.kill('SIGTERM');
  const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  if (status === 0) return; // finished before the signal landed: nothing to check
  assert.equal(status, 143, stderr);
  assert.match(stderr, /interrupted by SIGTERM: \d+ of 40 tasks are done; rerun to resume/);
  const r = await runCli([spec, '--out', dir]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /from an earlier run/);
  mergeSweep([dir], join(root, 'terminated.csv'));
  assert.deepEqual(readFileSync(join(root, 'terminated.csv')), readFileSync(join(root, 'straight.csv')));
});

test('CLI bad input: exit 2 and one line naming the field or option', async () => {
  const bad = join(root, 'bad.json');
  writeFileSync(bad, JSON.stringify({ model: 'clock-ensemble', seed: 1, grid: { jitterS: { values: [] } }, outputs: ['offsetRmsS'] }));
  const cases: [string[], RegExp][] = [
    [[bad, '--out', join(root, 'bad')], /field grid\.jitterS\.values: expected a non-empty list/],
    [[join(root, 'kill.json'), '--out', join(root, 'bad'), '--shard', '4/3'], /--shard: expected a shard i\/n/],
    [['merge', join(root, 'nowhere'), '--out', join(root, 'm.csv')], /nowhere: no spec\.json/],
  ];
  for (const [args, pattern] of cases) {
    const r = await runCli(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  }
});

test.after(() => rmSync(root, { recursive: true, force: true }));

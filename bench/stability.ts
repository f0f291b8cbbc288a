import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { integerOption } from '../src/cli/options.ts';
import { hdev, mdev, oadev, readSeries, tdev } from '../src/clocks/stability/index.ts';
import type { KernelResult } from '../src/clocks/stability/statistic.ts';
import { RandomStream } from '../src/core/random/stream.ts';
import type { Benchmark } from './benchmark.ts';

/**
 * Reads a file of N phase points and computes OADEV, MDEV, TDEV and HDEV at every octave tau,
 * the workload of a long clock comparison (10^7 s is four months at 1 s). The input is a random
 * walk (white FM) from the project's Philox stream, written once to .cache/ with 12 significant
 * digits per line and reused.
 */
function ensureInput(points: number, seed: number): string {
  const dir = '.cache';
  const path = join(dir, `stability-bench-${points}-${seed}.txt`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  mkdirSync(dir, { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    const rng = new RandomStream(seed, 0);
    const chunk = new Float64Array(65536);
    let x = 0;
    writeSync(fd, `# random-walk phase (s), white FM 1e-11 at 1 s, ${points} points, seed ${seed}\n`);
    for (let done = 0; done < points; done += chunk.length) {
      const count = Math.min(chunk.length, points - done);
      rng.fillNormal(chunk);
      const lines: string[] = new Array(count);
      for (let i = 0; i < count; i++) {
        lines[i] = x.toPrecision(12);
        x += 1e-11 * chunk[i];
      }
      writeSync(fd, lines.join('\n') + '\n');
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path); // a crash never leaves a truncated file under the final name
  return path;
}

function seconds(t0: number): number {
  return Math.round(performance.now() - t0) / 1000;
}

export const stabilityBenchmark: Benchmark = {
  name: 'stability',
  summary: 'read 10^7 phase points and compute OADEV, MDEV, TDEV, HDEV at all octave taus',
  usage: `usage: chronotope bench stability [--points N] [--seed S] [--json]

Writes N random-walk phase points to .cache/ once (reused afterwards), then times reading the
file and each statistic over the octave tau set.

options:
  --points N   number of phase points, 1000 to 100000000   (default 10000000)
  --seed S     seed of the Philox stream for the data      (default 1)`,
  options: { points: { type: 'string' }, seed: { type: 'string' } },
  run(values) {
    const points = integerOption('bench stability', 'points', values.points, 10_000_000, 1000, 100_000_000);
    const seed = integerOption('bench stability', 'seed', values.seed, 1, 0, Number.MAX_SAFE_INTEGER);
    const t = performance.now();
    const path = ensureInput(points, seed);
    const prepareS = seconds(t);
    const t0 = performance.now();
    const x = readSeries(path);
    const readS = seconds(t0);
    const options = { dataType: 'phase' as const, tau0S: 1, taus: 'octave' as const, noiseAlpha: 'auto' as const, noiseCache: new Map<string, number>(), kernelCache: new Map<string, KernelResult>() };
    const timings: Record<string, number> = {};
    let taus = 0;
    for (const [name, fn] of [['oadev', oadev], ['mdev', mdev], ['tdev', tdev], ['hdev', hdev]] as const) {
      const t1 = performance.now();
      const r = fn(x, options);
      timings[`${name}_s`] = seconds(t1);
      taus += r.tausS.length;
    }
    return {
      points: x.length,
      file_mb: Math.round(statSync(path).size / 1e5) / 10,
      generate_s: prepareS,
      read_s: readS,
      ...timings,
      octave_taus: taus,
      total_s: seconds(t0),
    };
  },
};

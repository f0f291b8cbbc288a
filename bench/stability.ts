import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { cliMessages } from '../src/cli/messages.ts';
import { integerOption } from '../src/cli/options.ts';
import { InputError } from '../src/core/errors.ts';
import { hdev, loadSeries, mdev, oadev, tdev } from '../src/clocks/stability/index.ts';
import type { KernelResult } from '../src/clocks/stability/statistic.ts';
import { RandomStream } from '../src/core/random/stream.ts';
import type { Benchmark } from './benchmark.ts';

/**
 * Reads a file of N phase points and computes OADEV, MDEV, TDEV and HDEV at every octave tau,
 * the workload of a long clock comparison (10^7 s is four months at 1 s). The input is a random
 * walk (white FM) from the project's Philox stream, written once to .cache/ in three forms and
 * reused: text with 12 significant digits per line, text with 17 (every double exactly, as
 * numpy's `savetxt(fmt='%.16e')` writes), and a numpy `.npy` file of the same doubles.
 */
const INPUTS = [
  { key: 'text12', suffix: 'txt', format: (x: number) => x.toPrecision(12) },
  { key: 'text17', suffix: 'd17.txt', format: (x: number) => x.toExponential(16) },
  { key: 'npy', suffix: 'npy', format: undefined },
] as const;

type InputKey = (typeof INPUTS)[number]['key'];

/** The .npy header (NEP 1, version 1.0): magic, version, header length, dict padded to 64 bytes. */
function npyHeader(count: number): Buffer {
  let dict = `{'descr': '<f8', 'fortran_order': False, 'shape': (${count},), }`;
  const unpadded = 10 + dict.length + 1;
  dict += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const head = Buffer.alloc(10);
  head.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  head.writeUInt16LE(dict.length, 8);
  return Buffer.concat([head, Buffer.from(dict, 'latin1')]);
}

function ensureInputs(points: number, seed: number): Record<InputKey, string> {
  const dir = '.cache';
  const paths = Object.fromEntries(INPUTS.map((i) => [i.key, join(dir, `stability-bench-${points}-${seed}.${i.suffix}`)])) as Record<InputKey, string>;
  if (INPUTS.every((i) => existsSync(paths[i.key]) && statSync(paths[i.key]).size > 0)) return paths;
  mkdirSync(dir, { recursive: true });
  const fds = INPUTS.map((i) => openSync(`${paths[i.key]}.tmp-${process.pid}`, 'w'));
  try {
    const rng = new RandomStream(seed, 0);
    const chunk = new Float64Array(65536);
    const values = new Float64Array(chunk.length);
    let x = 0;
    writeSync(fds[0], `# random-walk phase (s), white FM 1e-11 at 1 s, ${points} points, seed ${seed}\n`);
    writeSync(fds[1], `# random-walk phase (s), white FM 1e-11 at 1 s, ${points} points, seed ${seed}, 17 digits\n`);
    writeSync(fds[2], npyHeader(points));
    for (let done = 0; done < points; done += chunk.length) {
      const count = Math.min(chunk.length, points - done);
      rng.fillNormal(chunk);
      for (let i = 0; i < count; i++) {
        values[i] = x;
        x += 1e-11 * chunk[i];
      }
      INPUTS.forEach((input, k) => {
        if (input.format === undefined) {
          writeSync(fds[k], new Uint8Array(values.buffer, 0, count * 8));
        } else {
          const lines: string[] = new Array(count);
          for (let i = 0; i < count; i++) lines[i] = input.format(values[i]);
          writeSync(fds[k], lines.join('\n') + '\n');
        }
      });
    }
  } finally {
    fds.forEach((fd) => closeSync(fd));
  }
  // The 12-digit text keeps its rounded values; the 17-digit text and the .npy hold the same doubles.
  for (const i of INPUTS) renameSync(`${paths[i.key]}.tmp-${process.pid}`, paths[i.key]); // never a truncated file under the final name
  return paths;
}

function seconds(t0: number): number {
  return Math.round(performance.now() - t0) / 1000;
}

/** CPU seconds (user + system) of this process since `start`: less disturbed by a shared machine. */
function cpuSeconds(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return Math.round((u.user + u.system) / 1000) / 1000;
}

/** Reading plus the four statistics at every octave tau: chronotope's end-to-end time. */
async function chronotopeRun(path: string): Promise<Record<string, number>> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const x = await loadSeries(path);
  const readS = seconds(t0);
  const readCpuS = cpuSeconds(c0);
  const options = { dataType: 'phase' as const, tau0S: 1, taus: 'octave' as const, noiseAlpha: 'auto' as const, noiseCache: new Map<string, number>(), kernelCache: new Map<string, KernelResult>() };
  const timings: Record<string, number> = { points: x.length, read_s: readS, read_cpu_s: readCpuS };
  let taus = 0;
  for (const [name, fn] of [['oadev', oadev], ['mdev', mdev], ['tdev', tdev], ['hdev', hdev]] as const) {
    const t1 = performance.now();
    taus += fn(x, options).tausS.length;
    timings[`${name}_s`] = seconds(t1);
  }
  timings.octave_taus = taus;
  timings.total_s = seconds(t0);
  timings.total_cpu_s = cpuSeconds(c0);
  return timings;
}

/**
 * The same workload in Python: numpy's `loadtxt` (or `load` for .npy) and allantools' oadev,
 * mdev, tdev and hdev with taus='octave' (no confidence intervals or noise identification, which
 * chronotope's times include). Prints one JSON line.
 */
const PYTHON = `
import json, sys, time
import numpy as np
path, kind, with_allantools = sys.argv[1], sys.argv[2], sys.argv[3] == '1'
if with_allantools:
    import allantools  # imported before the clock starts: scipy's import is not the workload
t0 = time.perf_counter()
c0 = time.process_time()
x = np.load(path) if kind == 'npy' else np.loadtxt(path, comments='#')
out = {'read_s': round(time.perf_counter() - t0, 3), 'read_cpu_s': round(time.process_time() - c0, 3)}
if with_allantools:
    taus = 0
    for name in ['oadev', 'mdev', 'tdev', 'hdev']:
        t1 = time.perf_counter()
        r = getattr(allantools, name)(x, rate=1.0, data_type='phase', taus='octave')
        out[name + '_s'] = round(time.perf_counter() - t1, 3)
        taus += len(r[0])
    out['octave_taus'] = taus
    out['allantools_version'] = getattr(allantools, '__version__', '?')
out['total_s'] = round(time.perf_counter() - t0, 3)
out['total_cpu_s'] = round(time.process_time() - c0, 3)
print(json.dumps(out))
`;

function pythonWithNumpy(): boolean {
  return spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
}

function pythonRun(path: string, kind: InputKey, allantoolsPath: string | undefined): Record<string, number | string> | undefined {
  const env = allantoolsPath === undefined ? process.env : { ...process.env, PYTHONPATH: [allantoolsPath, process.env.PYTHONPATH].filter(Boolean).join(':') };
  const r = spawnSync('python3', ['-c', PYTHON, path, kind === 'npy' ? 'npy' : 'text', allantoolsPath === undefined ? '0' : '1'], { env, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    process.stderr.write(`bench stability: python run failed (${r.stderr.trim().split('\n').pop()})\n`);
    return undefined;
  }
  return JSON.parse(r.stdout) as Record<string, number | string>;
}

const ratio = (a: number | string | undefined, b: number) => (typeof a === 'number' && b > 0 ? Math.round((a / b) * 100) / 100 : 'n/a');

export const stabilityBenchmark: Benchmark = {
  name: 'stability',
  summary: 'read 10^7 phase points (12- and 17-digit text, .npy) and compute OADEV, MDEV, TDEV, HDEV at all octave taus; numpy/allantools side by side',
  usage: `usage: chronotope bench stability [--points N] [--seed S] [--json]

Writes N random-walk phase points to .cache/ once (reused afterwards) as 12-digit text, 17-digit
text and a numpy .npy file, then times, for each, reading the file and each statistic over the
octave tau set (end to end). When python3 with numpy is present, numpy reads the same files
(loadtxt, load) side by side; when ALLANTOOLS_PATH names a directory holding allantools' source
(the allantools package of github.com/aewallin/allantools), allantools computes the same four
statistics there too, and the ratios python/chronotope are reported, of wall time and of CPU time
(user + system of each process: steadier than wall time on a shared machine).

options:
  --points N     number of phase points, 1000 to 100000000   (default 10000000)
  --seed S       seed of the Philox stream for the data      (default 1)
  --inputs LIST  which inputs to time: text12, text17, npy     (default all three)`,
  options: { points: { type: 'string' }, seed: { type: 'string' }, inputs: { type: 'string' } },
  async run(values) {
    const points = integerOption('bench stability', 'points', values.points, 10_000_000, 1000, 100_000_000);
    const seed = integerOption('bench stability', 'seed', values.seed, 1, 0, Number.MAX_SAFE_INTEGER);
    const chosen = values.inputs === undefined ? INPUTS.map((i) => i.key) : String(values.inputs).split(',').map((k) => k.trim());
    for (const key of chosen) if (!INPUTS.some((i) => i.key === key)) throw new InputError(cliMessages.badChoice('bench stability', 'inputs', key, INPUTS.map((i) => i.key)));
    const t = performance.now();
    const paths = ensureInputs(points, seed);
    const result: Record<string, number | string> = { points, generate_s: seconds(t) };
    const python = pythonWithNumpy();
    const allantoolsPath = process.env.ALLANTOOLS_PATH || undefined; // unset or empty: numpy only
    for (const { key } of INPUTS.filter((i) => chosen.includes(i.key))) {
      const ours = await chronotopeRun(paths[key]);
      result[`${key}_file_mb`] = Math.round(statSync(paths[key]).size / 1e5) / 10;
      for (const [name, v] of Object.entries(ours)) if (name !== 'points') result[`${key}_${name}`] = v;
      if (!python) continue;
      // Python runs right after chronotope on the same file, so both see the same machine load.
      const theirs = pythonRun(paths[key], key, allantoolsPath);
      if (theirs === undefined) continue;
      result[`${key}_numpy_read_s`] = theirs.read_s;
      result[`${key}_read_speedup_vs_numpy`] = ratio(theirs.read_s, ours.read_s);
      result[`${key}_numpy_read_cpu_s`] = theirs.read_cpu_s;
      result[`${key}_read_cpu_speedup_vs_numpy`] = ratio(theirs.read_cpu_s, ours.read_cpu_s);
      if (allantoolsPath !== undefined) {
        result[`${key}_allantools_total_s`] = theirs.total_s;
        result[`${key}_allantools_octave_taus`] = theirs.octave_taus;
        result[`${key}_end_to_end_speedup_vs_allantools`] = ratio(theirs.total_s, ours.total_s);
        result[`${key}_allantools_total_cpu_s`] = theirs.total_cpu_s;
        result[`${key}_end_to_end_cpu_speedup_vs_allantools`] = ratio(theirs.total_cpu_s, ours.total_cpu_s);
        result.allantools_version = theirs.allantools_version;
      }
    }
    if (!python) result.python = 'python3 with numpy not found: no side-by-side run';
    else if (allantoolsPath === undefined) result.allantools = 'set ALLANTOOLS_PATH to allantools\' source for the side-by-side run';
    return result;
  },
};

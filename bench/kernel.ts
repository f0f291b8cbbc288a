import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark } from './benchmark.ts';
import { integerOption } from '../src/cli/options.ts';
import {
  CLOCK_ENSEMBLE_DEFAULTS, HEARTBEAT_DEFAULTS, clockEnsembleInputs, clockEnsembleRaw, heartbeatInputs, heartbeatRaw,
  simdSupported, type KernelEngine,
} from '../src/kernel/index.ts';

/**
 * `chronotope bench kernel`: lane-steps per second of each kernel on each path — SIMD and scalar
 * WebAssembly, the TypeScript reference, and `c128`, the same algorithm in C with SSE2 128-bit
 * vectors (bench/kernel-c128.c), compiled here with the system gcc when there is one. The C
 * results are compared with the TypeScript reference (`c128BitIdentical`), which also checks
 * that src/kernel/README.md describes the kernels precisely enough to write them again.
 */
const CLOCK_PARAMS = { ...CLOCK_ENSEMBLE_DEFAULTS, clocks: 256, steps: 2000, syncIntervalSteps: 100 };
const HEARTBEAT_PARAMS = { ...HEARTBEAT_DEFAULTS, streams: 256, periods: 2000 };
const SEED = 12345;
const TASK = 7;

/**
 * Best CPU time (user + system) of `repeats` runs after a warm-up. CPU time rather than wall time:
 * on a shared machine it counts only this process's work, for every path alike (the C program
 * measures CLOCK_PROCESS_CPUTIME_ID).
 */
function bestSeconds(repeats: number, work: () => unknown): number {
  work(); // warm-up (JIT, WebAssembly compilation, memory growth)
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

/** Builds bench/kernel-c128.c into .cache/ (undefined without gcc or when it fails). */
function buildC128(): string | undefined {
  const dir = join('.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'kernel-c128');
  const source = new URL('./kernel-c128.c', import.meta.url).pathname;
  const r = spawnSync('gcc', ['-O3', '-msse2', '-ffp-contract=off', '-o', binary, source, '-lm'], { encoding: 'utf8' });
  return r.status === 0 ? binary : undefined;
}

function runC128(binary: string, args: (string | number)[]): string[] {
  const r = spawnSync(binary, args.map(String), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kernel-c128 failed: ${r.stderr}`);
  return r.stdout.trim().split(/\s+/);
}

/** Hexadecimal form of a double as C's %a prints it (for the bit-identity check). */
function hexDouble(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0x0p+0' : '0x0p+0';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? '-' : '';
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = (bits & 0xfffffffffffffn).toString(16).padStart(13, '0').replace(/0+$/, '');
  const lead = exponent === 0 ? '0' : '1';
  const e = exponent === 0 ? -1022 : exponent - 1023;
  return `${sign}0x${lead}${mantissa ? '.' + mantissa : ''}p${e >= 0 ? '+' : ''}${e}`;
}

export const kernelBenchmark: Benchmark = {
  name: 'kernel',
  usage: `usage: chronotope bench kernel [--repeats R] [--json]

Lane-steps per second of the clock-ensemble kernel (${CLOCK_PARAMS.clocks} clocks × ${CLOCK_PARAMS.steps} steps, a sync
every ${CLOCK_PARAMS.syncIntervalSteps}) and the heartbeat-QoS kernel (${HEARTBEAT_PARAMS.streams} streams × ${HEARTBEAT_PARAMS.periods} periods) on each
path: wasmSimd, wasmScalar, ts (the TypeScript reference) and c128 (C with SSE2, built with the
system gcc; null without one). One JSON object per kernel:
  {"kernel":…,"laneStepsPerSecond":{"wasmSimd":…,"wasmScalar":…,"ts":…,"c128":…},…}
Targets (issue 11): wasmSimd ≥ 6× ts on the clock ensemble, and within 1.3× of c128.

options:
  --repeats R   timed runs per path; the best CPU time is reported (default 5)
`,
  options: { repeats: { type: 'string' } },
  run(values) {
    const repeats = integerOption('bench kernel', 'repeats', values.repeats, 5, 1, 100);
    const c128 = buildC128();
    const engines: [string, KernelEngine][] = [['wasmSimd', 'simd'], ['wasmScalar', 'scalar'], ['ts', 'ts']];
    const available = (engine: KernelEngine) => engine !== 'simd' || simdSupported();

    const clockSteps = CLOCK_PARAMS.clocks * CLOCK_PARAMS.steps;
    const clockRates: Record<string, number | null> = {};
    for (const [name, engine] of engines) {
      clockRates[name] = available(engine)
        ? Math.round(clockSteps / bestSeconds(repeats, () => clockEnsembleRaw(CLOCK_PARAMS, { seed: SEED, task: TASK, engine })))
        : null;
    }
    const reference = clockEnsembleRaw(CLOCK_PARAMS, { seed: SEED, task: TASK, engine: 'ts' });
    let clockIdentical: boolean | null = null;
    clockRates.c128 = null;
    if (c128) {
      const p = clockEnsembleInputs(CLOCK_PARAMS, SEED, TASK);
      const [seconds, sumSquares, spreadMax, spreadSum] = runC128(c128, [
        'clock', p.clocks, p.steps, p.syncIntervalSteps, p.key0, p.key1, p.task, p.stepS, p.whiteFmSigma, p.randomWalkFmSigma,
        p.initialSkewSigma, p.asymmetryS, p.jitterS, p.frequencyGain, p.invSyncIntervalS, p.histogramLowS, p.histogramInvBin,
        p.histogramBins, repeats,
      ]);
      clockRates.c128 = Math.round(clockSteps / Number(seconds));
      let sum = 0;
      for (const v of reference.sumSquaredOffsetS2) sum += v;
      clockIdentical = sumSquares === hexDouble(sum) && spreadMax === hexDouble(reference.spreadMaxS) && spreadSum === hexDouble(reference.spreadSumS);
    }

    const beatSteps = HEARTBEAT_PARAMS.streams * HEARTBEAT_PARAMS.periods;
    const beatRates: Record<string, number | null> = {};
    for (const [name, engine] of engines) {
      beatRates[name] = available(engine)
        ? Math.round(beatSteps / bestSeconds(repeats, () => heartbeatRaw(HEARTBEAT_PARAMS, { seed: SEED, task: TASK, engine })))
        : null;
    }
    let beatIdentical: boolean | null = null;
    beatRates.c128 = null;
    if (c128) {
      const p = heartbeatInputs(HEARTBEAT_PARAMS, SEED, TASK);
      const [seconds, suspect, mistakes] = runC128(c128, [
        'heartbeat', p.streams, p.periods, p.window, p.key0, p.key1, p.task, p.etaS, p.deltaS, p.meanDelayS, p.lossThreshold, repeats,
      ]);
      beatRates.c128 = Math.round(beatSteps / Number(seconds));
      const raw = heartbeatRaw(HEARTBEAT_PARAMS, { seed: SEED, task: TASK, engine: 'ts' });
      let s = 0;
      let m = 0;
      for (let i = 0; i < p.streams; i++) { s += raw.suspectS[i]; m += raw.mistakes[i]; }
      beatIdentical = suspect === hexDouble(s) && mistakes === hexDouble(m);
    }

    const ratios = (rates: Record<string, number | null>) => ({
      simdOverTs: rates.wasmSimd && rates.ts ? +(rates.wasmSimd / rates.ts).toFixed(2) : null,
      c128OverSimd: rates.wasmSimd && rates.c128 ? +(rates.c128 / rates.wasmSimd).toFixed(2) : null,
    });
    return [
      { kernel: 'clock-ensemble', laneStepsPerSecond: clockRates, ...ratios(clockRates), c128BitIdentical: clockIdentical },
      { kernel: 'heartbeat-qos', laneStepsPerSecond: beatRates, ...ratios(beatRates), c128BitIdentical: beatIdentical },
    ];
  },
};

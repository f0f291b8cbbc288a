import type { Benchmark } from './benchmark.ts';
import { buildC128, c128ClockEnsemble, c128Heartbeat } from './kernel-c128.ts';
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
      const c = c128ClockEnsemble(c128, clockEnsembleInputs(CLOCK_PARAMS, SEED, TASK), repeats);
      clockRates.c128 = Math.round(clockSteps / c.seconds);
      let sum = 0;
      for (const v of reference.sumSquaredOffsetS2) sum += v;
      clockIdentical = Object.is(c.sumSquaresS2, sum) && Object.is(c.spreadMaxS, reference.spreadMaxS) && Object.is(c.spreadSumS, reference.spreadSumS);
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
      const c = c128Heartbeat(c128, p, repeats);
      beatRates.c128 = Math.round(beatSteps / c.seconds);
      const raw = heartbeatRaw(HEARTBEAT_PARAMS, { seed: SEED, task: TASK, engine: 'ts' });
      let s = 0;
      let m = 0;
      for (let i = 0; i < p.streams; i++) { s += raw.suspectS[i]; m += raw.mistakes[i]; }
      beatIdentical = Object.is(c.suspectS, s) && Object.is(c.mistakes, m);
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

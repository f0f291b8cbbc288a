import type { Benchmark } from './benchmark.ts';
import { integerOption } from '../src/cli/options.ts';
import { RandomStream } from '../src/core/random/stream.ts';
import { philox4x32Blocks } from '../src/core/random/philox.ts';
import { philox4x32BlocksWasm } from '../src/core/random/philox-wasm.ts';
import { exponential } from '../src/core/random/distributions/exponential.ts';

/**
 * `chronotope bench random`: throughput of the random streams, to plan sweeps. Philox blocks from
 * the TypeScript reference and from the WebAssembly kernel (identical numbers), then the draws
 * models use, through `RandomStream` (which uses the kernel when it is available). Each figure is
 * nanoseconds per item, best of `--repeats` runs, after a warm-up pass.
 */
function bestNsPerItem(items: number, repeats: number, work: () => number): number {
  let sink = work(); // warm-up, and keeps the work observable so V8 cannot drop it
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    sink += work();
    best = Math.min(best, performance.now() - start);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the sum alive');
  return +((best * 1e6) / items).toFixed(2);
}

export const randomBenchmark: Benchmark = {
  name: 'random',
  usage: `usage: chronotope bench random [--n N] [--repeats R] [--json]

Nanoseconds per item for Philox4x32-10 blocks (TypeScript and WebAssembly) and for RandomStream
draws: uint32, uniform, uniformInt(1024), normal, exponential.

options:
  --n N         items per run (default 5000000)
  --repeats R   runs; the best is reported (default 3)
`,
  options: { n: { type: 'string' }, repeats: { type: 'string' } },
  run(values) {
    const n = integerOption('bench random', 'n', values.n, 5_000_000, 1000, 1e9);
    const repeats = integerOption('bench random', 'repeats', values.repeats, 3, 1, 100);
    const blocks = Math.floor(n / 4);
    const out = new Uint32Array(4 * 64);
    const blockRun = (fill: typeof philox4x32Blocks) => () => {
      let s = 0;
      for (let i = 0; i < blocks; i += 64) {
        fill(out, 0, 64, i, 0, 7, 0, 1, 2);
        s += out[0];
      }
      return s;
    };
    const rng = new RandomStream(1, 0);
    const draws = (draw: () => number) => () => {
      let s = 0;
      for (let i = 0; i < n; i++) s += draw();
      return s;
    };
    return {
      philoxBlockTsNs: bestNsPerItem(blocks, repeats, blockRun(philox4x32Blocks)),
      philoxBlockWasmNs: philox4x32BlocksWasm ? bestNsPerItem(blocks, repeats, blockRun(philox4x32BlocksWasm)) : NaN,
      uint32Ns: bestNsPerItem(n, repeats, draws(() => rng.uint32())),
      uniformNs: bestNsPerItem(n, repeats, draws(() => rng.uniform())),
      uniformIntNs: bestNsPerItem(n, repeats, draws(() => rng.uniformInt(1024))),
      normalNs: bestNsPerItem(n, repeats, draws(() => rng.normal())),
      exponentialNs: bestNsPerItem(n, repeats, draws(() => exponential(rng, 1))),
    };
  },
};

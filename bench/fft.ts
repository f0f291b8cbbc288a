import FFT from 'fft.js';
import { fft as mathjsFft } from 'mathjs';
import { integerOption } from '../src/cli/options.ts';
import type { Benchmark } from './benchmark.ts';

/**
 * Forward complex FFT of 2^k points with fft.js (radix-4) and with mathjs' `fft`, to choose
 * the FFT behind the Kasdin & Walter convolution (src/oscillators/noise/fft-convolve.ts). Both get
 * the same deterministic input; the report includes the largest difference between their
 * outputs relative to the largest output magnitude, so a wrong transform cannot look fast.
 */
function input(size: number): Float64Array {
  const x = new Float64Array(size);
  // A fixed, non-trivial real signal (no randomness needed for timing).
  for (let i = 0; i < size; i++) x[i] = Math.sin(i * 0.001) + (i % 7) - 3;
  return x;
}

function bestOf(repeats: number, work: () => void): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    work();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export const fftBenchmark: Benchmark = {
  name: 'fft',
  usage: [
    'usage: chronotope bench fft [--log2n K] [--repeats R] [--json]',
    '',
    '  --log2n K    transform length 2^K (default 20, from 4 to 22)',
    '  --repeats R  timed runs per library, best kept (default 3; mathjs runs once when K > 18)',
  ].join('\n'),
  options: { log2n: { type: 'string' }, repeats: { type: 'string' } },
  run(values) {
    const log2n = integerOption('bench fft', 'log2n', values.log2n, 20, 4, 22);
    const repeats = integerOption('bench fft', 'repeats', values.repeats, 3, 1, 100);
    const size = 2 ** log2n;
    const x = input(size);

    const setupStart = performance.now();
    const fft = new FFT(size);
    const setupMs = performance.now() - setupStart;
    const complexIn = new Float64Array(2 * size);
    for (let i = 0; i < size; i++) complexIn[2 * i] = x[i];
    const fftjsOut = new Float64Array(2 * size);
    const fftjsMs = bestOf(repeats, () => fft.transform(fftjsOut, complexIn));

    const plain = Array.from(x);
    let mathjsOut: unknown[] = [];
    const mathjsMs = bestOf(log2n > 18 ? 1 : repeats, () => {
      mathjsOut = mathjsFft(plain) as unknown[];
    });

    let maxAbs = 0;
    let maxDiff = 0;
    for (let k = 0; k < size; k++) {
      const v = mathjsOut[k] as { re: number; im: number } | number;
      const re = typeof v === 'number' ? v : v.re;
      const im = typeof v === 'number' ? 0 : v.im;
      maxAbs = Math.max(maxAbs, Math.hypot(fftjsOut[2 * k], fftjsOut[2 * k + 1]));
      maxDiff = Math.max(maxDiff, Math.hypot(fftjsOut[2 * k] - re, fftjsOut[2 * k + 1] - im));
    }
    return {
      points: size,
      fftjsSetupMs: Number(setupMs.toFixed(2)),
      fftjsTransformMs: Number(fftjsMs.toFixed(2)),
      mathjsTransformMs: Number(mathjsMs.toFixed(2)),
      speedupFftjsOverMathjs: Number((mathjsMs / fftjsMs).toFixed(1)),
      maxRelativeDifference: maxDiff / maxAbs,
    };
  },
};

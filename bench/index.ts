import type { Benchmark } from './benchmark.ts';
import { fftBenchmark } from './fft.ts';
import { pholdBenchmark } from './phold.ts';
import { stabilityBenchmark } from './stability.ts';

/** Every benchmark `chronotope bench` knows, by name. A new one is a file here plus a line. */
export const benchmarks: readonly Benchmark[] = [
  pholdBenchmark,
  fftBenchmark,
  stabilityBenchmark,
];

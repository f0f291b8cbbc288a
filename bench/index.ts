import type { Benchmark } from './benchmark.ts';

/** A benchmark's name and summary, and how to load it: loaded only when run, so `chronotope`
 * does not pay for every benchmark's imports (mathjs takes ~1.5 s) on every call. */
export interface BenchmarkEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Benchmark>;
}

/** Every benchmark `chronotope bench` knows, by name. A new one is a file here plus an entry. */
export const benchmarks: readonly BenchmarkEntry[] = [
  {
    name: 'phold',
    summary: 'PHOLD event throughput of the discrete-event engine (target: 10^7 events/s)',
    load: async () => (await import('./phold.ts')).pholdBenchmark,
  },
  {
    name: 'fft',
    summary: 'fft.js vs mathjs FFT speed and agreement (chooses the FFT behind power-law noise)',
    load: async () => (await import('./fft.ts')).fftBenchmark,
  },
  {
    name: 'stability',
    summary: 'read 10^7 phase points and compute OADEV, MDEV, TDEV, HDEV at all octave taus',
    load: async () => (await import('./stability.ts')).stabilityBenchmark,
  },
  {
    name: 'random',
    summary: 'nanoseconds per Philox block (TypeScript, WebAssembly) and per uint32/uniform/normal/exponential draw',
    load: async () => (await import('./random.ts')).randomBenchmark,
  },
  {
    name: 'sync',
    summary: 'PTP end-to-end on a 256-node mesh, 1 Sync/s, one simulated hour (~3.7·10^6 message events; target < 1 s)',
    load: async () => (await import('./sync.ts')).syncBenchmark,
  },
];

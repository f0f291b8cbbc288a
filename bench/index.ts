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
    name: 'mesh',
    summary: '64-node octavalent mesh, every link saturated with 64-byte frames at 10 Gb/s for 1 ms (target ≤ 1 s, ≥ 0.8× PHOLD)',
    load: async () => (await import('./mesh.ts')).meshBenchmark,
  },
  {
    name: 'protocols',
    summary: 'protocol events per second of the ENTL and atomic-handshake state machines (target 5·10^6), and the exactly-once simulation',
    load: async () => (await import('./protocols.ts')).protocolsBenchmark,
  },
  {
    name: 'causality',
    summary: 'timestamping a 64-host trace: library events/s (target 10^6) and CLI --summary end to end (target 3*10^5)',
    load: async () => (await import('./causality.ts')).causalityBenchmark,
  },
  {
    name: 'detect',
    summary: 'every failure detector over one 10^7-heartbeat trace (target: 10^7 heartbeats/s each)',
    load: async () => (await import('./detect.ts')).detectBenchmark,
  },
  {
    name: 'kernel',
    summary: 'lane-steps/s of the clock-ensemble and heartbeat kernels: SIMD and scalar WebAssembly, TypeScript, C-128 (target: SIMD ≥ 6× TS)',
    load: async () => (await import('./kernel.ts')).kernelBenchmark,
  },
  {
    name: 'sync',
    summary: 'PTP end-to-end on a 256-node mesh, 1 Sync/s, one simulated hour (~3.7·10^6 message events; target < 1 s)',
    load: async () => (await import('./sync.ts')).syncBenchmark,
  },
];

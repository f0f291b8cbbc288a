import type { Command } from '../command.ts';

/** A subcommand's name and one-line summary, and how to load it. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `chronotope help`. */
  readonly summary: string;
  /** Loads the command's module: only the command that runs is loaded, so start-up stays fast. */
  load(): Promise<Command>;
}

/**
 * Every subcommand, in the order `chronotope help` lists them. A new command is one file in this
 * folder plus one entry here.
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'run',
    summary: 'run one notebook and write its page, figures (SVG, PNG) and tables (CSV)',
    load: async () => (await import('./run.ts')).runCommand,
  },
  {
    name: 'figures',
    summary: 'run every notebook in notebooks/ and write the site index out/index.html',
    load: async () => (await import('./figures.ts')).figuresCommand,
  },
  {
    name: 'stability',
    summary: 'ADEV, OADEV, MDEV, TDEV, HDEV, OHDEV, TOTDEV, MTIE, TIE rms of a phase or frequency file',
    load: async () => (await import('./stability.ts')).stabilityCommand,
  },
  {
    name: 'noise',
    summary: 'generate power-law clock noise (white/flicker PM, white/flicker/random-walk FM)',
    load: async () => (await import('./noise.ts')).noiseCommand,
  },
  {
    name: 'bench',
    summary: 'run a benchmark (phold, stability, random, fft) and print its measurements',
    load: async () => (await import('./bench.ts')).benchCommand,
  },
  {
    name: 'phy',
    summary: 'IEEE 802.3 timing of one frame over one link: wire bytes, frame time, frame rate, latency by stage',
    load: async () => (await import('./phy.ts')).phyCommand,
  },
  {
    name: 'causality',
    summary: 'happened-before, Lamport and vector clocks, concurrency and width of a trace; ShiViz/GoVector export',
    load: async () => (await import('./causality.ts')).causalityCommand,
  },
  {
    name: 'topology',
    summary: 'build a mesh8, torus, star, Clos or fat-tree with real cable lengths; print diameter, bisection, λ₂, spanning trees',
    load: async () => (await import('./topology.ts')).topologyCommand,
  },
  {
    name: 'simulate',
    summary: 'simulate exactly-once: duplicates, losses, latency of link protocols under link failures',
    load: async () => (await import('./simulate.ts')).simulateCommand,
  },
  {
    name: 'sync',
    summary: 'simulate NTP, PTP (E2E/P2P), DTP, Huygens or TrueTime on a mesh, star, Clos or chain and report offsets',
    load: async () => (await import('./sync.ts')).syncCommand,
  },
  {
    name: 'detect',
    summary: 'run a failure detector (timeout-based or timeout-free) on a scenario and report its QoS',
    load: async () => (await import('./detect.ts')).detectCommand,
  },
  {
    name: 'sweep',
    summary: 'run a parameter sweep of a kernel on workers and shards (Slurm, Kubernetes); merge to CSV/Parquet',
    load: async () => (await import('./sweep.ts')).sweepCommand,
  },
  {
    name: 'new',
    summary: 'write a starter notebook (new notebook NAME) that runs as written',
    load: async () => (await import('./new.ts')).newCommand,
  },
];

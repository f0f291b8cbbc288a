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
    name: 'new',
    summary: 'write a starter notebook (new notebook NAME) that runs as written',
    load: async () => (await import('./new.ts')).newCommand,
  },
];

import type { Command } from '../command.ts';
import { benchCommand } from './bench.ts';
import { noiseCommand } from './noise.ts';
import { runCommand } from './run.ts';
import { figuresCommand } from './figures.ts';
import { stabilityCommand } from './stability.ts';

/**
 * Every subcommand, in the order `chronotope help` lists them. A new command is one file in this
 * folder plus one line here.
 */
export const commands: readonly Command[] = [
  benchCommand,
  noiseCommand,
  runCommand,
  figuresCommand,
  stabilityCommand,
];

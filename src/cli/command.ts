import type { ParseArgsConfig } from 'node:util';

/** Option values after parsing: strings, booleans, or arrays of strings for `multiple` options. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/**
 * One `chronotope` subcommand. Each lives in its own file under `src/cli/commands/` and is
 * listed in `src/cli/commands/index.ts`.
 */
export interface Command {
  /** The word typed after `chronotope`. */
  readonly name: string;
  /** One line for `chronotope help`; the list itself comes from `commands/index.ts`. */
  readonly summary?: string;
  /** The full help text for `chronotope help NAME` and `chronotope NAME --help`. */
  readonly usage: string;
  /** Options in `util.parseArgs` form; `--help` is added for every command. */
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Whether positional arguments are accepted (for example a file name). */
  readonly allowPositionals?: boolean;
  /**
   * When true, `main` does not parse the arguments and `run` gets them all as positionals;
   * for commands such as `bench NAME` whose options depend on the first word.
   */
  readonly rawArguments?: boolean;
  /** Runs the command. Resolves to the exit code (0 when omitted). */
  run(values: OptionValues, positionals: string[]): Promise<number | void> | number | void;
}

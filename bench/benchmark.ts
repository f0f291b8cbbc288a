import type { ParseArgsConfig } from 'node:util';
import type { OptionValues } from '../src/cli/command.ts';

/**
 * A benchmark run by `chronotope bench NAME`. It measures one workload and returns a flat record
 * of numbers (with units in the keys) that `--json` prints as one line.
 */
export interface Benchmark {
  readonly name: string;
  /** One line; the list `chronotope bench` shows comes from bench/index.ts. */
  readonly summary?: string;
  /** Help text listing the options and their defaults. */
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(values: OptionValues): Promise<BenchmarkResult> | BenchmarkResult;
}

/**
 * A flat record, or a list of records (one per measured variant, e.g. per kernel); `--json`
 * prints a list as one JSON object per line.
 */
export type BenchmarkResult = Record<string, number | string> | readonly Record<string, unknown>[];

import { parseArgs } from 'node:util';
import { InputError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { translateParseError } from '../parse-error.ts';
import { joinNegativeValues } from '../join-negative-values.ts';
import { cliMessages } from '../messages.ts';
import { benchmarks } from '../../../bench/index.ts';

function usage(): string {
  const width = Math.max(...benchmarks.map((b) => b.name.length));
  return [
    'usage: chronotope bench <name> [options] [--json]',
    '',
    'Runs one benchmark and prints its measurements; --json prints them as one JSON object.',
    'Results for these machines are recorded in bench/README.md.',
    '',
    'benchmarks:',
    ...benchmarks.map((b) => `  ${b.name.padEnd(width)}  ${b.summary}`),
    '',
    "Run 'chronotope bench <name> --help' for a benchmark's options.",
  ].join('\n');
}

export const benchCommand: Command = {
  name: 'bench',
  get usage() {
    return usage();
  },
  options: {},
  rawArguments: true,
  async run(_values, args) {
    const [name, ...rest] = args;
    if (name === undefined) throw new InputError(cliMessages.missingArgument('bench', 'benchmark name'));
    if (name === '--help' || name === '-h') {
      process.stdout.write(usage() + '\n');
      return 0;
    }
    const entry = benchmarks.find((b) => b.name === name);
    if (!entry) {
      throw new InputError(cliMessages.badChoice('bench', 'name', name, benchmarks.map((b) => b.name)).replace("option '--name'", 'benchmark name'));
    }
    const benchmark = await entry.load();
    let parsed;
    try {
      parsed = parseArgs({
        args: joinNegativeValues(rest, benchmark.options),
        options: { ...benchmark.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
        strict: true,
        allowPositionals: false,
      });
    } catch (error) {
      translateParseError(`bench ${name}`, error);
    }
    if (parsed.values.help) {
      process.stdout.write(benchmark.usage.trimEnd() + '\n');
      return 0;
    }
    const result = await benchmark.run(parsed.values);
    if (Array.isArray(result)) {
      for (const item of result) process.stdout.write(JSON.stringify(item) + '\n');
    } else if (parsed.values.json) {
      process.stdout.write(JSON.stringify(result) + '\n');
    } else {
      for (const [key, value] of Object.entries(result)) process.stdout.write(`${key}: ${value}\n`);
    }
    return 0;
  },
};

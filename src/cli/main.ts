import { parseArgs } from 'node:util';
import { InputError, isInputError } from '../core/errors.ts';
import { escapeControl } from '../core/text/escape-control.ts';
import type { Command } from './command.ts';
import { commands } from './commands/index.ts';
import { cliMessages } from './messages.ts';
import { translateParseError } from './parse-error.ts';
import { joinNegativeValues } from './join-negative-values.ts';

/** Top-level help: the list of commands with their one-line summaries. */
export function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: chronotope <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'chronotope help <command>' for a command's options.",
  ].join('\n');
}

async function findCommand(name: string): Promise<Command | undefined> {
  return commands.find((c) => c.name === name)?.load();
}

/** Runs `chronotope` with the given arguments and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) throw new InputError(cliMessages.missingCommand());
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0];
    if (topic === undefined) {
      process.stdout.write(overview() + '\n');
      return 0;
    }
    const command = await findCommand(topic);
    if (!command) throw new InputError(cliMessages.unknownHelpTopic(topic, commands.map((c) => c.name)));
    process.stdout.write(command.usage.trimEnd() + '\n');
    return 0;
  }
  const command = await findCommand(name);
  if (!command) throw new InputError(cliMessages.unknownCommand(name, ['help', ...commands.map((c) => c.name)]));
  if (command.rawArguments) return (await command.run({}, rest)) ?? 0; // it handles --help itself
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(rest, command.options),
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    translateParseError(command.name, error);
  }
  if (parsed.values.help) {
    process.stdout.write(command.usage.trimEnd() + '\n');
    return 0;
  }
  return (await command.run(parsed.values, parsed.positionals)) ?? 0;
}

/**
 * Process entry: one line and exit code 2 for bad input; a stack trace and 1 for bugs. Bad-input
 * messages echo what the user gave (tokens of a file, option values, paths), so control
 * characters are escaped here, once for every command: the message stays one line and binary
 * garbage cannot drive the terminal.
 */
export async function cli(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    if (isInputError(error)) {
      process.stderr.write(escapeControl(error.message) + '\n');
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write((error instanceof Error ? error.stack ?? error.message : String(error)) + '\n');
      process.exitCode = 1;
    }
  }
}

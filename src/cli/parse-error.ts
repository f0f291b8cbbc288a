import { InputError } from '../core/errors.ts';
import { cliMessages } from './messages.ts';

/** Turns util.parseArgs's multi-sentence errors into our one-line messages. */
export function translateParseError(command: string, error: unknown): never {
  const e = error as { code?: string; message?: string };
  const quoted = /'([^']*)'/.exec(e.message ?? '')?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      throw new InputError(cliMessages.unknownOption(command, quoted));
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      throw new InputError(cliMessages.missingOptionValue(command, quoted.split(' ')[0] ?? quoted));
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      throw new InputError(cliMessages.unexpectedArgument(command, quoted));
    default:
      throw error;
  }
}

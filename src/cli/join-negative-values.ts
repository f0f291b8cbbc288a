import type { ParseArgsConfig } from 'node:util';

/**
 * `util.parseArgs` reads the `-1` of `--seed -1` as an option, so the user would be told the
 * option "needs a value" instead of what range it takes. This joins such pairs into `--seed=-1`
 * before parsing, for string-valued options followed by something that looks like a negative
 * number, so the value checkers can name the expected range.
 */
export function joinNegativeValues(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    const next = args[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d|inf)/i.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

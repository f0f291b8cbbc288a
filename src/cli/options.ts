import { InputError } from '../core/errors.ts';
import { parsePlainDecimal } from '../core/text/plain-decimal.ts';
import { cliMessages } from './messages.ts';

/**
 * Value checkers for CLI options. Each either returns a valid value or throws an InputError
 * whose message names the command, the option and what was expected. Numbers are plain
 * decimals (`core/text/plain-decimal.ts`): `0x10`, `1_000` and `Infinity` are refused, so a
 * command added later inherits the same rule by using these checkers.
 */

/** An integer option in [min, max]; `undefined` gives `fallback`. */
export function integerOption(
  command: string, option: string, value: unknown, fallback: number,
  min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const text = String(value).trim();
  // Accept plain integers and exponent forms such as 5e6, but never fractions.
  const n = parsePlainDecimal(text);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new InputError(cliMessages.badInteger(command, option, text, min, max));
  }
  return n;
}

/** A finite number option, optionally restricted by `check`, described as `what` on error. */
export function numberOption(
  command: string, option: string, value: unknown, fallback: number,
  what = 'a finite number', check: (n: number) => boolean = () => true,
): number {
  if (value === undefined) return fallback;
  const text = String(value).trim();
  const n = parsePlainDecimal(text);
  if (!Number.isFinite(n) || !check(n)) throw new InputError(cliMessages.badNumber(command, option, text, what));
  return n;
}

/** One of a fixed set of words. */
export function choiceOption<T extends string>(
  command: string, option: string, value: unknown, choices: readonly T[], fallback: T,
): T {
  if (value === undefined) return fallback;
  const text = String(value);
  if (!(choices as readonly string[]).includes(text)) {
    throw new InputError(cliMessages.badChoice(command, option, text, choices));
  }
  return text as T;
}

import { InputError } from '../core/errors.ts';
import { parsePlainDecimal } from '../core/text/plain-decimal.ts';
import { notebookMessages } from './messages.ts';

/** A parameter value: what a researcher may change from the command line with `--param k=v`. */
export type ParamValue = number | string | boolean;

/**
 * A parameter with limits and a description, for when a bare default is not enough:
 * `{ value: 2, min: 0, description: 'link length' }`. `min`/`max` apply to numbers only
 * and are inclusive; `integer` refuses fractions.
 */
export interface ParamSpec<T extends ParamValue = ParamValue> {
  readonly value: T;
  readonly description?: string;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/** What a notebook declares: each name maps to a default value or to a {@link ParamSpec}. */
export type ParamDeclarations = Readonly<Record<string, ParamValue | ParamSpec>>;

/** The values a notebook body receives, typed from the declarations (`2` gives `number`). */
export type ParamValues<P extends ParamDeclarations> = {
  readonly [K in keyof P]: P[K] extends ParamSpec<infer T> ? Widen<T> : Widen<P[K]>;
};

type Widen<T> = T extends number ? number : T extends string ? string : T extends boolean ? boolean : never;

/** The default and limits of one declaration, whichever form it was written in. */
export function paramSpec(declaration: ParamValue | ParamSpec): ParamSpec {
  return typeof declaration === 'object' ? declaration : { value: declaration };
}

/**
 * Splits one `--param name=value` argument. The value may contain '='; the name may not be empty.
 */
export function parseParamArgument(argument: string): [name: string, value: string] {
  const at = argument.indexOf('=');
  if (at <= 0) throw new InputError(notebookMessages.badParamArgument(argument));
  return [argument.slice(0, at).trim(), argument.slice(at + 1)];
}

/** Collects repeated `--param name=value` arguments into a map; a name given twice is an error. */
export function parseParamArguments(args: readonly string[]): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const argument of args) {
    const [name, value] = parseParamArgument(argument);
    if (overrides.has(name)) throw new InputError(notebookMessages.duplicateParam(name));
    overrides.set(name, value);
  }
  return overrides;
}

/**
 * Converts a command-line text to the type of the parameter's default: numbers must be finite
 * (and within the declared limits), booleans are exactly `true` or `false`, strings pass as given.
 * Throws an InputError naming the parameter and what was expected.
 */
export function coerceParam(name: string, text: string, declaration: ParamValue | ParamSpec): ParamValue {
  const spec = paramSpec(declaration);
  switch (typeof spec.value) {
    case 'string':
      return text;
    case 'boolean':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw new InputError(notebookMessages.badParamValue(name, text, 'true or false'));
    case 'number': {
      const trimmed = text.trim();
      const n = parsePlainDecimal(trimmed); // plain decimals only: not 0x10, 1_000 or Infinity
      if (!Number.isFinite(n) || !withinLimits(n, spec)) throw new InputError(notebookMessages.badParamValue(name, text, expectedNumber(spec)));
      return n;
    }
    default:
      throw new Error(notebookMessages.badParamDeclaration(name));
  }
}

function withinLimits(n: number, { min, max, integer }: ParamSpec): boolean {
  return (!integer || Number.isInteger(n)) && (min === undefined || n >= min) && (max === undefined || n <= max);
}

/** What a number parameter accepts, in words: 'a finite number', 'an integer from 1 to 100'. */
function expectedNumber({ min, max, integer }: ParamSpec): string {
  const kind = integer ? 'an integer' : min !== undefined || max !== undefined ? 'a number' : 'a finite number';
  const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}`
    : min !== undefined ? ` >= ${min}` : max !== undefined ? ` <= ${max}` : '';
  return kind + range;
}

/**
 * The parameter values for one run: each declared default, replaced by the override of the same
 * name if there is one. An override for an undeclared name is an InputError listing the names.
 */
export function resolveParams<P extends ParamDeclarations>(
  declarations: P, overrides: ReadonlyMap<string, string> = new Map(),
): ParamValues<P> {
  const names = Object.keys(declarations);
  for (const name of overrides.keys()) {
    if (!Object.hasOwn(declarations, name)) throw new InputError(notebookMessages.unknownParam(name, names));
  }
  const values: Record<string, ParamValue> = {};
  for (const name of names) {
    const declaration = declarations[name];
    const text = overrides.get(name);
    values[name] = text === undefined ? paramSpec(declaration).value : coerceParam(name, text, declaration);
  }
  return values as ParamValues<P>;
}

/**
 * Checks a notebook's own declarations when it is defined, so a typo such as a default outside
 * its own limits fails at once, not when someone later passes `--param`.
 */
export function checkParamDeclarations(declarations: ParamDeclarations): void {
  for (const [name, declaration] of Object.entries(declarations)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(notebookMessages.badParamName(name));
    const spec = paramSpec(declaration);
    const type = typeof spec.value;
    if (type !== 'number' && type !== 'string' && type !== 'boolean') throw new Error(notebookMessages.badParamDeclaration(name));
    if (type === 'number' && !(Number.isFinite(spec.value) && withinLimits(spec.value as number, spec))) {
      throw new Error(notebookMessages.defaultOutOfRange(name, spec.value as number));
    }
  }
}

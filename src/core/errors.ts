/**
 * Errors that mean "the user asked for something we cannot do": a malformed file, an unknown
 * option, a value out of range. The CLI prints `message` as one line and exits with code 2.
 * Anything else that escapes is a bug and exits with code 1 and a stack trace.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** Exit status the CLI uses for bad input. */
  readonly exitCode = 2;
}

/** True for errors that should be reported as one line with exit code 2. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

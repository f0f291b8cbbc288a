/**
 * Every message the oscillator model shows a user, in one place (as `src/cli/messages.ts` does
 * for the CLI). Bad input is one line naming the field and what was expected.
 */
export const oscillatorMessages = {
  badNumber: (field: string, value: unknown) =>
    `oscillator: ${field} expected a finite number, got ${String(value)}`,
  bothGiven: (a: string, b: string) =>
    `oscillator: give ${a} or ${b}, not both (they are the same quantity in different units)`,
  unknownNoiseType: (key: string, known: readonly string[]) =>
    `oscillator: noise type expected one of ${known.join(', ')}, got '${key}'`,
  badStream: (value: unknown, max: number) =>
    `oscillator: stream expected an integer from 0 to ${max}, got ${String(value)}`,
  badData: (value: unknown) =>
    `oscillator: data expected 'phase' or 'freq', got '${String(value)}'`,
  badTau0: (value: unknown) =>
    `oscillator: tau0S (sampling interval) expected a finite number > 0 s, got ${String(value)}`,
  badCount: (value: unknown, max: number) =>
    `oscillator: n expected an integer from 1 to ${max}, got ${String(value)}`,
  badSeed: (value: unknown) =>
    `oscillator: seed expected an integer from 0 to ${Number.MAX_SAFE_INTEGER}, got ${String(value)}`,
} as const;

/**
 * Every message the clock model shows a user, in one place. Bad input is one line naming the
 * field and what was expected.
 */
export const clockMessages = {
  badNumber: (field: string, what: string, value: unknown) =>
    `clock: ${field} expected ${what}, got ${String(value)}`,
  outsideSpan: (trueS: number, spanS: number) =>
    `clock: true time ${trueS} s is outside the simulated span [0, ${spanS}] s of the oscillator`,
  backwards: (trueS: number, lastS: number) =>
    `clock: steering at true time ${trueS} s precedes the last adjustment at ${lastS} s (steering must move forward in time)`,
  unknownClass: (name: string, known: readonly string[]) =>
    `clock: oscillator class expected one of ${known.join(', ')}, got '${name}'`,
} as const;

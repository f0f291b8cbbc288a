/**
 * Every message the power-law noise module shows a user, in one place (as `src/cli/messages.ts`
 * does for the CLI). Bad input is reported as one line naming the option and what was expected.
 */
export const noiseMessages = {
  badType: (value: string, known: readonly string[]) =>
    `power-law noise: type expected one of ${known.join(', ')}, got '${value}'`,
  badCount: (what: string, value: number, max: number) =>
    `power-law noise: ${what} expected an integer from 1 to ${max}, got ${value}`,
  badId: (what: string, value: number, max: number) =>
    `power-law noise: ${what} expected an integer from 0 to ${max}, got ${value}`,
  badTau0: (value: number) =>
    `power-law noise: tau0S (sampling interval) expected a finite number > 0 s, got ${value}`,
  badLevel: (what: string, value: number) =>
    `power-law noise: ${what} expected a finite number >= 0, got ${value}`,
  badAdevTau: (tauS: number, tau0S: number) =>
    `power-law noise: tauS for an ADEV level expected a finite number >= tau0S = ${tau0S} s, got ${tauS}`,
  badLevelKind: () =>
    'power-law noise: level expected exactly one of { h }, { adev, tauS? } or { qd }',
  cliLevelConflict: () =>
    "chronotope noise: options '--h' and '--adev' both set the level; give only one",
  cliAdevTauAlone: () =>
    "chronotope noise: option '--adev-tau' needs '--adev' (it is the averaging time of that ADEV)",
} as const;

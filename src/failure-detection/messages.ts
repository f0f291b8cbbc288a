/**
 * Every message the failure-detection domain shows a user, in one place (as `src/cli/messages.ts`
 * does for the CLI). Bad input is one line naming the option, file or field and what was expected.
 */
export const detectMessages = {
  badDelaySpec: (value: string) =>
    `chronotope detect: option '--delay' expected exp:MEAN, lognormal:MU,SIGMA or pareto:XM,ALPHA, got '${value}'`,
  badDelayParameter: (value: string, what: string) =>
    `chronotope detect: option '--delay' '${value}': expected ${what}`,
  badParameter: (what: string, value: number, expected: string) =>
    `failure detection: ${what} expected ${expected}, got ${value}`,
  unknownScenario: (name: string, known: readonly string[]) =>
    `chronotope detect: option '--scenario' expected a file or one of ${known.join(', ')}, got '${name}'`,
  scenarioUnreadable: (path: string, reason: string) =>
    `${path}: cannot read scenario (${reason})`,
  scenarioNotJson: (path: string, reason: string) =>
    `${path}: scenario is not valid JSON (${reason})`,
  scenarioField: (path: string, field: string, expected: string) =>
    `${path}: field '${field}' expected ${expected}`,
  detectorNeedsMesh: (detector: string, scenario: string) =>
    `chronotope detect: detector '${detector}' runs on a mesh scenario; '${scenario}' has none (use crash, link-cut, link-oneway, complete-partition, partial-partition, simplex-partition)`,
} as const;

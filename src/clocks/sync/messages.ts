/**
 * Every message the synchronisation algorithms show a user, in one place. Bad input is one line
 * naming the field or option and what was expected.
 */
export const syncMessages = {
  badNumber: (field: string, what: string, value: unknown) =>
    `sync: ${field} expected ${what}, got ${String(value)}`,
  noCandidates: () => 'sync: NTP selection needs at least one candidate',
  badEnum: (field: string, value: unknown, known: readonly string[]) =>
    `sync: ${field} expected one of ${known.join(', ')}, got '${String(value)}'`,
  tooFewProbes: (n: number, need: number) =>
    `sync: the Huygens estimator needs at least ${need} pure probes, got ${n}`,
  disconnected: (node: number) => `sync: node ${node} cannot reach the reference node`,
} as const;

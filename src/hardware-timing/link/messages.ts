/** Every message the link and NIC model shows a user: one line naming the value and what was expected. */
export const linkMessages = {
  badConfig: (field: string, value: unknown, expected: string) =>
    `network: ${field} expected ${expected}, got ${String(value)}`,
  badSource: (index: number, field: string, value: unknown, expected: string) =>
    `network: source ${index}: ${field} expected ${expected}, got ${String(value)}`,
  unreachable: (index: number, src: number, dst: number) =>
    `network: source ${index}: node ${dst} cannot be reached from node ${src}`,
  alreadyRunning: () => 'network: sources must be added before run()',
} as const;

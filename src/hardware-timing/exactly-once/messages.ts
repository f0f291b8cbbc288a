/** Every message the exactly-once experiment shows a user, one line each. */
export const exactlyOnceMessages = {
  badOption: (name: string, value: unknown, expected: string) => `${name} expected ${expected}, got ${String(value)}`,
  tooFewNodes: (nodes: number) => `nodes: the network has ${nodes} node(s); at least 2 are needed to send anything`,
} as const;

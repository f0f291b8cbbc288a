/**
 * Every message the topology builders and metrics show a user, in one place. Bad input is one
 * line naming the parameter and what was expected.
 */
export const topologyMessages = {
  unknownKind: (kind: string, known: readonly string[]) =>
    `topology: kind expected one of ${known.join(', ')}, got '${kind}'`,
  badInteger: (field: string, value: unknown, min: number, max: number) =>
    `topology: ${field} expected an integer from ${min} to ${max}, got ${String(value)}`,
  badPositive: (field: string, value: unknown) =>
    `topology: ${field} expected a finite number of metres > 0, got ${String(value)}`,
  wrapTooSmall: (rows: number, cols: number) =>
    `topology: wrap-around needs at least 3 rows and 3 columns (else a wrap link doubles a neighbour link), got ${rows} × ${cols}`,
  fatTreeNodes: (nodes: number, valid: readonly number[]) =>
    `topology: a k-ary fat-tree has k³/4 hosts for even k; nodes expected one of ${valid.join(', ')}, got ${nodes}`,
  unknownNode: (node: unknown, count: number) =>
    `topology: node expected an integer id from 0 to ${count - 1}, got ${String(node)}`,
  badFailures: (what: string, k: unknown, max: number) =>
    `topology: number of failed ${what} expected an integer from 0 to ${max}, got ${String(k)}`,
} as const;

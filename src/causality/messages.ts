/**
 * Every message the causality domain shows a user, in one place. Bad input is one line naming the
 * file and line (when there is one) and what was expected.
 */
const where = (file: string | undefined, line: number | undefined): string =>
  `${file ?? '(trace)'}${line !== undefined ? `:${line}` : ''}`;

export const causalityMessages = {
  where,
  emptyHost: (file: string | undefined, line: number | undefined) =>
    `${where(file, line)}: expected a non-empty host name`,
  badType: (file: string | undefined, line: number | undefined, type: unknown) =>
    `${where(file, line)}: expected "type" to be "send", "recv" or "local", got ${JSON.stringify(type)}`,
  missingMsg: (file: string | undefined, line: number | undefined, type: string) =>
    `${where(file, line)}: a "${type}" event expected a non-empty string "msg" naming its message`,
  badJson: (file: string | undefined, line: number, detail: string) =>
    `${where(file, line)}: expected one JSON object per line (${detail})`,
  badField: (file: string | undefined, line: number, field: string, what: string) =>
    `${where(file, line)}: expected "${field}" to be ${what}`,
  duplicateSend: (file: string | undefined, line: number | undefined, msg: string, firstLine: number | undefined) =>
    `${where(file, line)}: message ${JSON.stringify(msg)} is sent twice (first sent${firstLine !== undefined ? ` on line ${firstLine}` : ''}); expected each message id once`,
  duplicateReceive: (file: string | undefined, line: number | undefined, msg: string) =>
    `${where(file, line)}: message ${JSON.stringify(msg)} is received twice; expected each message received at most once (use one id per delivery)`,
  receiveWithoutSend: (file: string | undefined, line: number | undefined, msg: string) =>
    `${where(file, line)}: receive of message ${JSON.stringify(msg)} that is never sent; expected its send event in the trace`,
  cycle: (file: string | undefined, line: number | undefined, msg: string) =>
    `${where(file, line)}: receive of message ${JSON.stringify(msg)} lies on a causal cycle (its send waits, directly or not, on this receive); expected an acyclic trace`,
  selfReceive: (file: string | undefined, line: number | undefined, msg: string) =>
    `${where(file, line)}: message ${JSON.stringify(msg)} is received by the host that sent it; expected a message between two hosts`,
  // ShiViz and GoVector logs (rules of DistributedClocks/shiviz js/model/parser.js and modelGraph.js).
  regexInvalid: (source: string, detail: string) =>
    `${source}: expected a valid regular expression (${detail})`,
  regexDuplicateGroup: (source: string, name: string) =>
    `${source}: expected each named group once, '${name}' appears twice`,
  regexMissingGroups: (source: string, missing: readonly string[]) =>
    `${source}: expected the named groups event, host and clock; missing ${missing.join(', ')}`,
  noEvents: (file: string | undefined, execution: string) =>
    `${where(file, undefined)}: the parser regex captures no events${execution ? ` in execution '${execution}'` : ''}; expected at least one`,
  duplicateExecution: (file: string | undefined, label: string) =>
    `${where(file, undefined)}: two executions are called '${label}'; expected unique execution names`,
  badClockJson: (file: string | undefined, line: number, text: string) =>
    `${where(file, line)}: expected a JSON vector clock such as {"a":1,"b":2}, got ${JSON.stringify(text.slice(0, 80))}`,
  badClockEntry: (file: string | undefined, line: number, host: string, value: unknown) =>
    `${where(file, line)}: expected the clock entry for ${JSON.stringify(host)} to be a non-negative integer, got ${JSON.stringify(value)}`,
  missingOwnEntry: (file: string | undefined, line: number, host: string) =>
    `${where(file, line)}: expected the vector clock to contain the local host ${JSON.stringify(host)}`,
  clockStart: (file: string | undefined, line: number, host: string, value: number) =>
    `${where(file, line)}: expected the first event of host ${JSON.stringify(host)} to have its own clock entry 1, got ${value}`,
  clockIncrement: (file: string | undefined, line: number, host: string, from: number, to: number, previousLine: number) =>
    `${where(file, line)}: expected the clock of host ${JSON.stringify(host)} to grow by exactly 1, it goes from ${from} (line ${previousLine}) to ${to}`,
  unknownHost: (file: string | undefined, line: number, host: string) =>
    `${where(file, line)}: the vector clock names host ${JSON.stringify(host)} that logs no event; expected only known hosts`,
  clockOutOfRange: (file: string | undefined, line: number, host: string, value: number, count: number) =>
    `${where(file, line)}: the clock entry ${JSON.stringify(host)}:${value} refers to an event that is never logged (host ${JSON.stringify(host)} logs ${count}); expected a receive to follow its send`,
  impermissibleClock: (file: string | undefined, line: number, expected: string) =>
    `${where(file, line)}: impermissible vector clock: the events it follows give ${expected}`,
  clockCycle: (file: string | undefined, line: number) =>
    `${where(file, line)}: the vector clocks form a cycle (an event after itself); expected an acyclic trace`,
  unreadable: (file: string, detail: string) =>
    `${file}: expected a readable trace file (${detail})`,
  parserNeedsShiviz: (format: string) =>
    `causality: --parser and --delimiter apply to ShiViz logs; expected no parser for format '${format}'`,
  goVectorOneExecution: (count: number) =>
    `causality: a GoVector log holds one execution, this trace has ${count}; expected --to shiviz`,
  cliOneMode: (given: number) =>
    `chronotope causality: expected exactly one of --json, --summary, --to (got ${given})`,
  exportHost: (format: string, host: string) =>
    `causality: host ${JSON.stringify(host)} cannot be written as ${format} (host names must be non-empty without white space)`,
} as const;

/**
 * Every message the CLI itself shows a user, in one place (after vega-lite's `log/message.ts`),
 * so wording stays consistent and each can be found and tested. Domain modules keep theirs in
 * their own `messages.ts`.
 */
export const cliMessages = {
  unknownCommand: (name: string, known: string[]) =>
    `chronotope: unknown command '${name}' (expected one of: ${known.join(', ')})`,
  missingCommand: () => `chronotope: no command given (try 'chronotope help')`,
  unknownOption: (command: string, option: string) =>
    `chronotope ${command}: unknown option '${option}' (see 'chronotope help ${command}')`,
  missingOptionValue: (command: string, option: string) =>
    `chronotope ${command}: option '${option}' needs a value (see 'chronotope help ${command}')`,
  unexpectedArgument: (command: string, argument: string) =>
    `chronotope ${command}: unexpected argument '${argument}' (see 'chronotope help ${command}')`,
  badInteger: (command: string, option: string, value: string, min: number, max: number) =>
    `chronotope ${command}: option '--${option}' expected an integer from ${min} to ${max}, got '${value}'`,
  badNumber: (command: string, option: string, value: string, what: string) =>
    `chronotope ${command}: option '--${option}' expected ${what}, got '${value}'`,
  badChoice: (command: string, option: string, value: string, choices: readonly string[]) =>
    `chronotope ${command}: option '--${option}' expected one of ${choices.join(', ')}, got '${value}'`,
  tooManyPending: (command: string, what: string, count: number, max: number) =>
    `chronotope ${command}: ${what} gives ${count} pending events; the engine holds at most ${max}`,
  missingArgument: (command: string, what: string) =>
    `chronotope ${command}: missing ${what} (see 'chronotope help ${command}')`,
  unknownHelpTopic: (name: string, known: string[]) =>
    `chronotope help: unknown command '${name}' (expected one of: ${known.join(', ')})`,
  unknownKind: (command: string, kind: string, kinds: readonly string[]) =>
    `chronotope ${command}: cannot create '${kind}' (expected one of: ${kinds.join(', ')})`,
  badNotebookName: (command: string, name: string) =>
    `chronotope ${command}: notebook NAME expected letters, digits and '-' (for example drift-study), got '${name}'`,
  fileExists: (command: string, path: string) =>
    `chronotope ${command}: ${path} already exists (choose another NAME; nothing was written)`,
  wroteStarter: (path: string) =>
    `wrote ${path}; run it with: npx chronotope run ${path}`,
} as const;

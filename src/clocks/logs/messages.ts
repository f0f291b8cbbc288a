/**
 * Every message the real-log readers show a user. Bad input is one line: the file and line, and
 * what was expected there.
 */
export const logMessages = {
  badLine: (where: string, line: number, format: string, expected: string, text: string) =>
    `${where}:${line}: ${format} line expected ${expected}, got '${clip(text)}'`,
  noRecords: (where: string, format: string) => `${where}: no ${format} records found`,
  unknownFormat: (name: string, known: readonly string[]) =>
    `log format expected one of ${known.join(', ')}, got '${name}'`,
  unknownSource: (where: string, source: string, known: readonly string[]) =>
    `${where}: source '${source}' not in the log (sources: ${known.join(', ')})`,
  tooFewForSeries: (where: string, n: number) =>
    `${where}: a phase series needs at least 2 records after the servo locks, got ${n}`,
  notMonotonic: (where: string, line: number) =>
    `${where}:${line}: time stamps must increase (a record goes back in time)`,
} as const;

function clip(text: string): string {
  const t = text.trim();
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}

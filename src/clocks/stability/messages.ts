/**
 * Every message the frequency-stability module shows a user, in one place (after vega-lite's
 * `log/message.ts`). Each is one line; `where` names the file (and line) or the option at fault.
 */
export const stabilityMessages = {
  emptyData: (where: string) => `${where}: no data values found (expected one number per line)`,
  tooFewPoints: (where: string, count: number, needed: number) =>
    `${where}: ${count} data value(s) is too few (need at least ${needed})`,
  notANumber: (where: string, line: number, text: string) =>
    `${where}:${line}: expected a finite number, got '${text}'`,
  notFinite: (where: string, line: number, text: string) =>
    `${where}:${line}: value '${text}' is not finite (NaN and Infinity are not allowed)`,
  nonFiniteValue: (index: number) =>
    `data value at index ${index} is not finite (NaN and Infinity are not allowed)`,
  missingColumn: (where: string, column: string, columns: readonly string[]) =>
    `${where}: no CSV column named '${column}' (columns: ${columns.join(', ')})`,
  badCsv: (where: string, line: number, problem: string) => `${where}:${line}: malformed CSV (${problem})`,
  badTau0: (value: number) => `tau0 must be a finite number > 0 seconds, got ${value}`,
  badRate: (value: number) => `rate must be a finite number > 0 Hz, got ${value}`,
  badNominal: (value: number) => `nominal frequency must be a finite number > 0 Hz, got ${value}`,
  badAveragingFactor: (value: number) =>
    `averaging factor must be an integer >= 1, got ${value}`,
  unsupportedAveragingFactor: (stat: string, af: number, points: number, maxAf: number) =>
    `${stat}: averaging factor ${af} needs more data than the ${points} phase points given (largest usable: ${maxAf})`,
  noUsableTaus: (stat: string, points: number) =>
    `${stat}: ${points} phase points are too few for any averaging factor`,
  unknownStatistic: (name: string, known: readonly string[]) =>
    `unknown statistic '${name}' (expected one of: ${known.join(', ')})`,
  badTauSet: (text: string) =>
    `taus must be octave, decade, all, or a comma-separated list of integer averaging factors, got '${text}'`,
  badConfidence: (value: number) => `confidence level must be in (0, 1), got ${value}`,
  badDataType: (value: string) => `data type must be 'phase' or 'freq', got '${value}'`,
  badNpy: (where: string, problem: string) => `${where}: not a readable .npy series (${problem})`,
  npyNotFinite: (where: string, index: number, value: number) =>
    `${where}: element ${index} is ${value} (NaN and Infinity are not allowed)`,
  badParquet: (where: string, problem: string) => `${where}: not a readable Parquet file (${problem})`,
  parquetNeedsColumn: (where: string, columns: readonly string[]) =>
    `${where}: a Parquet file needs --column NAME (columns: ${columns.join(', ')})`,
  missingParquetColumn: (where: string, column: string, columns: readonly string[]) =>
    `${where}: no Parquet column named '${column}' (columns: ${columns.join(', ')})`,
  parquetNotNumeric: (where: string, column: string, row: number, value: string) =>
    `${where}: column '${column}' row ${row}: expected a finite number, got ${value}`,
  parquetNeedsAsync: (where: string) =>
    `${where}: a Parquet file is read by loadSeries (asynchronous), not readSeries`,
  overflow: (stat: string, tauS: number, largest: number) =>
    `${stat}: the deviation at tau ${tauS} s is beyond the range of double precision (largest |value| ${largest}); rescale the data`,
} as const;

/** Messages of the `chronotope stability` command (the CLI lives in src/cli, its words here). */
export const stabilityCliMessages = {
  prefix: (message: string) => `chronotope stability: ${message}`,
  missingFile: () => `chronotope stability: missing data FILE (a path, or - for standard input; see 'chronotope help stability')`,
  tooManyFiles: (extra: string) => `chronotope stability: unexpected argument '${extra}' (give one data FILE)`,
  nominalNeedsFreq: () => `chronotope stability: option '--nominal-hz' converts absolute frequency in Hz, so it needs '--data freq'`,
  emptyStats: () => `chronotope stability: option '--stats' expected a comma-separated list of statistics, got ''`,
  plotNotSvg: (path: string) => `chronotope stability: option '--plot' expected a file name ending in .svg, got '${path}'`,
} as const;

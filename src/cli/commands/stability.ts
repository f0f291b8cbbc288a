import { InputError } from '../../core/errors.ts';
import { writeFileAtomic } from '../../core/io/atomic-write.ts';
import {
  fractionalFrequency, loadSeries, parseTauSet, stability, statisticSpec, STATISTIC_NAMES,
  type StabilityResult,
} from '../../clocks/stability/index.ts';
import { stabilityCliMessages } from '../../clocks/stability/messages.ts';
import type { KernelResult } from '../../clocks/stability/statistic.ts';
import type { Command } from '../command.ts';
import { choiceOption, integerOption, numberOption } from '../options.ts';
import { STABILITY_INPUT_USAGE, stabilityLogInput } from '../../clocks/logs/stability-input.ts';

const NAME = 'stability';

const usage = `usage: chronotope stability FILE [options]

Frequency-stability statistics with Stable32 / NIST SP 1065 conventions (term counts, tau sets,
frequency-to-phase conversion), with 68% confidence intervals from equivalent degrees of freedom
(Greenhall & Riley 2003) and the noise type found per tau (lag-1 ACF, B1 ratio for short data).

FILE holds one value per line ('#' starts a comment), or CSV with --column, or is a numpy .npy
array (float64 or float32, 1-D), or a Parquet file with --column NAME; the format and gzip are
recognised from the file's first bytes, whatever its name; '-' reads standard input.

options:
  --data KIND        phase (x, seconds) or freq (fractional frequency y)      (default phase)
  --tau0 S           sample interval in seconds, > 0                           (default 1)
  --stats LIST       comma-separated: ${STATISTIC_NAMES.join(', ')}
                                                                               (default oadev)
  --taus SET         octave, decade, all (Stable32 sets, each statistic stopping where Stable32
                     does), or a comma-separated list of averaging factors m (tau = m*tau0)
                                                                               (default octave)
  --all-tau-divisor C  spacing of the 'all' set: m -> m + 1 + floor(m/C)        (default 53)
  --format F         table, csv or json                                         (default table)
  --column NAME      read column NAME of a CSV file (first non-comment row is the header)
                     or of a Parquet file (required there)
  --nominal-hz F     FILE holds absolute frequency in Hz: y = (f - F)/F (needs --data freq)
  --plot OUT.svg     also write the log-log sigma(tau) figure with error bars
${STABILITY_INPUT_USAGE}

Output rows are ordered by statistic (as listed in --stats), then averaging factor. Columns:
stat, af (averaging factor), tau (s), n (terms; for mtie and tierms the N - m windows, as
Stable32's fast MTIE and TIE rms print it; its plain MTIE prints the data count N), dev, dev_low
and dev_high (68% interval; empty for mtie and tierms), noise (WPM, FPM, WFM, FFM, RWFM, FWFM,
RRFM). dev is a fractional frequency, except tdev, mtie and tierms, which are in seconds
(dev_unit column in CSV).`;

interface Row {
  readonly stat: string;
  readonly af: number;
  readonly tau: number;
  readonly n: number;
  readonly dev: number;
  readonly devLow: number | null;
  readonly devHigh: number | null;
  readonly noise: string | null;
  readonly unit: 'fractional' | 's';
}

function rowsOf(result: StabilityResult): Row[] {
  return Array.from(result.averagingFactors, (af, k) => ({
    stat: result.statistic,
    af,
    tau: result.tausS[k],
    n: result.terms[k],
    dev: result.devs[k],
    devLow: Number.isNaN(result.devsLow[k]) ? null : result.devsLow[k],
    devHigh: Number.isNaN(result.devsHigh[k]) ? null : result.devsHigh[k],
    noise: result.noiseTypes[k] === '' ? null : result.noiseTypes[k],
    unit: result.unit,
  }));
}

function toJson(rows: Row[]): string {
  const plain = rows.map(({ stat, af, tau, n, dev, devLow, devHigh, noise }) => ({ stat, af, tau, n, dev, devLow, devHigh, noise }));
  return JSON.stringify(plain) + '\n';
}

/** Shortest round-trip decimal: the same double always prints the same way. */
const num = (v: number | null) => (v === null ? '' : String(v));

function toCsv(rows: Row[]): string {
  const lines = ['stat,af,tau_s,n,dev,dev_low,dev_high,dev_unit,noise'];
  for (const r of rows) {
    lines.push([r.stat, r.af, num(r.tau), r.n, num(r.dev), num(r.devLow), num(r.devHigh), r.unit === 's' ? 's' : '1', r.noise ?? ''].join(','));
  }
  return lines.join('\n') + '\n';
}

function toTable(rows: Row[]): string {
  const head = ['stat', 'af', 'tau (s)', 'n', 'dev', 'dev_low', 'dev_high', 'unit', 'noise'];
  const sci = (v: number | null) => (v === null ? '-' : v.toExponential(4));
  const body = rows.map((r) => [r.stat, String(r.af), String(r.tau), String(r.n), sci(r.dev), sci(r.devLow), sci(r.devHigh), r.unit === 's' ? 's' : '1', r.noise ?? '-']);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const fmt = (cells: string[]) => cells.map((cell, c) => (c === 0 || c === 8 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [fmt(head), ...body.map(fmt)].join('\n') + '\n';
}

/**
 * The familiar log-log sigma-tau figure: one series per statistic, 68% intervals as error bars.
 * Plot and the renderer are loaded only when a figure is asked for: they double the start-up time.
 */
async function stabilityFigure(rows: Row[]): Promise<string> {
  const Plot = await import('@observablehq/plot');
  const { plotToSvg } = await import('../../notebook/figure-svg.ts');
  const points = rows.filter((r) => r.dev > 0);
  const bars = points.filter((r) => r.devLow !== null && r.devHigh !== null && r.devLow > 0);
  const last = [...new Map(points.map((r) => [r.stat, r])).values()];
  return plotToSvg({
    width: 640,
    height: 420,
    marginRight: 60,
    x: { type: 'log', label: 'τ (s)', grid: true },
    y: { type: 'log', label: 'σ(τ)', grid: true, tickFormat: '.0e' },
    marks: [
      Plot.ruleX(bars, { x: 'tau', y1: 'devLow', y2: 'devHigh', stroke: 'stat' }),
      Plot.line(points, { x: 'tau', y: 'dev', stroke: 'stat' }),
      Plot.dot(points, { x: 'tau', y: 'dev', stroke: 'stat', r: 2.5 }),
      Plot.text(last, { x: 'tau', y: 'dev', text: 'stat', fill: 'stat', dx: 6, textAnchor: 'start' }),
    ],
  });
}

function parseStats(text: string): string[] {
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new InputError(stabilityCliMessages.emptyStats());
  for (const name of names) statisticSpec(name);
  return [...new Set(names)];
}

export const stabilityCommand: Command = {
  name: NAME,
  summary: 'ADEV, OADEV, MDEV, TDEV, HDEV, OHDEV, TOTDEV, MTIE, TIE rms of a phase or frequency file',
  usage,
  options: {
    data: { type: 'string' },
    tau0: { type: 'string' },
    stats: { type: 'string' },
    taus: { type: 'string' },
    'all-tau-divisor': { type: 'string' },
    format: { type: 'string' },
    column: { type: 'string' },
    'nominal-hz': { type: 'string' },
    plot: { type: 'string' },
    input: { type: 'string' },
  },
  allowPositionals: true,
  async run(values, positionals) {
    // Check every option before reading anything, so bad input never leaves partial output.
    const dataType = choiceOption(NAME, 'data', values.data, ['phase', 'freq'] as const, 'phase');
    let tau0S = numberOption(NAME, 'tau0', values.tau0, 1, 'a number of seconds > 0', (v) => v > 0);
    const format = choiceOption(NAME, 'format', values.format, ['table', 'csv', 'json'] as const, 'table');
    const divisor = integerOption(NAME, 'all-tau-divisor', values['all-tau-divisor'], 53, 1, 1_000_000);
    const nominalHz = values['nominal-hz'] === undefined
      ? undefined
      : numberOption(NAME, 'nominal-hz', values['nominal-hz'], 0, 'a frequency in Hz > 0', (v) => v > 0);
    if (nominalHz !== undefined && dataType !== 'freq') throw new InputError(stabilityCliMessages.nominalNeedsFreq());
    const plotPath = values.plot === undefined ? undefined : String(values.plot);
    if (plotPath !== undefined && !plotPath.toLowerCase().endsWith('.svg')) throw new InputError(stabilityCliMessages.plotNotSvg(plotPath));
    if (positionals.length === 0) throw new InputError(stabilityCliMessages.missingFile());
    if (positionals.length > 1) throw new InputError(stabilityCliMessages.tooManyFiles(positionals[1]));
    const file = positionals[0];
    try {
      const stats = parseStats(values.stats === undefined ? 'oadev' : String(values.stats));
      const taus = parseTauSet(values.taus === undefined ? 'octave' : String(values.taus));
      const column = values.column === undefined ? undefined : String(values.column);
      // --input: a daemon's log (src/clocks/logs), read as its phase series with its own tau0.
      const log = values.input === undefined ? undefined : stabilityLogInput(NAME, String(values.input), file,
        { dataFreq: dataType === 'freq', column: column !== undefined, nominalHz: nominalHz !== undefined });
      if (log !== undefined && values.tau0 === undefined) tau0S = log.tau0S;
      let data = log?.data ?? await loadSeries(file, column === undefined ? {} : { column });
      if (nominalHz !== undefined) data = fractionalFrequency(data, nominalHz);
      const where = file === '-' ? '<stdin>' : file;
      const big = data.length >= 1_000_000;
      const task = big ? (await import('../../notebook/progress.ts')).createProgress().start(`stability ${where}`, stats.length) : undefined;
      const rows: Row[] = [];
      const noiseCache = new Map<string, number>(); // one series: identify each tau's noise once
      const kernelCache = new Map<string, KernelResult>(); // and let TDEV reuse MDEV's sums
      for (const stat of stats) {
        try {
          rows.push(...rowsOf(stability(stat, data, { dataType, tau0S, taus, allTauDivisor: divisor, noiseCache, kernelCache })));
        } catch (error) {
          if (error instanceof InputError) throw new InputError(`${where}: ${error.message}`);
          throw error;
        }
        task?.tick(1, stat);
      }
      task?.done();
      const text = format === 'json' ? toJson(rows) : format === 'csv' ? toCsv(rows) : toTable(rows);
      // The figure is written before stdout so a failure in either leaves nothing half-done.
      if (plotPath !== undefined) writeFileAtomic(plotPath, await stabilityFigure(rows));
      process.stdout.write(text);
    } catch (error) {
      if (error instanceof InputError && !error.message.startsWith('chronotope ')) {
        throw new InputError(stabilityCliMessages.prefix(error.message));
      }
      throw error;
    }
    return 0;
  },
};

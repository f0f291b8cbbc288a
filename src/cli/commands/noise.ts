import { InputError } from '../../core/errors.ts';
import { writeFileAtomic } from '../../core/io/atomic-write.ts';
import {
  MAX_NOISE_SAMPLES, NOISE_TYPES, noiseMessages, powerLawFrequency, powerLawPhase, type NoiseLevel,
} from '../../oscillators/noise/index.ts';
import type { Command } from '../command.ts';
import { cliMessages } from '../messages.ts';
import { choiceOption, integerOption, numberOption } from '../options.ts';

const NAME = 'noise';

const usage = `usage: chronotope noise --type TYPE --seed S [options]

Generates power-law clock noise by the Kasdin & Walter (1992) method and prints one value per
line (shortest round-trip decimal), or writes it to --out atomically. The same options always
give the same bytes.

options:
  --type TYPE     wpm (white PM), fpm (flicker PM), wfm (white FM), ffm (flicker FM),
                  rwfm (random-walk FM)                                        (required)
  --seed S        seed of the random streams, integer 0 to 2^53-1              (required)
  --stream ID     random stream id, integer 0 to 2^53-1                        (default 0)
  --n N           number of values, 1 to ${MAX_NOISE_SAMPLES} (${MAX_NOISE_SAMPLES - 1} for freq)          (default 100000)
  --tau0 S        sampling interval in seconds                                 (default 1)
  --h COEFF       level as h_alpha of S_y(f) = h_alpha f^alpha (unit s^(alpha+1))
  --adev A        level as the Allan deviation at --adev-tau (NIST SP 1065 relations)
  --adev-tau S    averaging time in seconds for --adev, at least --tau0         (default 1)
                  (without --h or --adev: unit white-noise variance, Q_d = 1 s^2)
  --data KIND     phase (x, seconds) or freq (fractional frequency y)         (default phase)
  --out FILE      write to FILE instead of standard output`;

/** Series at least this long report progress on stderr (a second or more of work). */
const PROGRESS_FROM = 2 ** 20;
/** Lines formatted per progress step. */
const CHUNK = 2 ** 18;

/**
 * Formats values as shortest round-trip decimals (String(x)), one per line, in chunks so long
 * series can report progress.
 */
function formatChunks(values: Float64Array, onChunk: () => void): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < values.length; start += CHUNK) {
    const end = Math.min(values.length, start + CHUNK);
    const parts: string[] = new Array(end - start);
    for (let i = start; i < end; i++) parts[i - start] = String(values[i]);
    chunks.push(parts.join('\n') + '\n');
    onChunk();
  }
  return chunks;
}

export const noiseCommand: Command = {
  name: NAME,
  usage,
  options: {
    type: { type: 'string' },
    seed: { type: 'string' },
    stream: { type: 'string' },
    n: { type: 'string' },
    tau0: { type: 'string' },
    h: { type: 'string' },
    adev: { type: 'string' },
    'adev-tau': { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values) {
    if (values.type === undefined) throw new InputError(cliMessages.missingArgument(NAME, "option '--type'"));
    if (values.seed === undefined) throw new InputError(cliMessages.missingArgument(NAME, "option '--seed'"));
    const type = choiceOption(NAME, 'type', values.type, NOISE_TYPES, 'wpm');
    const seed = integerOption(NAME, 'seed', values.seed, 0, 0);
    const stream = integerOption(NAME, 'stream', values.stream, 0, 0);
    const data = choiceOption(NAME, 'data', values.data, ['phase', 'freq'] as const, 'phase');
    // n frequencies come from n + 1 phase points.
    const n = integerOption(NAME, 'n', values.n, 100000, 1, data === 'phase' ? MAX_NOISE_SAMPLES : MAX_NOISE_SAMPLES - 1);
    const tau0S = numberOption(NAME, 'tau0', values.tau0, 1, 'a number of seconds > 0', (v) => v > 0);
    if (values.h !== undefined && values.adev !== undefined) throw new InputError(noiseMessages.cliLevelConflict());
    if (values['adev-tau'] !== undefined && values.adev === undefined) throw new InputError(noiseMessages.cliAdevTauAlone());
    let level: NoiseLevel = { qd: 1 };
    if (values.h !== undefined) {
      level = { h: numberOption(NAME, 'h', values.h, 0, 'a number >= 0', (v) => v >= 0) };
    } else if (values.adev !== undefined) {
      const adev = numberOption(NAME, 'adev', values.adev, 0, 'a number >= 0', (v) => v >= 0);
      const tauS = numberOption(NAME, 'adev-tau', values['adev-tau'], 1,
        `a number of seconds >= --tau0 (${tau0S})`, (v) => v >= tau0S);
      level = { adev, tauS };
    }
    const options = { type, n, seed, stream, tau0S, level };
    // Long series: a bar on a terminal, occasional plain lines otherwise (stderr, never stdout).
    // The notebook runtime (which owns the progress reporter) is loaded only then, so short runs
    // do not pay for its imports.
    const task = n >= PROGRESS_FROM
      ? (await import('../../notebook/index.ts')).createProgress().start(`noise ${type}`, 1 + Math.ceil(n / CHUNK))
      : { tick() {}, done() {} };
    const series = data === 'phase' ? powerLawPhase(options) : powerLawFrequency(options);
    task.tick(1, 'generated');
    const chunks = formatChunks(series, () => task.tick(1, 'formatted'));
    task.done();
    if (typeof values.out === 'string') writeFileAtomic(values.out, chunks.join(''));
    else for (const chunk of chunks) process.stdout.write(chunk);
    return 0;
  },
};

import { existsSync } from 'node:fs';
import { InputError } from '../../core/errors.ts';
import { writeFileAtomic } from '../../core/io/atomic-write.ts';
import type { Command } from '../command.ts';
import { cliMessages } from '../messages.ts';

const NAME = 'new';

const usage = `usage: chronotope new notebook NAME

Writes NAME.ts, a starter notebook that runs as written: a title, a parameter, a table and a
figure (the overlapping Allan deviation of simulated white-FM clock noise). It imports the
toolkit by package name ('chronotope'), so it works in your own project as in any folder.
NAME may include a folder (experiments/drift); it must end in letters, digits and '-'. An
existing file is never overwritten.

  chronotope new notebook drift-study
  chronotope run drift-study.ts --param adev1s=2e-12`;

/** A notebook file name without `.ts`: letters, digits and '-' (what `chronotope run` accepts). */
const NOTEBOOK_NAME = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;

/** The starter notebook's text, with its title taken from the file name. */
export function starterNotebook(title: string): string {
  return `// A chronotope notebook: run it with  npx chronotope run ${title}.ts  (see --param below).
// How to write one: src/notebook/README.md in chronotope's repository.
import * as Plot from '@observablehq/plot';
import { notebook, oadev, powerLawPhase } from 'chronotope';

export default notebook(
  {
    title: ${JSON.stringify(title)},
    summary: 'Overlapping Allan deviation of simulated white-FM clock noise.',
    // Change one with --param, e.g. --param adev1s=2e-12 --param points=65536
    params: {
      adev1s: { value: 1e-11, min: 1e-18, max: 1e-3, description: 'ADEV at 1 s (1)' },
      points: { value: 4096, min: 64, max: 1048576, integer: true, description: 'phase samples' },
    },
    seed: 1,
  },
  (nb, { adev1s, points }) => {
    // Every random number comes from the seed (--seed S), so a rerun gives the same bytes.
    const phaseS = powerLawPhase({ type: 'wfm', n: points, seed: nb.seed, tau0S: 1, level: { adev: adev1s, tauS: 1 } });
    const sigma = oadev(phaseS, { tau0S: 1, taus: 'octave' });
    const rows = Array.from(sigma.tausS, (tauS, k) => ({ tauS, oadev: sigma.devs[k], low: sigma.devsLow[k], high: sigma.devsHigh[k] }));

    nb.md\`
      White frequency noise at ADEV(1 s) = \${adev1s}, \${points} samples 1 s apart. The overlapping
      Allan deviation falls as τ^-1/2 for white FM.
    \`;
    const table = nb.table('oadev', rows, [
      { key: 'tauS', header: 'tau (s)' },
      { key: 'oadev', header: 'oadev (1)' },
      { key: 'low', header: 'oadev low (1)' },
      { key: 'high', header: 'oadev high (1)' },
    ], { caption: 'OADEV with its 68% confidence interval.' });
    nb.figure('oadev', {
      x: { type: 'log', label: 'τ (s)' },
      y: { type: 'log', label: 'σ_y(τ) (1)' },
      marks: [
        Plot.ruleX(rows, { x: 'tauS', y1: 'low', y2: 'high' }),
        Plot.line(rows, { x: 'tauS', y: 'oadev' }),
        Plot.dot(rows, { x: 'tauS', y: 'oadev' }),
      ],
    }, { caption: 'Overlapping Allan deviation against averaging time.', data: table });
  },
);
`;
}

export const newCommand: Command = {
  name: NAME,
  usage,
  options: {},
  allowPositionals: true,
  run(_values, positionals) {
    const [kind, name, extra] = positionals;
    if (kind === undefined) throw new InputError(cliMessages.missingArgument(NAME, "what to create ('notebook')"));
    if (kind !== 'notebook') throw new InputError(cliMessages.unknownKind(NAME, kind, ['notebook']));
    if (name === undefined) throw new InputError(cliMessages.missingArgument(NAME, 'notebook NAME'));
    if (extra !== undefined) throw new InputError(cliMessages.unexpectedArgument(NAME, extra));
    const path = name.endsWith('.ts') ? name : `${name}.ts`;
    const base = path.slice(path.lastIndexOf('/') + 1, -'.ts'.length);
    if (!NOTEBOOK_NAME.test(base)) throw new InputError(cliMessages.badNotebookName(NAME, name));
    if (existsSync(path)) throw new InputError(cliMessages.fileExists(NAME, path));
    writeFileAtomic(path, starterNotebook(base));
    process.stderr.write(cliMessages.wroteStarter(path) + '\n');
    return 0;
  },
};

import { InputError } from '../../core/errors.ts';
import { parseParamArguments } from '../../notebook/params.ts';
import { createProgress } from '../../notebook/progress.ts';
import { notebookMessages } from '../../notebook/messages.ts';
import type { Command } from '../command.ts';
import { cliMessages } from '../messages.ts';
import { integerOption } from '../options.ts';

export const runCommand: Command = {
  name: 'run',
  usage: [
    'usage: chronotope run <notebook.ts> [--param name=value]... [--seed S] [--out DIR] [--papers DIR]',
    '',
    'Runs one notebook and writes OUT/NN-slug/: index.html, every figure as .svg and .png, every',
    'table as .csv, and run.json (commit, seed, parameters, versions, wall time). Figures a notebook',
    'marks for papers also go to PAPERS/. The same seed gives byte-identical CSV, SVG and PNG files.',
    '',
    'options:',
    '  --param name=value  change a parameter (repeatable); the notebook declares names and types',
    '  --seed S            replace the notebook\'s seed (integer, 0 to 2^53 - 1)',
    '  --out DIR           site directory (default: out)',
    '  --papers DIR        paper figures directory (default: papers)',
    '',
    'example:',
    '  chronotope run notebooks/01-light-time.ts --param cableNsPerM=4.9',
  ].join('\n'),
  options: {
    param: { type: 'string', multiple: true },
    seed: { type: 'string' },
    out: { type: 'string' },
    papers: { type: 'string' },
  },
  allowPositionals: true,
  async run(values, positionals) {
    if (positionals.length === 0) throw new InputError(cliMessages.missingArgument('run', 'notebook file'));
    if (positionals.length > 1) throw new InputError(cliMessages.unexpectedArgument('run', positionals[1]));
    const file = positionals[0];
    const params = parseParamArguments((values.param as string[] | undefined) ?? []);
    const seed = values.seed === undefined ? undefined
      : integerOption('run', 'seed', values.seed, 0, 0, Number.MAX_SAFE_INTEGER);
    const started = performance.now();
    // Loaded here, not at the top: Plot, linkedom and resvg are not needed for `chronotope help`.
    const { runNotebook } = await import('../../notebook/run-notebook.ts');
    const result = await runNotebook(file, {
      outDir: (values.out as string | undefined) ?? 'out',
      papersDir: (values.papers as string | undefined) ?? 'papers',
      seed,
      params,
      progress: createProgress(),
    });
    process.stderr.write(notebookMessages.wrote(result.dir, (performance.now() - started) / 1000) + '\n');
    return 0;
  },
};

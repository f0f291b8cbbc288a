import { isInputError } from '../../core/errors.ts';
import { notebookMessages } from '../../notebook/messages.ts';
import { selectNotebooks } from '../../notebook/notebook-files.ts';
import { checkOutputDir } from '../../notebook/output-dir.ts';
import { createProgress } from '../../notebook/progress.ts';
import type { Command } from '../command.ts';

export const figuresCommand: Command = {
  name: 'figures',
  usage: [
    'usage: chronotope figures [NOTEBOOK]... [--out DIR] [--papers DIR] [--notebooks DIR]',
    '',
    'Runs the notebooks in order (all of them, or those named: a file name or its number, e.g. 01),',
    'each with its own seed and default parameters, then writes OUT/index.html linking every',
    'notebook with a thumbnail of its first figure. A notebook that fails keeps its previous',
    'output; the others still run, and the command exits with status 1 naming the failures.',
    '`npm run figures` runs this command.',
    '',
    'options:',
    '  --out DIR        site directory (default: out)',
    '  --papers DIR     paper figures directory (default: papers)',
    '  --notebooks DIR  where the notebooks are (default: notebooks)',
  ].join('\n'),
  options: {
    out: { type: 'string' },
    papers: { type: 'string' },
    notebooks: { type: 'string' },
  },
  allowPositionals: true,
  async run(values, positionals) {
    const outDir = (values.out as string | undefined) ?? 'out';
    const papersDir = (values.papers as string | undefined) ?? 'papers';
    // Loaded here, not at the top: Plot, linkedom and resvg are not needed for `chronotope help`.
    const { runNotebook } = await import('../../notebook/run-notebook.ts');
    const { writeSiteIndex } = await import('../../notebook/site-index.ts');
    // Checked once here, so a bad --out or --papers is one line and exit 2, not one failure per notebook.
    checkOutputDir(outDir, '--out');
    checkOutputDir(papersDir, '--papers');
    const files = selectNotebooks((values.notebooks as string | undefined) ?? 'notebooks', positionals);
    const progress = createProgress({ intervalMs: 0 });
    const task = progress.start('figures', files.length);
    const failed: string[] = [];
    for (const file of files) {
      try {
        await runNotebook(file, { outDir, papersDir, progress, updateSiteIndex: false });
        task.tick(1, file);
      } catch (error) {
        task.tick(1, `${file} FAILED`);
        failed.push(file);
        // One line for bad input; the whole stack for a bug, so the failing line can be found.
        const text = isInputError(error) ? error.message : error instanceof Error ? error.stack ?? error.message : String(error);
        process.stderr.write(`${text}\n`);
      }
    }
    task.done();
    writeSiteIndex(outDir);
    if (failed.length > 0) {
      process.stderr.write(notebookMessages.figuresFailed(failed) + '\n');
      return 1;
    }
    return 0;
  },
};

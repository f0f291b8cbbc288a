import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { InputError } from '../../core/errors.ts';
import { mergeSweep, parseShard, runSweep, shardFromEnvironment } from '../../sweep/index.ts';
import type { Command } from '../command.ts';
import { cliMessages } from '../messages.ts';
import { integerOption } from '../options.ts';

const NAME = 'sweep';

const usage = `usage: chronotope sweep SPEC.json --out DIR [--workers K] [--shard i/n]
       chronotope sweep merge DIR [DIR...] --out FILE.csv|FILE.parquet

Runs a parameter sweep of a kernel (clock-ensemble, heartbeat-qos) described by a JSON spec
(see sweeps/ and src/sweep/spec.ts) on worker threads, one result file per task in DIR. Results
depend only on the spec: any worker count and any sharding give byte-identical merged output.
An interrupted sweep resumes where it stopped (rerun the same command); SIGINT and SIGTERM let
running tasks finish and lose nothing that finished (exit status 130 or 143).

The shard is read from a Slurm job array (SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1 of
SLURM_ARRAY_TASK_COUNT) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX + 1 of
JOB_COMPLETIONS) when --shard is not given; see docs/slurm and docs/kubernetes.

'merge' checks that every task of the sweep is present in the DIRs (one, or one per shard) and
writes one CSV or Parquet file; if tasks are missing or the DIRs disagree it names them and
writes nothing.

options:
  --out DIR|FILE  output directory (run) or merged file (merge)                 (required)
  --workers K     worker threads, 0 to 256 (0: in the main thread)  (default: available cores)
  --shard i/n     run only shard i of n (1 <= i <= n)`;

export const sweepCommand: Command = {
  name: NAME,
  usage,
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    workers: { type: 'string' },
    shard: { type: 'string' },
  },
  async run(values, positionals) {
    if (typeof values.out !== 'string') throw new InputError(cliMessages.missingArgument(NAME, "option '--out'"));
    if (positionals[0] === 'merge') {
      for (const option of ['workers', 'shard']) {
        if (values[option] !== undefined) throw new InputError(cliMessages.unknownOption(`${NAME} merge`, `--${option}`));
      }
      const dirs = positionals.slice(1);
      if (dirs.length === 0) throw new InputError(cliMessages.missingArgument(`${NAME} merge`, 'the sweep directory'));
      const { rows } = mergeSweep(dirs, values.out);
      process.stderr.write(`sweep merge: ${rows} rows written to ${values.out}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new InputError(cliMessages.missingArgument(NAME, 'the sweep spec SPEC.json'));
    if (positionals.length > 1) throw new InputError(cliMessages.unexpectedArgument(NAME, positionals[1]));
    const file = positionals[0];
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new InputError(`chronotope ${NAME}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const workers = integerOption(NAME, 'workers', values.workers, Math.min(availableParallelism(), 256), 0, 256);
    const shard = typeof values.shard === 'string' ? parseShard(values.shard) : shardFromEnvironment();
    const result = await runSweep(text, file, { outDir: values.out, workers, shard });
    const where = shard ? ` (shard ${shard.index}/${shard.count})` : '';
    if (result.interrupted) {
      process.stderr.write(`sweep: interrupted by ${result.interrupted}${where}: ${result.skipped + result.ran} of ${result.tasks} tasks are done; rerun to resume\n`);
      return result.interrupted === 'SIGINT' ? 130 : 143;
    }
    process.stderr.write(`sweep: ${result.tasks} tasks done${where} (${result.ran} run now, ${result.skipped} from an earlier run) in ${values.out}\n`);
    return 0;
  },
};

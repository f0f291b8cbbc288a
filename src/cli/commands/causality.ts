import { statSync } from 'node:fs';
import { InputError } from '../../core/errors.ts';
import { writeFileAtomic } from '../../core/io/atomic-write.ts';
import {
  TRACE_FORMATS, causalityMessages, detectFormat, readTraceFile, summarizeEventsFile, summarizeTrace,
  traceJson, writeGoVector, writeShivizExecutions, type TraceFormat,
} from '../../causality/index.ts';
import type { Command } from '../command.ts';
import { cliMessages } from '../messages.ts';
import { choiceOption } from '../options.ts';

const NAME = 'causality';

const usage = `usage: chronotope causality FILE (--json | --summary | --to FORMAT) [options]

Reads a trace, computes happened-before with Lamport and vector clocks, and prints

  --json      {"events":[{"host":"a","index":1,"lamport":3,"vector":{"a":1,"b":2}},...],
               "hosts":[...],"messages":K,"concurrentPairs":C,"width":W}
              index: the event's 1-based position on its host; messages: send → receive pairs;
              concurrentPairs: pairs of events neither before the other; width: the largest set
              of pairwise concurrent events. Events are listed in a causal order.
  --summary   the same object without "events" (a JSON-lines trace is streamed, not held whole)
  --to FMT    the trace as a ShiViz log (opens in ShiViz by file upload) or a GoVector log

A log with several executions (a ShiViz delimiter) prints one object per line, each starting
with "execution". Nothing is written for a trace that fails validation (exit status 2).

options:
  --format F       events (JSON lines: {"host":"a","type":"send"|"recv"|"local","msg":"m1",
                   "label":"..."}), shiviz or govector        (default: events for .jsonl or a
                   first line starting with "{", govector for a first line 'host {clock}',
                   else shiviz)
  --parser REGEX   ShiViz parser regex with named groups event, host, clock; overrides the
                   log's first line, as ShiViz's form does (not wrapped in ^...$)
  --delimiter RE   ShiViz execution delimiter; overrides the log's second line
  --out FILE       write to FILE (atomically) instead of standard output`;

const OUTPUTS = ['shiviz', 'govector'] as const;

export const causalityCommand: Command = {
  name: NAME,
  usage,
  allowPositionals: true,
  options: {
    format: { type: 'string' },
    parser: { type: 'string' },
    delimiter: { type: 'string' },
    json: { type: 'boolean' },
    summary: { type: 'boolean' },
    to: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, positionals) {
    if (positionals.length === 0) throw new InputError(cliMessages.missingArgument(NAME, 'trace FILE'));
    if (positionals.length > 1) throw new InputError(cliMessages.unexpectedArgument(NAME, positionals[1]));
    const file = positionals[0];
    const modes = [values.json && 'json', values.summary && 'summary', values.to !== undefined && 'to'].filter(Boolean);
    if (modes.length !== 1) throw new InputError(causalityMessages.cliOneMode(modes.length));
    const to = values.to === undefined ? undefined : choiceOption(NAME, 'to', values.to, OUTPUTS, 'shiviz');
    let format = values.format === undefined ? undefined : choiceOption(NAME, 'format', values.format, TRACE_FORMATS, 'events');
    const parser = typeof values.parser === 'string' ? values.parser : undefined;
    const delimiter = typeof values.delimiter === 'string' ? values.delimiter : undefined;
    let output: string;
    try {
      statSync(file);
    } catch (error) {
      throw new InputError(causalityMessages.unreadable(file, (error as NodeJS.ErrnoException).code ?? String(error)));
    }
    format ??= detectFormat(file) as TraceFormat;
    if (values.summary && format === 'events' && parser === undefined && delimiter === undefined) {
      const size = statSync(file).size;
      // Big files show progress on stderr (the notebook runtime owns the reporter; loaded only then).
      const reporter = size >= 1 << 26 ? (await import('../../notebook/index.ts')).createProgress() : undefined;
      const mib = Math.ceil(size / 2 ** 20);
      let task = reporter?.start(`causality ${file}: clocks (MiB)`, mib);
      let shown = 0, currentPass = 1;
      const summary = summarizeEventsFile(file, reporter && ((bytes, _total, pass) => {
        if (pass !== currentPass) {
          task?.done();
          task = reporter.start(`causality ${file}: causal graph for the width (MiB)`, mib);
          currentPass = pass;
          shown = 0;
        }
        const done = Math.floor(bytes / 2 ** 20);
        task?.tick(done - shown, 'read');
        shown = done;
      }));
      task?.done();
      output = traceJson(summary) + '\n';
    } else {
      const executions = readTraceFile(file, { format, parser, delimiter });
      const several = executions.length > 1;
      if (to === 'shiviz') output = writeShivizExecutions(executions);
      else if (to === 'govector') {
        if (several) throw new InputError(causalityMessages.goVectorOneExecution(executions.length));
        output = writeGoVector(executions[0].trace);
      } else {
        output = executions.map((x) => traceJson(summarizeTrace(x.trace), values.json ? x.trace : undefined,
          several ? x.label : undefined) + '\n').join('');
      }
    }
    if (typeof values.out === 'string') writeFileAtomic(values.out, output);
    else process.stdout.write(output);
    return 0;
  },
};

import type { Benchmark } from './benchmark.ts';
import { integerOption, numberOption } from '../src/cli/options.ts';
import { cliMessages } from '../src/cli/messages.ts';
import { InputError } from '../src/core/errors.ts';
import { PHOLD_DEFAULTS, runPhold } from '../src/core/engine/phold.ts';

/**
 * `chronotope bench phold`: the PHOLD workload (see src/core/engine/phold.ts) on the
 * discrete-event engine. A short warm-up run (10% of the events, at most 500,000) lets V8 compile
 * the hot loop first; then the workload runs `--repeats` times (default 3) and the median rate is
 * reported, with the slowest and fastest, because single runs on a shared VM vary by several
 * percent. Every repeat runs the identical event sequence.
 */
export const pholdBenchmark: Benchmark = {
  name: 'phold',
  usage: `usage: chronotope bench phold [--events N] [--lps L] [--population P] [--lookahead T] [--mean T] [--seed S] [--json]

PHOLD (Fujimoto 1990): L logical processes start with P events each; every event schedules one
new event at a uniformly random process, lookahead + Exp(mean) later (time units of 1 s, 1 ns
resolution).

options:
  --events N      events to run (default ${PHOLD_DEFAULTS.events})
  --lps L         logical processes (default ${PHOLD_DEFAULTS.lps})
  --population P  initial events per process (default ${PHOLD_DEFAULTS.population})
  --lookahead T   minimum delay (default ${PHOLD_DEFAULTS.lookahead})
  --mean T        mean of the exponential part of the delay (default ${PHOLD_DEFAULTS.mean})
  --seed S        random seed (default ${PHOLD_DEFAULTS.seed})
  --repeats R     measured runs; the median rate is reported (default 3)
  --json          print {"events":…,"eventsPerSecond":…,"simTime":…} on one line
                  (simTime in simulated seconds; eventsPerSecond is the median repeat)
`,
  options: {
    events: { type: 'string' },
    lps: { type: 'string' },
    population: { type: 'string' },
    lookahead: { type: 'string' },
    mean: { type: 'string' },
    seed: { type: 'string' },
    repeats: { type: 'string' },
  },
  run(values) {
    const cmd = 'bench phold';
    const options = {
      events: integerOption(cmd, 'events', values.events, PHOLD_DEFAULTS.events, 1),
      lps: integerOption(cmd, 'lps', values.lps, PHOLD_DEFAULTS.lps, 1, 2 ** 24),
      population: integerOption(cmd, 'population', values.population, PHOLD_DEFAULTS.population, 1),
      lookahead: numberOption(cmd, 'lookahead', values.lookahead, PHOLD_DEFAULTS.lookahead, 'a number ≥ 0', (x) => x >= 0),
      mean: numberOption(cmd, 'mean', values.mean, PHOLD_DEFAULTS.mean, 'a number > 0', (x) => x > 0),
      seed: integerOption(cmd, 'seed', values.seed, PHOLD_DEFAULTS.seed, 0),
    };
    const pending = options.lps * options.population;
    if (pending > 2 ** 24) throw new InputError(cliMessages.tooManyPending(cmd, '--lps × --population', pending, 2 ** 24));
    const repeats = integerOption(cmd, 'repeats', values.repeats, 3, 1, 1000);
    runPhold({ ...options, events: Math.min(500_000, Math.ceil(options.events / 10)) }); // warm-up
    const runs = Array.from({ length: repeats }, () => runPhold(options));
    const rates = runs.map((r) => r.events / r.wallSeconds).sort((a, b) => a - b);
    const result = runs[0]; // every repeat has the same events, end time and checksum
    return {
      events: result.events,
      eventsPerSecond: Math.round(rates[Math.floor((repeats - 1) / 2)]),
      simTime: result.simTime,
      eventsPerSecondMin: Math.round(rates[0]),
      eventsPerSecondMax: Math.round(rates[repeats - 1]),
      repeats,
      checksum: result.checksum,
    };
  },
};

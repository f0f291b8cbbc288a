import { InputError } from '../../core/errors.ts';
import {
  EXACTLY_ONCE_DEFAULTS, PROTOCOLS, WORKLOADS, simulateExactlyOnce,
} from '../../hardware-timing/exactly-once/index.ts';
import { buildTopology, type Topology } from '../../hardware-timing/topology/index.ts';
import type { Command, OptionValues } from '../command.ts';
import { cliMessages } from '../messages.ts';
import { choiceOption, integerOption, numberOption } from '../options.ts';

const NAME = 'simulate';
const EXPERIMENTS = ['exactly-once'] as const;

const usage = `usage: chronotope simulate exactly-once --protocol P [options] [--json]

Sends messages between random pairs of nodes of an 8-neighbour mesh with wrap-around whose links
fail at random moments, with one link protocol, and judges the delivery history: messages sent,
delivered, duplicated, lost (neither delivered nor reported), reported undeliverable to their
sender; latency percentiles; recovery time from a link failure to the message leaving again on
another path. Times are simulated in integer picoseconds; the same options give the same output.

options:
  --protocol P            unacked, stop-and-wait, timeout-retry, timeout-retry-dedup, ait,
                          tiktyktik                                          (required)
  --nodes N               nodes of the 8-neighbour mesh with wrap-around, laid out
                          √N × √N (or the factor pair closest to square, each ≥ 3) (default 64)
  --messages M            messages to send, 1 to 10^7                        (default 100000)
  --link-failure-rate R   probability that each link fails during the run, 0 to 1 (default 0)
  --timeout-ns T          retransmission timeout of the conventional protocols (default ${EXACTLY_ONCE_DEFAULTS.timeoutNs})
  --workload W            messages, or transfers (each message moves 1–100 units between
                          accounts; conservationError = total after − total before,
                          null with messages)                                (default messages)
  --seed S                seed of the random streams                          (default 1)
  --json                  print one JSON object`;

export const simulateCommand: Command = {
  name: NAME,
  usage,
  allowPositionals: true,
  options: {
    protocol: { type: 'string' },
    nodes: { type: 'string' },
    messages: { type: 'string' },
    'link-failure-rate': { type: 'string' },
    'timeout-ns': { type: 'string' },
    workload: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals) {
    // Long runs report progress on stderr (never stdout); the notebook runtime, which owns the
    // progress reporter, is loaded only then.
    const messages = Number(values.messages ?? 0);
    const task = Number.isFinite(messages) && messages >= PROGRESS_FROM
      ? (await import('../../notebook/index.ts')).createProgress().start('simulate exactly-once', 20)
      : undefined;
    process.stdout.write(simulateOutput(values, positionals, task ? () => task.tick(1) : undefined));
    task?.done();
    return 0;
  },
};

/** Runs of at least this many messages (several seconds) show progress. */
const PROGRESS_FROM = 1_000_000;

/** What `chronotope simulate` prints for these options (exported so tests can run it in process). */
export function simulateOutput(values: OptionValues, positionals: string[], onProgress?: () => void): string {
  {
    const [experiment, ...extra] = positionals;
    if (experiment === undefined) throw new InputError(cliMessages.missingArgument(NAME, `experiment (${EXPERIMENTS.join(', ')})`));
    if (!(EXPERIMENTS as readonly string[]).includes(experiment)) {
      throw new InputError(cliMessages.badChoice(NAME, 'experiment', experiment, EXPERIMENTS).replace("option '--experiment'", 'experiment'));
    }
    if (extra.length > 0) throw new InputError(cliMessages.unexpectedArgument(NAME, extra[0]));
    if (values.protocol === undefined) throw new InputError(cliMessages.missingArgument(NAME, "option '--protocol'"));
    const protocol = choiceOption(NAME, 'protocol', values.protocol, PROTOCOLS, 'ait');
    const workload = choiceOption(NAME, 'workload', values.workload, WORKLOADS, 'messages');
    const nodes = integerOption(NAME, 'nodes', values.nodes, 64, 9, 65536);
    let network: Topology;
    try {
      network = buildTopology({ kind: 'mesh8', nodes, wrap: true });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(cliMessages.badNumber(NAME, 'nodes', String(values.nodes),
        `a node count the 8-neighbour mesh with wrap-around can take (${error.message})`));
    }
    const messages = integerOption(NAME, 'messages', values.messages, 100000, 1, 1e7);
    const linkFailureRate = numberOption(NAME, 'link-failure-rate', values['link-failure-rate'], 0, 'a number from 0 to 1', (v) => v >= 0 && v <= 1);
    const timeoutNs = numberOption(NAME, 'timeout-ns', values['timeout-ns'], EXACTLY_ONCE_DEFAULTS.timeoutNs, 'a number of ns > 0', (v) => v > 0);
    const seed = integerOption(NAME, 'seed', values.seed, 1, 0);
    const r = simulateExactlyOnce({ protocol, network, messages, linkFailureRate, timeoutNs, workload, seed, onProgress });
    const out = {
      sent: r.sent, delivered: r.delivered, duplicates: r.duplicates, lost: r.lost,
      reportedUndeliverable: r.reportedUndeliverable, conservationError: r.conservationError,
      latencyNs: { p50: r.latencyNs.p50, p99: r.latencyNs.p99, max: r.latencyNs.max },
      // Nothing displaced by a failure: no recovery times to report (not zeros).
      recoveryNs: r.recoveryNs.count === 0 ? { count: 0 }
        : { first: r.recoveryNs.min, p50: r.recoveryNs.p50, p99: r.recoveryNs.p99, max: r.recoveryNs.max, count: r.recoveryNs.count, p50Cycles: r.recoveryNs.p50Cycles },
      semantics: r.verdict.semantics, failedLinks: r.failedLinks, parked: r.parked,
      dedupPeakEntries: r.dedupPeakEntries, dedupPeakBytes: r.dedupPeakBytes,
    };
    if (values.json) return JSON.stringify(out) + '\n';
    const rows: Array<[string, string]> = [
      ['protocol', protocol], ['semantics', out.semantics], ['sent', String(out.sent)], ['delivered', String(out.delivered)],
      ['duplicates', String(out.duplicates)], ['lost', String(out.lost)], ['reported undeliverable', String(out.reportedUndeliverable)],
      ['conservation error (units)', out.conservationError === null ? 'n/a (the messages workload moves no quantity)' : String(out.conservationError)], ['failed links', String(out.failedLinks)],
      ['latency p50 / p99 / max (ns)', `${out.latencyNs.p50} / ${out.latencyNs.p99} / ${out.latencyNs.max}`],
      ['recovery p50 / max (ns), count', out.recoveryNs.count === 0 ? 'none displaced, 0' : `${out.recoveryNs.p50} / ${out.recoveryNs.max}, ${out.recoveryNs.count}`],
      ['de-dup state peak (ids, bytes)', `${out.dedupPeakEntries}, ${out.dedupPeakBytes}`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n';
  }
}

import { InputError } from '../../core/errors.ts';
import { OSCILLATOR_CLASS_NAMES } from '../../clocks/clock/index.ts';
import {
  DEFAULT_SYNC_INTERVAL_S, SYNC_ALGORITHMS, SYNC_TOPOLOGIES, runSync, type SyncRun,
} from '../../clocks/sync/run-sync.ts';
import type { Command } from '../command.ts';
import { cliMessages } from '../messages.ts';
import { choiceOption, integerOption, numberOption } from '../options.ts';

const NAME = 'sync';

const usage = `usage: chronotope sync --algorithm A --topology T --nodes N --duration S --seed S [options]

Simulates a clock-synchronisation algorithm on a network of N hosts, each with its own oscillator,
and reports each host's offset from the reference it synchronises to (host 0: the grandmaster, the
NTP server, the TrueTime master; DTP has none, so host 0's counter), after convergence.

options:
  --algorithm A      ntp (RFC 5905: clock filter, PLL discipline; a stratum per hop),
                     ptp-e2e, ptp-p2p (IEEE 1588-2019 with transparent clocks, linuxptp PI servo,
                     hardware time stamps), dtp (PHY counters, Lee et al. 2016), huygens (coded
                     probes, fit, network effect; Geng et al. 2018), truetime (30 s polls of the
                     master, Corbett et al. 2012)                                       (required)
  --topology T       mesh (8-neighbour, no wrap), star (one switch), clos (leaf-spine),
                     chain (a line, 1 m links)                                          (required)
  --nodes N          number of hosts, at least 2                                        (required)
  --duration S       simulated seconds, > 0 (PTP/NTP/TrueTime at 1 ps ticks up to 4000 s, 1 ns
                     beyond; DTP runs cycle by cycle: keep it to milliseconds)         (required)
  --sync-interval S  seconds between synchronisations, > 0 (default: ntp 16, ptp 1, huygens 2,
                     truetime 30, dtp 1.28e-6 = 200 ticks between beacons)
  --oscillator O     tcxo, ocxo, rb or cs (Vig's typical figures)                    (default tcxo)
  --asymmetry-ns A   every link's forward (away from host 0) one-way delay exceeds its return
                     delay by A ns (default 0); two-way algorithms then err by A/2 per hop
  --seed S           seed of the random streams, integer 0 to 2^53-1                    (required)
  --json             print {"nodes":[{"node","rmsNs","p99Ns","maxAbsNs"}],"overall":{"rmsNs",
                     "p99Ns","maxAbsNs","precisionNs"},"convergenceS"} on one line

Offsets are sampled once a second (runs longer than 4096 s: 4096 samples; Huygens: once a
second of each window; DTP: 200 samples over the run). Convergence is the first
sample after which no host's |offset| exceeds twice the largest |offset| of the run's last
quarter; the statistics use the samples from then on. precisionNs is the largest spread of all the
hosts' clocks (the reference included) at one instant after convergence.`;

/** Runs that take more than about a second report progress on stderr. */
const PROGRESS_FROM_EXCHANGES = 2e5;

function table(run: SyncRun, algorithm: string): string {
  const s = run.summary;
  const head = ['node', 'rms (ns)', 'p99 (ns)', 'max |offset| (ns)'];
  const fmt = (v: number) => (Math.abs(v) >= 1e6 ? v.toExponential(3) : v.toFixed(3));
  const rows = s.nodes.map((x) => [String(x.node), fmt(x.rmsNs), fmt(x.p99Ns), fmt(x.maxAbsNs)]);
  rows.push(['all', fmt(s.overall.rmsNs), fmt(s.overall.p99Ns), fmt(s.overall.maxAbsNs)]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c])).join('  ');
  return [
    `${algorithm}: ${run.hosts} hosts, offset from host 0 after convergence at ${s.convergenceS} s`,
    line(head), ...rows.map(line),
    `precision (largest spread at one instant): ${fmt(s.overall.precisionNs)} ns`,
  ].join('\n') + '\n';
}

export const syncCommand: Command = {
  name: NAME,
  usage,
  options: {
    algorithm: { type: 'string' },
    topology: { type: 'string' },
    nodes: { type: 'string' },
    duration: { type: 'string' },
    'sync-interval': { type: 'string' },
    oscillator: { type: 'string' },
    'asymmetry-ns': { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values) {
    for (const required of ['algorithm', 'topology', 'nodes', 'duration', 'seed']) {
      if (values[required] === undefined) throw new InputError(cliMessages.missingArgument(NAME, `option '--${required}'`));
    }
    const algorithm = choiceOption(NAME, 'algorithm', values.algorithm, SYNC_ALGORITHMS, 'ptp-e2e');
    const topology = choiceOption(NAME, 'topology', values.topology, SYNC_TOPOLOGIES, 'mesh');
    const nodes = integerOption(NAME, 'nodes', values.nodes, 2, 2, 1 << 16);
    const durationS = numberOption(NAME, 'duration', values.duration, 1, 'a number of seconds > 0', (v) => v > 0);
    const syncIntervalS = numberOption(NAME, 'sync-interval', values['sync-interval'], DEFAULT_SYNC_INTERVAL_S[algorithm],
      'a number of seconds > 0', (v) => v > 0);
    const oscillator = choiceOption(NAME, 'oscillator', values.oscillator, OSCILLATOR_CLASS_NAMES, 'tcxo');
    const asymmetryNs = numberOption(NAME, 'asymmetry-ns', values['asymmetry-ns'], 0, 'a number of ns >= 0', (v) => v >= 0);
    const seed = integerOption(NAME, 'seed', values.seed, 0, 0);
    if (syncIntervalS > durationS) {
      throw new InputError(cliMessages.badNumber(NAME, 'sync-interval', String(values['sync-interval'] ?? syncIntervalS), `a number of seconds <= --duration (${durationS})`));
    }
    const exchanges = (nodes * durationS) / syncIntervalS;
    const task = exchanges >= PROGRESS_FROM_EXCHANGES && algorithm !== 'dtp' && algorithm !== 'huygens'
      ? (await import('../../notebook/progress.ts')).createProgress().start(`sync ${algorithm}`, 100)
      : undefined;
    let done = 0;
    const run = await runSync({
      algorithm, topology, nodes, durationS, syncIntervalS, oscillator, asymmetryNs, seed,
      onProgress: task === undefined ? undefined : (f) => {
        const pct = Math.floor(f * 100);
        if (pct > done) { task.tick(pct - done, 'simulated'); done = pct; }
      },
    });
    task?.done();
    if (values.json === true) {
      const { nodes: perNode, overall, convergenceS } = run.summary;
      process.stdout.write(JSON.stringify({ nodes: perNode, overall, convergenceS }) + '\n');
    } else {
      process.stdout.write(table(run, algorithm));
    }
    return 0;
  },
};

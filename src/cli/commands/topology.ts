import { InputError } from '../../core/errors.ts';
import {
  bisectionLinks, buildTopology, hostHops, partitionProbability, spectrum, triangleFraction, TOPOLOGY_KINDS,
  CLOS_DEFAULT_HOSTS_PER_LEAF, type TopologyMetrics,
} from '../../hardware-timing/topology/index.ts';
import type { Command } from '../command.ts';
import { cliMessages } from '../messages.ts';
import { choiceOption, integerOption, numberOption } from '../options.ts';

const NAME = 'topology';
/** The metrics are O(n³) in the node count (the Laplacian factorisation): cap the size. */
const MAX_NODES = 2048;
/** Networks this large report progress on stderr (the spectrum takes seconds). */
const PROGRESS_FROM = 400;

const usage = `usage: chronotope topology --kind KIND --nodes N [--wrap] [options] [--json]

Builds a network with physical positions and real cable lengths and prints its metrics:
diameter and mean hop count between hosts, bisection width (links), algebraic connectivity λ₂,
log10 of the number of spanning trees, cable metres per host, and the fraction of links with a
one-hop detour (a triangle).

options:
  --kind KIND         ${TOPOLOGY_KINDS.join(', ')}                        (required)
  --nodes N           hosts, 1 to ${MAX_NODES}: mesh8 and torus lay N on a √N × √N grid when
                      N is a square (else the factor pair closest to square); fat-tree needs
                      N = k³/4 for an even k (16, 54, 128, 250, 432, 686, 1024)     (required)
  --wrap              mesh8 only: wrap-around links (a torus of 8 neighbours)
  --pitch M           mesh8, torus: node spacing in metres                     (default 0.5)
  --hosts-per-leaf H  clos: hosts under each leaf, 1 to 40                     (default ${CLOS_DEFAULT_HOSTS_PER_LEAF})
  --spines S          clos: spine switches                        (default: hosts per leaf)
  --fail K            also the probability that K random failures partition the hosts
                      (exact enumeration when small, else Monte Carlo with a 95% interval)
  --fail-target T     links or nodes                                         (default links)
  --seed S            Monte Carlo seed                                           (default 1)
  --json              print {"nodes":…,"links":…,"diameter":…,"meanHops":…,"bisectionLinks":…,
                      "lambda2":…,"log10SpanningTrees":…,"cableMPerNode":…,"triangleFraction":…}
                      (nodes counts hosts and switches; with --fail, a "partition" object too)`;

function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export const topologyCommand: Command = {
  name: NAME,
  usage,
  options: {
    kind: { type: 'string' },
    nodes: { type: 'string' },
    wrap: { type: 'boolean' },
    pitch: { type: 'string' },
    'hosts-per-leaf': { type: 'string' },
    spines: { type: 'string' },
    fail: { type: 'string' },
    'fail-target': { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values) {
    if (values.kind === undefined) throw new InputError(cliMessages.missingArgument(NAME, "option '--kind'"));
    if (values.nodes === undefined) throw new InputError(cliMessages.missingArgument(NAME, "option '--nodes'"));
    const kind = choiceOption(NAME, 'kind', values.kind, TOPOLOGY_KINDS, 'mesh8');
    const nodes = integerOption(NAME, 'nodes', values.nodes, 0, 1, MAX_NODES);
    if (values.wrap === true && kind !== 'mesh8') throw new InputError(cliMessages.badNumber(NAME, 'wrap', 'true', `no value: --wrap applies to mesh8 only (torus always wraps), not to ${kind}`));
    const pitchM = values.pitch === undefined ? undefined : numberOption(NAME, 'pitch', values.pitch, 0.5, 'a number of metres > 0', (x) => x > 0);
    const hostsPerLeaf = values['hosts-per-leaf'] === undefined ? undefined : integerOption(NAME, 'hosts-per-leaf', values['hosts-per-leaf'], 8, 1, 40);
    const spines = values.spines === undefined ? undefined : integerOption(NAME, 'spines', values.spines, 8, 1, 256);
    const target = choiceOption(NAME, 'fail-target', values['fail-target'], ['links', 'nodes'] as const, 'links');
    const seed = integerOption(NAME, 'seed', values.seed, 1, 0);
    const t = buildTopology({ kind, nodes, wrap: values.wrap === true, pitchM, hostsPerLeaf, spines });
    const fail = values.fail === undefined ? undefined
      : integerOption(NAME, 'fail', values.fail, 0, 0, target === 'links' ? t.linkCount : t.nodeCount);
    const task = t.nodeCount >= PROGRESS_FROM
      ? (await import('../../notebook/index.ts')).createProgress().start(`topology ${kind} ${nodes}`, 4)
      : { tick() {}, done() {} };
    const { diameter, meanHops } = hostHops(t);
    task.tick(1, 'hops');
    const bisection = bisectionLinks(t);
    task.tick(1, 'bisection');
    const s = spectrum(t);
    task.tick(1, 'spectrum');
    const metrics: TopologyMetrics = {
      nodes: t.nodeCount, links: t.linkCount, diameter, meanHops, bisectionLinks: bisection,
      lambda2: s.lambda2, log10SpanningTrees: s.log10SpanningTrees, cableMPerNode: t.cableM / t.hostCount,
      triangleFraction: triangleFraction(t), hosts: t.hostCount, switches: t.switchCount, ports: 2 * t.linkCount,
    };
    const partition = fail === undefined ? undefined : partitionProbability(t, fail, target, { seed });
    task.tick(1, 'done');
    task.done();
    if (values.json === true) {
      const out: Record<string, unknown> = {
        nodes: metrics.nodes, links: metrics.links, diameter: metrics.diameter, meanHops: round(metrics.meanHops),
        bisectionLinks: metrics.bisectionLinks, lambda2: round(metrics.lambda2, 9), log10SpanningTrees: round(metrics.log10SpanningTrees),
        cableMPerNode: round(metrics.cableMPerNode), triangleFraction: round(metrics.triangleFraction),
      };
      if (partition) out.partition = { failed: fail, target, ...partition };
      process.stdout.write(JSON.stringify(out) + '\n');
      return 0;
    }
    const lines = [
      t.description,
      `hosts ${metrics.hosts}, switches ${metrics.switches}, links ${metrics.links}, ports ${metrics.ports}`,
      `diameter           ${metrics.diameter} hops`,
      `mean hops          ${metrics.meanHops.toFixed(4)}`,
      `bisection          ${metrics.bisectionLinks} links`,
      `lambda2            ${metrics.lambda2.toPrecision(8)}`,
      `spanning trees     10^${metrics.log10SpanningTrees.toFixed(4)}`,
      `cable per host     ${metrics.cableMPerNode.toFixed(3)} m (total ${t.cableM.toFixed(2)} m)`,
      `triangle fraction  ${metrics.triangleFraction.toFixed(4)}`,
    ];
    if (partition) {
      lines.push(`partition (${fail} failed ${target})  p = ${partition.probability.toPrecision(6)}` +
        (partition.method === 'exact' ? ` (exact, ${partition.samples} sets)` : ` (Monte Carlo, ${partition.samples} trials, 95% [${partition.low.toPrecision(4)}, ${partition.high.toPrecision(4)}])`));
    }
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};

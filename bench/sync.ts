import type { Benchmark } from './benchmark.ts';
import { integerOption, numberOption, choiceOption } from '../src/cli/options.ts';
import { buildTopology } from '../src/hardware-timing/index.ts';
import { simulateTwoWayNetwork } from '../src/clocks/sync/network/two-way-network.ts';

/**
 * `chronotope bench sync`: PTP end-to-end on a 16 × 16 octavalent mesh (256 nodes), hardware time
 * stamps (8 ns), one Sync per second, one simulated hour: each node a boundary clock slave of its
 * parent in the breadth-first tree from host 0, four messages per node and second (Sync,
 * Delay_Req, Delay_Resp delivered, plus the Sync's send event) — about 3.7·10^6 message events,
 * every time stamp read from the node's simulated oscillator (OCXO), the linuxptp servo on each.
 * Reports the wall time of building the clocks (oscillator noise, FFT) and of the event run
 * separately, their sum, and the process's CPU time over the call (which a loaded machine
 * inflates far less than wall time). Median of --repeats runs (each identical).
 */
export const syncBenchmark: Benchmark = {
  name: 'sync',
  usage: `usage: chronotope bench sync [--nodes N] [--duration S] [--clocks boundary|transparent] [--repeats R] [--seed S] [--json]

PTP end-to-end (linuxptp PI servo, hardware time stamps) on an N-node 8-neighbour mesh, one Sync
per second.

options:
  --nodes N       mesh size (default 256: 16 x 16)
  --duration S    simulated seconds (default 3600)
  --clocks C      boundary (default: a slave of its neighbour, four messages per node and
                  second) or transparent (every node a slave of the grandmaster, residence times
                  measured at each node on the way)
  --repeats R     runs; the median total wall time is reported (default 1)
  --seed S        random seed (default 1)
  --json          print one line of JSON
`,
  options: {
    nodes: { type: 'string' },
    duration: { type: 'string' },
    clocks: { type: 'string' },
    repeats: { type: 'string' },
    seed: { type: 'string' },
  },
  run(values) {
    const cmd = 'bench sync';
    const nodes = integerOption(cmd, 'nodes', values.nodes, 256, 4, 65536);
    const durationS = numberOption(cmd, 'duration', values.duration, 3600, 'a number of seconds from 1 to 4000', (v) => v >= 1 && v <= 4000);
    const ptpClocks = choiceOption(cmd, 'clocks', values.clocks, ['boundary', 'transparent'] as const, 'boundary');
    const repeats = integerOption(cmd, 'repeats', values.repeats, 1, 1, 100);
    const seed = integerOption(cmd, 'seed', values.seed, 1, 0);
    const graph = buildTopology({ kind: 'mesh8', nodes });
    const runs = Array.from({ length: repeats }, () => {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const r = simulateTwoWayNetwork({ graph, algorithm: 'ptp-e2e', ptpClocks, durationS, syncIntervalS: 1, oscillator: 'ocxo', seed });
      const used = process.cpuUsage(cpu);
      return { r, wallS: (performance.now() - start) / 1000, cpuS: (used.user + used.system) / 1e6 };
    });
    runs.sort((a, b) => a.wallS - b.wallS);
    const median = runs[Math.floor((repeats - 1) / 2)];
    // Message events: delivered messages plus the Sync send events that start each exchange.
    const sends = Math.round(median.r.messageEvents / 3);
    const messageEvents = median.r.messageEvents + sends;
    return {
      nodes: graph.nodeCount,
      simulatedS: durationS,
      messageEvents,
      wallS: Number(median.wallS.toFixed(3)),
      // CPU time of this process: on a shared machine, closer to what an idle core would take.
      cpuS: Number(median.cpuS.toFixed(3)),
      setupWallS: Number(median.r.setupWallS.toFixed(3)),
      runWallS: Number(median.r.runWallS.toFixed(3)),
      messageEventsPerSecond: Math.round(messageEvents / median.r.runWallS),
      overallRmsNs: Number(median.r.overall.rmsNs.toFixed(3)),
      repeats,
    };
  },
};

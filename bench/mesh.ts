import type { Benchmark } from './benchmark.ts';
import { integerOption, numberOption } from '../src/cli/options.ts';
import { runPhold } from '../src/core/engine/phold.ts';
import { runSaturatedMesh, SATURATED_MESH_DEFAULTS } from '../src/hardware-timing/link/index.ts';

/**
 * `chronotope bench mesh`: the saturated octavalent mesh (src/hardware-timing/link/saturated-mesh.ts):
 * 64 nodes with wrap-around, 1 ms simulated, every link busy both ways with 64-byte frames at
 * 10 Gb/s. Targets (issue 6): ≤ 1 s wall, and a frame-event rate ≥ 0.8× the engine's PHOLD event
 * rate measured in the same run (PHOLD with its bench defaults, interleaved with the mesh runs so
 * both see the same load on a shared machine). A warm-up of each first; medians of --repeats.
 */
export const meshBenchmark: Benchmark = {
  name: 'mesh',
  usage: `usage: chronotope bench mesh [--side S] [--duration-us T] [--repeats R] [--json]

The saturated octavalent mesh: S × S nodes with wrap-around, each sending line-rate 64-byte
frames at 10 Gb/s to all 8 neighbours for T µs of simulated time; and PHOLD (5·10^6 events) in
the same run for comparison.

options:
  --side S          grid side (default ${SATURATED_MESH_DEFAULTS.side})
  --duration-us T   simulated time in µs (default ${SATURATED_MESH_DEFAULTS.durationNs / 1000})
  --repeats R       measured runs of each; medians are reported (default 3)
  --json            print {"frameEvents":…,"wallS":…,"frameEventsPerSecond":…,"pholdEventsPerSecond":…,"ratioToPhold":…}
`,
  options: {
    side: { type: 'string' },
    'duration-us': { type: 'string' },
    repeats: { type: 'string' },
  },
  run(values) {
    const cmd = 'bench mesh';
    const side = integerOption(cmd, 'side', values.side, SATURATED_MESH_DEFAULTS.side, 3, 64);
    const durationNs = 1000 * numberOption(cmd, 'duration-us', values['duration-us'], SATURATED_MESH_DEFAULTS.durationNs / 1000,
      'a number of µs > 0 and ≤ 10000', (x) => x > 0 && x <= 10000);
    const repeats = integerOption(cmd, 'repeats', values.repeats, 3, 1, 100);
    runSaturatedMesh({ side, durationNs: durationNs / 10 }); // warm-up
    runPhold({ events: 500_000 });
    const mesh: number[] = [];
    const phold: number[] = [];
    let frameEvents = 0;
    let delivered = 0;
    let meanLatencyNs = 0;
    const walls: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const m = runSaturatedMesh({ side, durationNs });
      frameEvents = m.stats.frameEvents;
      delivered = m.stats.delivered;
      meanLatencyNs = m.stats.meanLatencyNs;
      walls.push(m.wallS);
      mesh.push(frameEvents / m.wallS);
      const p = runPhold();
      phold.push(p.events / p.wallSeconds);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    const rate = median(mesh);
    const pholdRate = median(phold);
    return {
      frameEvents,
      wallS: Math.round(median(walls) * 1000) / 1000,
      frameEventsPerSecond: Math.round(rate),
      pholdEventsPerSecond: Math.round(pholdRate),
      ratioToPhold: Math.round((rate / pholdRate) * 1000) / 1000,
      delivered,
      meanLatencyNs: Math.round(meanLatencyNs * 1000) / 1000,
      repeats,
    };
  },
};

import type { Benchmark } from './benchmark.ts';
import { choiceOption, integerOption } from '../src/cli/options.ts';
import {
  generateTrace, measureAccuracy, nodeTiming, parseDelay, simulateLinkDetection, TIMEOUT_DETECTORS,
} from '../src/failure-detection/index.ts';
import { mesh8 } from '../src/hardware-timing/index.ts';

/**
 * `chronotope bench detect`: every timeout-based detector over the same heartbeat trace
 * (default 10^7 heartbeats, η = 1 s, p_L = 0.01, Exp(20 ms) delays), each measured as the
 * QoS run does it (arrival ordering, the detector, the T_MR/T_M/P_A accumulator). Target:
 * ≥ 10^7 heartbeats/s per detector on one core. Also the link-count rule's events per second.
 * Each detector runs once after a 10^5-heartbeat warm-up on the same trace.
 */
export const detectBenchmark: Benchmark = {
  name: 'detect',
  usage: `usage: chronotope bench detect [--heartbeats N] [--seed S] [--json]

Runs fixed, nfd-s, nfd-e, phi, phi-akka, cassandra, swim and lifeguard over one heartbeat trace
(eta 1 s, loss 0.01, exp:0.02 delays) and reports heartbeats per second for each, and the
link-count rule's link events per second on a mesh node.

options:
  --heartbeats N  trace length (default 10000000)
  --detector D    run only detector D (each detector in a fresh process measures its own speed;
                  in one process the shared evaluation loop's call sites see every detector
                  class and V8 makes them polymorphic, slowing the later ones)
  --seed S        random seed (default 1)
  --json          one line: {"heartbeats":…,"traceS":…,"<detector>HeartbeatsPerSecond":…,…}
`,
  options: { heartbeats: { type: 'string' }, seed: { type: 'string' }, detector: { type: 'string' } },
  run(values) {
    const cmd = 'bench detect';
    const heartbeats = integerOption(cmd, 'heartbeats', values.heartbeats, 10_000_000, 1000, 100_000_000);
    const seed = integerOption(cmd, 'seed', values.seed, 1, 0);
    const only = values.detector === undefined ? undefined : choiceOption(cmd, 'detector', values.detector, TIMEOUT_DETECTORS, 'fixed');
    const delay = parseDelay('exp:0.02');
    let t0 = performance.now();
    const trace = generateTrace({ count: heartbeats, etaS: 1, lossProbability: 0.01, delay, seed });
    const out: Record<string, number | string> = { heartbeats, traceS: (performance.now() - t0) / 1000 };
    const warm = { etaUs: trace.etaUs, arrivalUs: trace.arrivalUs.subarray(0, Math.min(100_000, heartbeats)) };
    for (const name of only === undefined ? TIMEOUT_DETECTORS : [only]) {
      const config = { name, etaS: 1, deltaS: 1, lossProbability: 0.01, delay, seed };
      measureAccuracy(config, warm, 0);
      t0 = performance.now();
      const r = measureAccuracy(config, trace, 1000 * trace.etaUs);
      const s = (performance.now() - t0) / 1000;
      const key = name.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
      out[`${key}HeartbeatsPerSecond`] = Math.round(heartbeats / s);
      out[`${key}Mistakes`] = r.mistakes;
    }
    if (only !== undefined) return out;
    const mesh = mesh8({ rows: 8, cols: 8, wrap: true });
    const options = {
      timing: nodeTiming(mesh, 0, 0.3), failedPort: 0, failAtNs: Infinity, countThreshold: 64,
      timeoutRoundTrips: 8, durationNs: 1e7, seed, streamId: 0,
    };
    simulateLinkDetection({ ...options, durationNs: 1e6 });
    t0 = performance.now();
    const link = simulateLinkDetection(options);
    out.linkCountEventsPerSecond = Math.round(link.events / ((performance.now() - t0) / 1000));
    return out;
  },
};

import { RandomStream } from '../random/stream.ts';
import { exponential } from '../random/distributions/exponential.ts';
import { Simulation } from './simulation.ts';

/**
 * PHOLD, the standard synthetic workload for discrete-event simulators (Fujimoto, "Performance of
 * Time Warp under synthetic workloads", Proc. SCS Multiconference on Distributed Simulation, 1990):
 * `lps` logical processes start with `population` events each; every event schedules exactly one
 * new event at a uniformly chosen logical process, `lookahead + Exp(mean)` later.
 *
 * Times are in abstract units mapped to seconds of simulated time at 1 ns resolution, so delays
 * are rounded to whole nanoseconds (explicitly, by `Timebase.fromSeconds`).
 * Randomness: stream 0 draws the initial events, stream 1 the events' destinations and delays,
 * all in the order events run, which the engine fixes exactly.
 */
export interface PholdOptions {
  events: number;
  lps: number;
  population: number;
  lookahead: number;
  mean: number;
  seed: number;
}

export const PHOLD_DEFAULTS: PholdOptions = {
  events: 5_000_000,
  lps: 1024,
  population: 16,
  lookahead: 0.1,
  mean: 1.0,
  seed: 1,
};

export interface PholdResult {
  events: number;
  /** Simulated time of the last event, in PHOLD time units. */
  simTime: number;
  /** Sum of destination LP ids over all events run: a cheap checksum of the event order. */
  checksum: number;
  wallSeconds: number;
}

export function runPhold(options: Partial<PholdOptions> = {}): PholdResult {
  const o = { ...PHOLD_DEFAULTS, ...options };
  const sim = new Simulation({ resolution: 'ns', capacity: o.lps * o.population + 16 });
  const tb = sim.timebase;
  const lookaheadTicks = tb.fromSeconds(o.lookahead, 'nearest');
  const ticksPerUnit = tb.ticksPerSecond;
  const rng = new RandomStream(o.seed, 1);
  const lps = o.lps;
  const mean = o.mean;
  let checksum = 0;

  const handler = (s: Simulation, entity: number): void => {
    checksum += entity;
    const target = rng.uniformInt(lps);
    // lookahead + Exp(mean), rounded to the nearest ns: the rounding is the model's, and explicit.
    const delay = lookaheadTicks + Math.round(exponential(rng, mean) * ticksPerUnit);
    s.schedule(delay, target);
  };
  for (let lp = 0; lp < lps; lp++) sim.entity(`lp${lp}`, handler);

  const init = new RandomStream(o.seed, 0);
  for (let lp = 0; lp < lps; lp++) {
    for (let k = 0; k < o.population; k++) {
      sim.schedule(lookaheadTicks + Math.round(exponential(init, mean) * ticksPerUnit), lp);
    }
  }
  const start = performance.now();
  sim.run({ maxEvents: o.events });
  const wallSeconds = (performance.now() - start) / 1000;
  return { events: sim.eventsRun, simTime: sim.now / ticksPerUnit, checksum, wallSeconds };
}

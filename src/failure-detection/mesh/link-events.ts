import { RandomStream } from '../../core/random/index.ts';
import { frameTimePs, medium, nsPerMetre, phyRate, type Topology } from '../../hardware-timing/index.ts';
import { SilenceCounter } from './silence-counter.ts';

/**
 * Timing of the ENTL token on the links of one node, for the link-level detectors. Each port's
 * token makes one round trip per event: out and back, each way a 64-byte frame's serialisation,
 * the cable's propagation and the far end's processing, plus — with probability equal to the
 * link's load — the rest of a data frame already on the wire that the token waits behind.
 *
 * The numbers come from hardware-timing's PHY model at 10 Gb/s: a 64-byte token frame takes
 * 67.2 ns on the wire with preamble and inter-packet gap, a 1518-byte data frame 1230.4 ns
 * (IEEE 802.3 clause 4.4.2); propagation is that of twinax copper (DAC), as the mesh's short
 * cables are. Processing per end is a parameter (an FPGA NIC turns a token around in tens of
 * cycles: 100 ns by default).
 */
const RATE_10G = phyRate('10G');
export const TOKEN_FRAME_NS = frameTimePs(RATE_10G, 64) / 1000;
export const MAX_FRAME_NS = frameTimePs(RATE_10G, 1518) / 1000;
export const PROPAGATION_NS_PER_M = nsPerMetre(medium('dac'));

export interface PortTiming {
  readonly cableM: number;
  /** Fraction of time the link is busy with data, in [0, 1). */
  readonly load: number;
}

export interface NodeTiming {
  readonly ports: readonly PortTiming[];
  /** Token turnaround at each end, ns. */
  readonly processingNs: number;
  /** Slow-down of *this* node's processing (1 = healthy; a gray node is slower). */
  readonly localSlowdown: number;
}

/** The ports of `node` in a topology, with its real cable lengths and one load for all. */
export function nodeTiming(topology: Topology, node: number, load: number, processingNs = 100, localSlowdown = 1): NodeTiming {
  return {
    ports: topology.ports(node).map((p) => ({ cableM: topology.links[p.link].lengthM, load })),
    processingNs,
    localSlowdown,
  };
}

/** Mean round trip of a port's token (ns). */
export function meanRoundTripNs(t: NodeTiming, p: number): number {
  const port = t.ports[p];
  const oneWay = TOKEN_FRAME_NS + port.cableM * PROPAGATION_NS_PER_M;
  return 2 * oneWay + t.processingNs * (1 + t.localSlowdown) + 2 * port.load * (MAX_FRAME_NS / 2);
}

/** One round trip, drawn: waits behind data with probability `load`, uniform residual. */
function drawRoundTripNs(t: NodeTiming, p: number, rng: RandomStream): number {
  const port = t.ports[p];
  const oneWay = TOKEN_FRAME_NS + port.cableM * PROPAGATION_NS_PER_M;
  let rtt = 2 * oneWay + t.processingNs * (1 + t.localSlowdown);
  for (let leg = 0; leg < 2; leg++) if (rng.uniform() < port.load) rtt += rng.uniform() * MAX_FRAME_NS;
  return rtt;
}

export interface LinkDetectionOptions {
  readonly timing: NodeTiming;
  /** The port that fails, and when (ns); Infinity for a run without failure. */
  readonly failedPort: number;
  readonly failAtNs: number;
  /** Ports that go silent at the same instant as `failedPort` (a node isolated by a partition). */
  readonly alsoSilent?: readonly number[];
  /** Count rule: events on other ports before the failed port is declared silent. */
  readonly countThreshold: number;
  /** Clock rule for comparison: silence longer than this many of the port's mean round trips. */
  readonly timeoutRoundTrips: number;
  /**
   * The timing the clock rule's timeouts were set from (default `timing`): a node that later
   * slows down or carries more load keeps the timeouts it was configured with.
   */
  readonly clockBasis?: NodeTiming;
  /** Simulated time to run (ns). */
  readonly durationNs: number;
  readonly seed: number;
  readonly streamId: number;
}

export interface LinkDetectionResult {
  /** Time from the failure to the count rule's declaration (ns), Infinity if never. */
  readonly countDetectionNs: number;
  /** The same in events seen on the other ports. */
  readonly countDetectionEvents: number;
  /** Time from the failure to the clock rule's declaration (ns). */
  readonly clockDetectionNs: number;
  /** Declarations before the failure (false alarms) by each rule, over all ports. */
  readonly countFalseAlarms: number;
  readonly clockFalseAlarms: number;
  /**
   * Time the count rule wrongly held a live port declared, summed over ports (ns): from the
   * false declaration to that port's next event.
   */
  readonly countMistakeNs: number;
  /** Events simulated. */
  readonly events: number;
}

/**
 * Simulates one node's ports: token arrivals as renewal processes, merged in time order, fed to
 * the count rule and checked against the clock rule. Before the failure every declaration is a
 * false alarm; after it, the first declaration of the failed port is the detection.
 */
export function simulateLinkDetection(o: LinkDetectionOptions): LinkDetectionResult {
  const { timing } = o;
  const ports = timing.ports.length;
  const rng = new RandomStream(o.seed, o.streamId);
  const next = new Float64Array(ports);
  const last = new Float64Array(ports);
  const timeoutNs = new Float64Array(ports);
  const clockDeclared = new Uint8Array(ports);
  const silentAt = new Float64Array(ports).fill(Infinity);
  silentAt[o.failedPort] = o.failAtNs;
  for (const p of o.alsoSilent ?? []) silentAt[p] = o.failAtNs;
  for (let p = 0; p < ports; p++) {
    next[p] = rng.uniform() * drawRoundTripNs(timing, p, rng);
    timeoutNs[p] = o.timeoutRoundTrips * meanRoundTripNs(o.clockBasis ?? timing, p);
  }
  const counter = new SilenceCounter(ports, o.countThreshold);
  let livePorts = ports;
  const falseSince = new Float64Array(ports).fill(NaN);
  let countMistakeNs = 0;
  let countDetectionNs = Infinity, countDetectionEvents = 0, clockDetectionNs = Infinity;
  let countFalseAlarms = 0, clockFalseAlarms = 0, events = 0;
  for (;;) {
    let p = 0;
    for (let q = 1; q < ports; q++) if (next[q] < next[p]) p = q;
    const t = next[p];
    // The clock rule: every port silent for longer than its timeout by now is declared.
    for (let q = 0; q < ports; q++) {
      const expiry = last[q] + timeoutNs[q];
      if (clockDeclared[q] === 0 && expiry <= Math.min(t, o.durationNs)) {
        clockDeclared[q] = 1;
        if (expiry < o.failAtNs) clockFalseAlarms++;
        else if (q === o.failedPort && clockDetectionNs === Infinity) clockDetectionNs = expiry - o.failAtNs;
      }
    }
    if (t >= o.durationNs) break;
    // Both rules have spoken on the failed port: nothing more to learn from this run.
    if (countDetectionNs !== Infinity && clockDetectionNs !== Infinity) break;
    events++;
    if (!Number.isNaN(falseSince[p])) { countMistakeNs += t - falseSince[p]; falseSince[p] = NaN; }
    const declared = counter.onEvent(p);
    last[p] = t;
    clockDeclared[p] = 0;
    if (declared >= 0) {
      if (t < o.failAtNs) { countFalseAlarms++; falseSince[declared] = t; }
      else if (declared === o.failedPort && countDetectionNs === Infinity) {
        countDetectionNs = t - o.failAtNs;
        countDetectionEvents = o.countThreshold;
      }
    }
    const rtt = drawRoundTripNs(timing, p, rng);
    next[p] = t + rtt >= silentAt[p] ? Infinity : t + rtt;
    if (next[p] === Infinity) livePorts--;
    if (livePorts === 0) {
      // Nothing more arrives anywhere: the count rule is stuck; only the clock can still fire.
      for (let q = 0; q < ports; q++) {
        const expiry = last[q] + timeoutNs[q];
        if (clockDeclared[q] === 0 && expiry < o.durationNs) {
          clockDeclared[q] = 1;
          if (q === o.failedPort && clockDetectionNs === Infinity) clockDetectionNs = expiry - o.failAtNs;
        }
      }
      break;
    }
  }
  for (let q = 0; q < ports; q++) {
    if (!Number.isNaN(falseSince[q])) countMistakeNs += Math.min(o.durationNs, o.failAtNs) - falseSince[q];
  }
  return { countDetectionNs, countDetectionEvents, clockDetectionNs, countFalseAlarms, clockFalseAlarms, countMistakeNs, events };
}

import { RandomStream } from '../core/random/index.ts';
import { mesh8, type Topology } from '../hardware-timing/index.ts';
import { detectionDelayPs } from '../hardware-timing/failures/index.ts';
import { measureAccuracy, measureDetection } from './qos/evaluate.ts';
import { TIMEOUT_DETECTORS, type TimeoutDetectorName } from './qos/detector-factory.ts';
import type { MeanWithCi } from './qos/confidence.ts';
import { quantileSorted, RunningStats } from './qos/confidence.ts';
import { generateTrace, type HeartbeatTrace } from './trace/heartbeat-trace.ts';
import { formatDelay, type DelayDistribution } from './trace/delay-distribution.ts';
import type { Scenario } from './scenarios/scenario.ts';
import { classify, classifyByTimeout, gatherEvidence, type Verdict } from './mesh/alternate-path.ts';
import { ConfusionMatrix } from './mesh/confusion-matrix.ts';
import { drawMeshScenario, type MeshScenarioName } from './mesh/mesh-scenarios.ts';
import { PROPAGATION_NS_PER_M, TOKEN_FRAME_NS, nodeTiming, simulateLinkDetection } from './mesh/link-events.ts';
import { TIMING_ASSUMPTIONS } from './timing-assumptions.ts';

/** Every detector `chronotope detect` runs. */
export const DETECTORS = [...TIMEOUT_DETECTORS, 'link-count', 'alternate-path'] as const;
export type DetectorName = (typeof DETECTORS)[number];

export interface ExperimentOptions {
  readonly detector: DetectorName;
  readonly scenario: Scenario;
  readonly etaS: number;
  readonly deltaS: number;
  readonly lossProbability: number;
  readonly delay: DelayDistribution;
  readonly durationS: number;
  readonly seed: number;
  /** φ threshold of the accrual detectors (default 8). */
  readonly threshold?: number;
  /** Events on the other ports before link-count declares a port silent (default 64). */
  readonly countThreshold?: number;
  /** Called after each phase (trace, accuracy, detection, classification): for progress. */
  readonly onPhase?: (phase: string) => void;
}

/** Phases `onPhase` reports, in order. */
export const EXPERIMENT_PHASES = 4;

/** The output of `chronotope detect --json`. Times in seconds; null where not measured. */
export interface ExperimentResult {
  readonly detector: DetectorName;
  readonly scenario: string;
  readonly timingAssumption: string;
  readonly detectionTimeS: { mean: number; p99: number; max: number; ciLow: number; ciHigh: number; trials: number; undetected: number };
  readonly detectionEvents: number | null;
  readonly mistakeRecurrenceS: MeanWithCi | null;
  readonly mistakeDurationS: MeanWithCi | null;
  readonly queryAccuracy: MeanWithCi | null;
  readonly classification: { accuracy: number | null; matrix: Record<string, Record<string, number>> };
  readonly parameters: Record<string, number | string | boolean>;
}

/** Random stream ids of an experiment (one per independent source). */
const STREAMS = { trace: 0, gray: 10, crashes: 11, swim: 12, mesh: 20, link: 21 } as const;

/**
 * The loss-of-signal report's delay, from hardware-timing's failure model: 10GBASE-R drops block
 * lock after 16 invalid sync headers (IEEE 802.3 clause 49.2.13.2.2), 102.4 ns.
 */
export const LOSS_OF_SIGNAL_NS = detectionDelayPs('loss-of-signal', 0) / 1000;
/** Token turnaround per node (ns): an FPGA NIC in tens of cycles. */
const PROCESSING_NS = 100;

function traceFor(o: ExperimentOptions): HeartbeatTrace {
  const { scenario } = o;
  const grayRng = new RandomStream(o.seed, STREAMS.gray);
  const etaS = o.etaS;
  const burstOn = scenario.burst.everyS > 0 && scenario.burst.lengthS > 0;
  const extra = scenario.gray.fraction > 0 || burstOn
    ? (i: number) => {
      let x = 0;
      // gray: a slow sender — one uniform and one exponential per heartbeat, drawn in order
      if (scenario.gray.fraction > 0) {
        const u = grayRng.uniform();
        const e = grayRng.exponential(scenario.gray.extraDelayS);
        if (u < scenario.gray.fraction) x += e;
      }
      if (burstOn && (i * etaS) % scenario.burst.everyS < scenario.burst.lengthS) x += scenario.burst.extraDelayS;
      return x;
    }
    : undefined;
  return generateTrace({
    count: Math.max(2, Math.ceil(o.durationS / etaS)), etaS, lossProbability: o.lossProbability,
    delay: o.delay, seed: o.seed, streamBase: STREAMS.trace, extraDelayS: extra,
  });
}

const MESH_FAILURES: Record<string, MeshScenarioName> = {
  none: 'steady', crash: 'crash', 'link-cut': 'link-cut', 'link-oneway': 'link-oneway',
  'complete-partition': 'complete-partition', 'partial-partition': 'partial-partition',
  'simplex-partition': 'simplex-partition', mixed: 'mixed',
};

function emptyClassification() {
  return { accuracy: null, matrix: {} };
}

function runTimeoutDetector(o: ExperimentOptions, name: TimeoutDetectorName): ExperimentResult {
  const trace = traceFor(o);
  o.onPhase?.('trace');
  const config = {
    name, etaS: o.etaS, deltaS: o.deltaS, threshold: o.threshold, lossProbability: o.lossProbability,
    delay: o.delay, seed: o.seed, swimStreamId: STREAMS.swim,
  };
  // Skip the first 1000 heartbeats (the accrual windows filling), or a tenth of a short run.
  const warmupBeats = Math.min(1000, Math.floor(trace.arrivalUs.length / 10));
  const accuracy = measureAccuracy(config, trace, warmupBeats * trace.etaUs);
  o.onPhase?.('accuracy');
  const detection = measureDetection(config, trace, o.scenario.trials, Math.min(1000, warmupBeats || 10), o.seed, STREAMS.crashes);
  o.onPhase?.('detection');
  const meshName = MESH_FAILURES[o.scenario.failure];
  let classification: ExperimentResult['classification'] = emptyClassification();
  if (meshName !== undefined) {
    const mesh = mesh8(o.scenario.mesh);
    const m = new ConfusionMatrix();
    const rng = new RandomStream(o.seed, STREAMS.mesh);
    for (let k = 0; k < o.scenario.trials; k++) {
      const s = drawMeshScenario(mesh, meshName, rng, o.scenario.physical);
      m.add(s.truth, classifyByTimeout(mesh, s.failures, s.observer, s.suspect));
    }
    classification = { accuracy: m.accuracy, matrix: m.toJSON() };
  }
  o.onPhase?.('classification');
  return {
    detector: name,
    scenario: o.scenario.name,
    timingAssumption: TIMING_ASSUMPTIONS[name],
    detectionTimeS: {
      mean: detection.meanS, p99: detection.p99S, max: detection.maxS, ciLow: detection.ciLowS, ciHigh: detection.ciHighS,
      trials: detection.trials, undetected: detection.undetected,
    },
    detectionEvents: null,
    mistakeRecurrenceS: accuracy.mistakeRecurrenceS,
    mistakeDurationS: accuracy.mistakeDurationS,
    queryAccuracy: accuracy.queryAccuracy,
    classification,
    parameters: parametersOf(o, { mistakes: accuracy.mistakes }),
  };
}

function parametersOf(o: ExperimentOptions, extra: Record<string, number | string | boolean>): Record<string, number | string | boolean> {
  return {
    etaS: o.etaS, deltaS: o.deltaS, loss: o.lossProbability, delay: formatDelay(o.delay), durationS: o.durationS,
    seed: o.seed, threshold: o.threshold ?? 8, trials: o.scenario.trials, ...extra,
  };
}

/** Latency of one hop for a relayed question or answer (ns): token frame, cable, turnaround. */
function hopNs(meanCableM: number): number {
  return TOKEN_FRAME_NS + meanCableM * PROPAGATION_NS_PER_M + PROCESSING_NS;
}

/**
 * The mesh detectors. Each trial draws a failure on the mesh, simulates the observer's ports
 * until the link-level rule fires (a count of events, or the PHY's loss of signal), and for
 * `alternate-path` adds the round trip of the questions over the alternate paths and classifies.
 * Steady, gray and delay-burst scenarios run the observer's ports without a failure for up to
 * 10 ms of link time and count the count rule's false alarms.
 */
function runMeshDetector(o: ExperimentOptions, name: 'link-count' | 'alternate-path'): ExperimentResult {
  const { scenario } = o;
  const mesh: Topology = mesh8(scenario.mesh);
  const countThreshold = o.countThreshold ?? 64;
  const rng = new RandomStream(o.seed, STREAMS.mesh);
  const meshName = MESH_FAILURES[scenario.failure];
  const matrix = new ConfusionMatrix();
  const times: number[] = [];
  const stats = new RunningStats();
  let undetected = 0;
  if (meshName !== undefined) {
    for (let k = 0; k < scenario.trials; k++) {
      const s = drawMeshScenario(mesh, meshName, rng, scenario.physical);
      const { observer: a, suspect: b, failures: f } = s;
      if (f.tokenCirculates(a, b)) {
        // Nothing wrong with the link a watches: no declaration, the verdict is 'none'.
        matrix.add(s.truth, 'none');
        continue;
      }
      const timing = nodeTiming(mesh, a, scenario.load, PROCESSING_NS, scenario.localSlowdown);
      const ports = mesh.ports(a);
      const failedPort = mesh.portTo(a, b);
      const alsoSilent = ports.map((p, i) => (i !== failedPort && !f.tokenCirculates(a, p.peer) ? i : -1)).filter((i) => i >= 0);
      const failAtNs = 10_000;
      const sim = simulateLinkDetection({
        timing, failedPort, failAtNs, alsoSilent, countThreshold, timeoutRoundTrips: 8,
        durationNs: failAtNs + 1e6, seed: o.seed, streamId: STREAMS.link + 1 + k,
      });
      const losNs = f.lossOfSignal(b, a) ? LOSS_OF_SIGNAL_NS : Infinity;
      let linkNs = Math.min(sim.countDetectionNs, losNs);
      let verdict: Verdict = 'link-both';
      if (name === 'alternate-path') {
        const e = gatherEvidence(mesh, f, a, b);
        verdict = classify(e);
        const meanCableM = mesh.cableM / mesh.linkCount;
        // Questions out and answers back: the triangles (2 hops each way) and b's answer.
        const hops = Math.max(e.triangles.length > 0 ? 2 : 0, e.returnHops > 0 ? e.returnHops : 0);
        linkNs += 2 * hops * hopNs(meanCableM);
      }
      matrix.add(s.truth, verdict);
      if (linkNs === Infinity) { undetected++; continue; }
      times.push(linkNs / 1e9);
      stats.add(linkNs / 1e9);
    }
  }
  // Accuracy: the observer's ports without a failure.
  const timing = nodeTiming(mesh, 0, scenario.load, PROCESSING_NS, scenario.localSlowdown);
  const durationNs = Math.min(o.durationS, 0.01) * 1e9;
  const steady = simulateLinkDetection({
    timing, clockBasis: nodeTiming(mesh, 0, DEFAULT_LOAD, PROCESSING_NS, 1), failedPort: 0, failAtNs: Infinity,
    countThreshold, timeoutRoundTrips: 8, durationNs, seed: o.seed, streamId: STREAMS.link,
  });
  const portTimeS = (timing.ports.length * durationNs) / 1e9;
  const recurrence = steady.countFalseAlarms > 0 ? portTimeS / steady.countFalseAlarms : Infinity;
  const pa = 1 - steady.countMistakeNs / (timing.ports.length * durationNs);
  times.sort((x, y) => x - y);
  const ci = stats.withCi();
  return {
    detector: name,
    scenario: scenario.name,
    timingAssumption: TIMING_ASSUMPTIONS[name],
    detectionTimeS: {
      mean: stats.mean, p99: quantileSorted(times, 0.99), max: times.length ? times[times.length - 1] : NaN,
      ciLow: ci.ciLow, ciHigh: ci.ciHigh, trials: meshName !== undefined && meshName !== 'steady' ? scenario.trials : 0, undetected,
    },
    detectionEvents: meshName !== undefined && meshName !== 'steady' ? countThreshold : null,
    mistakeRecurrenceS: { mean: recurrence, ciLow: NaN, ciHigh: NaN, n: steady.countFalseAlarms },
    mistakeDurationS: steady.countFalseAlarms > 0
      ? { mean: steady.countMistakeNs / steady.countFalseAlarms / 1e9, ciLow: NaN, ciHigh: NaN, n: steady.countFalseAlarms }
      : null,
    queryAccuracy: { mean: pa, ciLow: NaN, ciHigh: NaN, n: 1 },
    classification: matrix.total > 0 ? { accuracy: matrix.accuracy, matrix: matrix.toJSON() } : emptyClassification(),
    parameters: parametersOf(o, {
      countThreshold, load: scenario.load, localSlowdown: scenario.localSlowdown, physical: scenario.physical,
      linkEvents: steady.events, linkTimeS: durationNs / 1e9, clockFalseAlarms: steady.clockFalseAlarms,
    }),
  };
}

/** Default link load the clock rule's timeouts are set for. */
const DEFAULT_LOAD = 0.3;

/** Runs one detector on one scenario. Same options → the same result, bit for bit. */
export function runExperiment(o: ExperimentOptions): ExperimentResult {
  if (o.detector === 'link-count' || o.detector === 'alternate-path') return runMeshDetector(o, o.detector);
  return runTimeoutDetector(o, o.detector);
}


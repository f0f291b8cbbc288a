import { InputError } from '../../core/errors.ts';
import {
  DETECTORS, EXPERIMENT_PHASES, SCENARIO_NAMES, loadScenario, parseDelay, runExperiment, type ExperimentResult,
} from '../../failure-detection/index.ts';
import type { Command } from '../command.ts';
import { cliMessages } from '../messages.ts';
import { choiceOption, integerOption, numberOption } from '../options.ts';

const NAME = 'detect';

const usage = `usage: chronotope detect --detector D --scenario NAME|FILE [options] [--json]

Runs one failure detector on one scenario and reports its quality of service (Chen, Toueg and
Aguilera 2002): detection time T_D over random crashes, mistake recurrence time T_MR, mistake
duration T_M and query accuracy P_A over a failure-free run, each with a 95 % confidence
interval, and for failures on the mesh a confusion matrix of verdicts. Times in seconds.

detectors:
  fixed           heartbeat with a fixed timeout eta + delta after the last arrival
  nfd-s, nfd-e    Chen-Toueg-Aguilera NFD-S (freshness points i*eta + delta) and NFD-E
                  (estimated arrival + delta)
  phi             phi accrual, exact normal tail (Hayashibara et al. 2004)
  phi-akka        phi as Akka computes it (logistic, acceptable pause 3 eta, sigma floor 0.1 eta)
  cassandra       Cassandra's exponential phi (convicts after 18.42 x mean at threshold 8)
  swim, lifeguard SWIM probes with 3 indirect checks; Lifeguard's suspicion timer and health
  link-count      timeout-free: ENTL events counted on the other ports, PHY loss of signal
  alternate-path  link-count, then questions through alternate paths classify node, link or
                  partition (Alquraan et al., OSDI 2018)

scenarios: ${SCENARIO_NAMES.join(', ')}, or a JSON file (fields: see
  src/failure-detection/scenarios/scenario.ts). Timeout-based detectors see a heartbeat trace;
  a failure on the mesh is, for them, a silence they call a crash.

options:
  --eta S          heartbeat interval in seconds, > 0                          (default 1)
  --delta S        NFD-S shift / timeout margin in seconds, >= 0              (default 1)
  --loss P         heartbeat loss probability in [0, 1]                       (default 0.01)
  --delay D        exp:MEAN (mean, s), lognormal:MU,SIGMA (mean and standard deviation of
                   ln(delay / 1 s)), pareto:XM,ALPHA (minimum s, tail index)  (default exp:0.02)
  --threshold T    phi threshold of phi, phi-akka, cassandra, > 0             (default 8)
  --count N        link-count: events on other ports before a port is silent  (default 64)
  --duration S     simulated seconds of heartbeats (mesh detectors: link time, capped at
                   0.01 s)                                                     (default 10000)
  --seed S         random seed, integer 0 to 2^53-1                            (default 1)
  --json           print {"detectionTimeS":{"mean","p99","max",…},"mistakeRecurrenceS":…,
                   "mistakeDurationS":…,"queryAccuracy":…,"classification":{"accuracy","matrix"}}`;

/** Runs of at least this many heartbeats report progress on stderr. */
const PROGRESS_FROM_HEARTBEATS = 2_000_000;

/** JSON with non-finite numbers (no mistakes: T_MR = ∞) written as null. */
function toJson(result: ExperimentResult): string {
  return JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
}

function fmt(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return Number(x.toPrecision(digits)).toString();
}

function table(r: ExperimentResult): string {
  const ci = (m: { mean: number; ciLow: number; ciHigh: number } | null) =>
    m === null ? '—' : Number.isFinite(m.ciLow) ? `${fmt(m.mean)} [${fmt(m.ciLow)}, ${fmt(m.ciHigh)}]` : fmt(m.mean);
  const lines = [
    `detector ${r.detector} on scenario ${r.scenario}`,
    `  timing assumption: ${r.timingAssumption}`,
    `  detection time T_D (s)     mean ${fmt(r.detectionTimeS.mean)}  p99 ${fmt(r.detectionTimeS.p99)}  max ${fmt(r.detectionTimeS.max)}  (${r.detectionTimeS.trials} trials, ${r.detectionTimeS.undetected} undetected)`,
    `  mistake recurrence T_MR (s) ${ci(r.mistakeRecurrenceS)}`,
    `  mistake duration T_M (s)    ${ci(r.mistakeDurationS)}`,
    `  query accuracy P_A          ${ci(r.queryAccuracy)}`,
  ];
  if (r.detectionEvents !== null) lines.push(`  detection in link events    ${r.detectionEvents}`);
  if (r.classification.accuracy !== null) {
    lines.push(`  classification accuracy     ${fmt(r.classification.accuracy)}`);
    for (const [truth, row] of Object.entries(r.classification.matrix)) {
      lines.push(`    ${truth.padEnd(20)} → ${Object.entries(row).map(([v, n]) => `${v} ${n}`).join(', ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

export const detectCommand: Command = {
  name: NAME,
  usage,
  options: {
    detector: { type: 'string' },
    scenario: { type: 'string' },
    eta: { type: 'string' },
    delta: { type: 'string' },
    loss: { type: 'string' },
    delay: { type: 'string' },
    threshold: { type: 'string' },
    count: { type: 'string' },
    duration: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values) {
    if (values.detector === undefined) throw new InputError(cliMessages.missingArgument(NAME, "option '--detector'"));
    if (values.scenario === undefined) throw new InputError(cliMessages.missingArgument(NAME, "option '--scenario'"));
    const detector = choiceOption(NAME, 'detector', values.detector, DETECTORS, 'fixed');
    const etaS = numberOption(NAME, 'eta', values.eta, 1, 'a number of seconds > 0', (x) => x > 0 && x <= 3600);
    const deltaS = numberOption(NAME, 'delta', values.delta, 1, 'a number of seconds >= 0', (x) => x >= 0 && x <= 3600);
    const lossProbability = numberOption(NAME, 'loss', values.loss, 0.01, 'a probability in [0, 1]', (x) => x >= 0 && x <= 1);
    const threshold = numberOption(NAME, 'threshold', values.threshold, 8, 'a number > 0', (x) => x > 0 && x <= 300);
    const countThreshold = integerOption(NAME, 'count', values.count, 64, 1, 1_000_000);
    const durationS = numberOption(NAME, 'duration', values.duration, 10_000, 'a number of seconds > 0', (x) => x > 0);
    const seed = integerOption(NAME, 'seed', values.seed, 1, 0);
    const delay = parseDelay(String(values.delay ?? 'exp:0.02'));
    if (durationS / etaS > 1e8) {
      throw new InputError(cliMessages.badNumber(NAME, 'duration', String(values.duration), `at most 10^8 heartbeats (duration / eta), got ${durationS / etaS}`));
    }
    const scenario = loadScenario(String(values.scenario));
    // Long heartbeat runs (a second or more) show progress on stderr, as `noise` does.
    const long = durationS / etaS >= PROGRESS_FROM_HEARTBEATS && !detector.startsWith('link') && detector !== 'alternate-path';
    const task = long
      ? (await import('../../notebook/index.ts')).createProgress().start(`detect ${detector}`, EXPERIMENT_PHASES)
      : { tick() {}, done() {} };
    const result = runExperiment({
      detector, scenario, etaS, deltaS, lossProbability, delay, durationS, seed, threshold, countThreshold,
      onPhase: (phase) => task.tick(1, phase),
    });
    task.done();
    process.stdout.write(values.json === true ? toJson(result) + '\n' : table(result));
    return 0;
  },
};

import cliProgress from 'cli-progress';

/** Where sweep progress goes (stderr by default). */
export interface SweepProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface SweepProgress {
  /** `done` of `total` tasks finished, `laneSteps` of work done in this run. */
  update(done: number, laneSteps: number): void;
  stop(): void;
}

function seconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/**
 * A cli-progress bar on a terminal, otherwise a plain line at most every `intervalMs` (and at the
 * end): tasks done, throughput in lane-steps per second, and the ETA from the rate so far.
 * `skipped` tasks (finished by an earlier run) count as done but not toward the rate.
 */
export function createSweepProgress(
  total: number, skipped: number, stream: SweepProgressStream = process.stderr,
  intervalMs = 5000, now: () => number = () => performance.now(),
): SweepProgress {
  const start = now();
  const rates = (done: number, laneSteps: number) => {
    const elapsedS = (now() - start) / 1000;
    const ran = done - skipped;
    const etaS = ran > 0 ? ((total - done) * elapsedS) / ran : Infinity;
    return { rate: elapsedS > 0 ? (laneSteps / elapsedS).toExponential(2) : '?', eta: seconds(etaS) };
  };
  if (stream.isTTY === true) {
    const bar = new cliProgress.SingleBar({
      stream: stream as NodeJS.WritableStream,
      format: 'sweep [{bar}] {value}/{total} tasks | {rate} lane-steps/s | ETA {eta}',
      hideCursor: true,
    }, cliProgress.Presets.shades_classic);
    bar.start(total, skipped, { rate: '?', eta: '?' });
    return {
      update(done, laneSteps) { bar.update(done, rates(done, laneSteps)); },
      stop() { bar.stop(); },
    };
  }
  let last = -Infinity;
  let latest = { done: skipped, laneSteps: 0 };
  const line = () => {
    const { rate, eta } = rates(latest.done, latest.laneSteps);
    stream.write(`sweep: ${latest.done}/${total} tasks, ${rate} lane-steps/s, ETA ${latest.done === total ? '0 s' : eta}\n`);
  };
  return {
    update(done, laneSteps) {
      latest = { done, laneSteps };
      if (now() - last >= intervalMs) {
        last = now();
        line();
      }
    },
    stop() { line(); },
  };
}

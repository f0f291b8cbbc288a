import cliProgress from 'cli-progress';

/** One piece of long work being reported: call `tick` as items finish, `done` at the end. */
export interface ProgressTask {
  /** Marks `count` more items done (default 1); `detail` says which, e.g. a notebook's name. */
  tick(count?: number, detail?: string): void;
  /** Ends the task: the bar is finished, or a final plain line is printed. */
  done(): void;
}

/** Starts progress tasks. Tasks may nest (a notebook's own progress inside `figures`). */
export interface ProgressReporter {
  start(label: string, total: number): ProgressTask;
}

/** The stream progress goes to, and whether it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressOptions {
  /** Where to write; default `process.stderr`, so progress never mixes with results on stdout. */
  readonly stream?: ProgressStream;
  /** Least time between plain lines of one task (the first and last are always printed). */
  readonly intervalMs?: number;
  /** Clock for the interval, replaceable in tests. */
  readonly now?: () => number;
}

/**
 * Progress on stderr as the developer guide asks: a cli-progress bar when stderr is a terminal,
 * plain `label: 3/10 detail` lines otherwise (CI logs, pipes), at most one per `intervalMs`
 * per task so a log stays short. On a terminal a nested task does not draw a second bar: its
 * count is shown as the outer bar's detail.
 */
export function createProgress(options: ProgressOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const intervalMs = options.intervalMs ?? 2000;
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  let outer: { bar: cliProgress.SingleBar; value: number } | undefined;

  return {
    start(label, total) {
      let value = 0;
      if (tty && outer === undefined) {
        const bar = new cliProgress.SingleBar({
          stream: stream as NodeJS.WritableStream,
          format: `${label} [{bar}] {value}/{total} {detail}`,
          hideCursor: true,
        }, cliProgress.Presets.shades_classic);
        bar.start(total, 0, { detail: '' });
        const own = { bar, value: 0 };
        outer = own;
        return {
          tick(count = 1, detail = '') {
            own.value += count;
            bar.update(own.value, { detail });
          },
          done() {
            bar.stop();
            outer = undefined;
          },
        };
      }
      if (tty && outer !== undefined) {
        const host = outer;
        return {
          tick(count = 1, detail = '') {
            value += count;
            host.bar.update(host.value, { detail: `${label} ${value}/${total} ${detail}`.trimEnd() });
          },
          done() {
            host.bar.update(host.value, { detail: '' });
          },
        };
      }
      let last = -Infinity;
      const line = (detail: string) => stream.write(`${label}: ${value}/${total}${detail ? ' ' + detail : ''}\n`);
      return {
        tick(count = 1, detail = '') {
          value += count;
          const t = now();
          if (t - last >= intervalMs || value >= total) {
            last = t;
            line(detail);
          }
        },
        done() {
          if (value < total) line('stopped');
        },
      };
    },
  };
}

/** A reporter that shows nothing, for library use and tests. */
export const silentProgress: ProgressReporter = {
  start: () => ({ tick() {}, done() {} }),
};

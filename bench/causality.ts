import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from './benchmark.ts';
import { integerOption } from '../src/cli/options.ts';
import { SummaryAccumulator, Timestamper, randomTrace, randomTraceLine, type EventInput } from '../src/causality/index.ts';

const NAME = 'bench causality';

/** Writes a generated trace as JSON lines, in 4 MiB chunks. */
function writeTrace(path: string, hosts: number, events: number, seed: number): void {
  const fd = openSync(path, 'w');
  try {
    let chunk: string[] = [];
    let size = 0;
    for (const e of randomTrace({ hosts, events, seed })) {
      const line = randomTraceLine(e);
      chunk.push(line);
      size += line.length + 1;
      if (size > 1 << 22) { writeSync(fd, chunk.join('\n') + '\n'); chunk = []; size = 0; }
    }
    if (chunk.length > 0) writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
}

export const causalityBenchmark: Benchmark = {
  name: 'causality',
  usage: `usage: chronotope bench causality [--hosts H] [--events N] [--cli-events M] [--repeats R] [--seed S] [--json]

Throughput of timestamping (Lamport + vector clocks) a synthetic message-passing trace
(each event on a uniform host: receive 0.3, send 0.3, local 0.4; Philox seed S):
  libraryEventsPerSecond   Timestamper alone over N events held in memory (target >= 10^6 for 64 hosts)
  librarySummaryEventsPerSecond   Timestamper + concurrent pairs + width (minimum flow)
  cliEventsPerSecond       'chronotope causality FILE --summary' end to end on M events written
                           as JSON lines, process start included (target >= 3*10^5)
  cliMaxRssMiB             its peak resident memory (GNU time), showing the trace is streamed
  ...PerCpuSecond          the same per second of CPU time (all threads: GC and the TypeScript
                           loader included), less disturbed than wall time on a shared machine
Best of R runs for the library figures; one CLI run.

options:
  --hosts H        hosts (default 64)
  --events N       events for the library runs (default 1000000)
  --cli-events M   events for the CLI run, 0 to skip (default 1000000)
  --repeats R      library runs (default 3)
  --seed S         trace seed (default 1)
`,
  options: {
    hosts: { type: 'string' }, events: { type: 'string' }, 'cli-events': { type: 'string' },
    repeats: { type: 'string' }, seed: { type: 'string' },
  },
  run(values) {
    const hosts = integerOption(NAME, 'hosts', values.hosts, 64, 1, 1 << 16);
    const events = integerOption(NAME, 'events', values.events, 1_000_000, 1, 1e8);
    const cliEvents = integerOption(NAME, 'cli-events', values['cli-events'], 1_000_000, 0, 1e9);
    const repeats = integerOption(NAME, 'repeats', values.repeats, 3, 1, 100);
    const seed = integerOption(NAME, 'seed', values.seed, 1, 0);
    const inputs: EventInput[] = [...randomTrace({ hosts, events, seed })];
    let best = Infinity, bestCpu = Infinity, bestSummary = Infinity, sink = 0, width = 0, pairs = 0;
    for (let r = 0; r < repeats; r++) {
      let start = performance.now();
      const cpu = process.cpuUsage();
      const t = new Timestamper((e) => { sink += e.lamport; });
      for (let i = 0; i < inputs.length; i++) t.push(inputs[i]);
      t.finish();
      best = Math.min(best, performance.now() - start);
      const used = process.cpuUsage(cpu);
      bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
      start = performance.now();
      const acc = new SummaryAccumulator();
      const u = new Timestamper((e) => acc.add(e));
      for (let i = 0; i < inputs.length; i++) u.push(inputs[i]);
      u.finish();
      const s = acc.result(u.hosts, u.messages);
      bestSummary = Math.min(bestSummary, performance.now() - start);
      width = s.width;
      pairs = s.concurrentPairs;
    }
    if (Number.isNaN(sink)) throw new Error('unreachable: keeps the clocks alive');
    const out: Record<string, number | string> = {
      hosts, events,
      libraryEventsPerSecond: Math.round(events / (best / 1000)),
      libraryEventsPerCpuSecond: Math.round(events / (bestCpu / 1000)),
      librarySummaryEventsPerSecond: Math.round(events / (bestSummary / 1000)),
      width, concurrentPairs: pairs,
    };
    if (cliEvents > 0) {
      const dir = mkdtempSync(join(tmpdir(), 'chronotope-bench-causality-'));
      try {
        const file = join(dir, 'trace.jsonl');
        writeTrace(file, hosts, cliEvents, seed);
        const start = performance.now();
        const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, 'bin/chronotope', 'causality', file, '--summary'],
          { encoding: 'utf8', maxBuffer: 1 << 26 });
        const seconds = (performance.now() - start) / 1000;
        if (r.status !== 0) throw new Error(`causality CLI failed: ${r.stderr}`);
        const [rss, userS, systemS] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
        out.cliEvents = cliEvents;
        out.cliFileMiB = +(statSync(file).size / 2 ** 20).toFixed(1);
        out.cliSeconds = +seconds.toFixed(2);
        out.cliEventsPerSecond = Math.round(cliEvents / seconds);
        out.cliEventsPerCpuSecond = Math.round(cliEvents / (userS + systemS));
        out.cliMaxRssMiB = +(rss / 1024).toFixed(0);
        out.cliWidth = (JSON.parse(r.stdout) as { width: number }).width;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return out;
  },
};

/**
 * Notebook 30: a Lamport (space-time) diagram of a real ShiViz example log, with vector clocks and
 * message arrows. Run: `chronotope run notebooks/30-spacetime-diagram.ts`
 * (`--param log=FILE --param parser=REGEX` draws another log).
 *
 * Sources: the log and its parser regex are ShiViz's "Data-center load balancer" example
 * (DistributedClocks/shiviz, MIT; data/reference/causality/shiviz-facebook.log and
 * shiviz-examples.json). Diagram conventions: Lamport 1978, Fig. 1 (processes as vertical lines,
 * time downwards here, messages as arrows); vector clocks: Fidge 1988, Mattern 1989.
 * Labels come from the log, text from outside: they reach the page only through tables and Plot
 * text marks, both of which escape them.
 */
import * as Plot from '@observablehq/plot';
import { readFileSync } from 'node:fs';
import { notebook } from '../src/notebook/index.ts';
import { readShiviz, summarizeTrace } from '../src/causality/index.ts';

const EXAMPLES = 'data/reference/causality/shiviz-examples.json';
const DEFAULT_LOG = 'data/reference/causality/shiviz-facebook.log';

/** The parser ShiViz's example page gives a log, if it is one of the examples. */
function exampleParser(log: string): string | undefined {
  const examples = JSON.parse(readFileSync(EXAMPLES, 'utf8')) as { examples: Array<{ copied_here: string | null; parser: string }> };
  return examples.examples.find((e) => e.copied_here !== null && log.endsWith(e.copied_here))?.parser;
}

/** At most `n` characters of a label, on one line. */
const short = (text: string, n = 38) => { const t = text.replace(/\s+/g, ' ').trim(); return t.length > n ? `${t.slice(0, n - 1)}…` : t; };

export default notebook(
  {
    title: 'A space-time diagram of a real log',
    summary: 'Lamport diagram of a ShiViz example log: hosts as lines, events with vector clocks, messages as arrows.',
    params: {
      log: { value: DEFAULT_LOG, description: 'ShiViz log to draw' },
      parser: { value: '', description: 'parser regex (default: the example\'s, else the log\'s first line or ShiViz\'s default)' },
    },
    seed: 1,
  },
  (nb, { log, parser }) => {
    const [execution] = readShiviz(readFileSync(log, 'utf8'), { parser: parser || exampleParser(log), file: log });
    const trace = execution.trace;
    const summary = summarizeTrace(trace);
    nb.md`
      Each host is a vertical line; time runs downwards, one step per Lamport clock tick, so every
      message arrow points down (the clock condition: a send's Lamport clock is below its
      receive's). The log has **${trace.events.length} events** on **${trace.hosts.length} hosts**
      and **${trace.messages} messages** inferred from the vector clocks as ShiViz infers them.
      **${summary.concurrentPairs}** pairs of events are concurrent, and the largest set of
      mutually concurrent events (the width) has **${summary.width}** events.
    `;
    const hostX = new Map(trace.hosts.map((h, i) => [h, i]));
    const points = trace.events.map((e) => ({
      host: e.host, x: hostX.get(e.host)!, lamport: e.lamport, index: e.index,
      vector: JSON.stringify(trace.vectorRecord(e)).replace(/"/g, ''), label: short(e.label ?? ''),
      type: e.type,
    }));
    const arrows = trace.events.flatMap((e) => e.senderIds.map((s) => {
      const from = trace.events[s];
      return { x1: hostX.get(from.host)!, y1: from.lamport, x2: hostX.get(e.host)!, y2: e.lamport };
    }));
    const events = nb.table('events', trace.events.map((e, i) => ({
      host: e.host, index: e.index, lamport: e.lamport, vector: JSON.stringify(trace.vectorRecord(e)),
      type: e.type, line: e.line ?? 0, label: points[i].label,
    })), [
      { key: 'host', header: 'host' },
      { key: 'index', header: 'index on host (1)' },
      { key: 'lamport', header: 'Lamport clock (1)' },
      { key: 'vector', header: 'vector clock' },
      { key: 'type', header: 'kind' },
      { key: 'line', header: 'log line (1)' },
      { key: 'label', header: 'label (from the log)' },
    ], { caption: 'Every event, in a causal order, with its clocks.' });
    const maxLamport = Math.max(...points.map((p) => p.lamport));
    nb.figure('spacetime', {
      width: 900,
      height: Math.max(400, 22 * maxLamport + 60),
      marginLeft: 50,
      marginRight: 240,
      x: { domain: [-0.3, trace.hosts.length - 0.5], ticks: trace.hosts.map((_, i) => i), tickFormat: (i: number) => trace.hosts[i] ?? '', label: 'host', axis: 'top' },
      y: { domain: [0, maxLamport + 1], reverse: true, label: 'Lamport clock (1)', grid: true },
      marks: [
        Plot.ruleX(trace.hosts.map((_, i) => i), { stroke: '#bbb' }),
        Plot.arrow(arrows, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: '#2a6fb0', headLength: 7, inset: 5 }),
        Plot.dot(points, { x: 'x', y: 'lamport', r: 4, fill: (p: { type: string }) => (p.type === 'local' ? 'white' : 'black'), stroke: 'black' }),
        Plot.text(points, { x: 'x', y: 'lamport', text: 'vector', dx: 8, textAnchor: 'start', fontSize: 8, fill: '#555' }),
      ],
    }, { caption: 'Lamport diagram: hosts across, Lamport time down; arrows are messages; each event carries its vector clock (zero entries left out). Filled dots send or receive, open dots are local.', data: events });
    nb.md`
      Vector clocks make happened-before exact: event *a* precedes *b* exactly when *a*'s own entry
      is at most *b*'s entry for *a*'s host (Mattern 1989). The events table above lists them in
      the causal order chronotope computed; \`chronotope causality ${log.split('/').pop()} --json\`
      prints the same clocks.
    `;
  },
);

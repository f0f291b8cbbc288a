/**
 * Notebook 33: races — the concurrent pairs of a real log, its message races, and how the width
 * (the largest set of mutually concurrent events) grows with the number of hosts.
 * Run: `chronotope run notebooks/33-races.ts`.
 *
 * Sources: the log is ShiViz's reliable-broadcast example (DistributedClocks/shiviz, MIT;
 * data/reference/causality, parser from shiviz-examples.json). Message races: Netzer & Miller
 * 1992 (two receives on one host race when the second message's send does not happen after the
 * first receive). Width: Dilworth 1950, computed as a minimum flow (src/causality/width.ts).
 * Labels come from the log: they reach the page only through tables, which escape them.
 */
import * as Plot from '@observablehq/plot';
import { readFileSync } from 'node:fs';
import { notebook } from '../src/notebook/index.ts';
import {
  SummaryAccumulator, Timestamper, concurrentEventPairs, messageRaces, randomTrace, readShiviz, summarizeTrace,
} from '../src/causality/index.ts';

const LOG = 'data/reference/causality/shiviz-simple-reliable-broadcast.log';

const short = (text: string | undefined, n = 60) => { const t = (text ?? '').replace(/\s+/g, ' ').trim(); return t.length > n ? `${t.slice(0, n - 1)}…` : t; };

export default notebook(
  {
    title: 'Races and width',
    summary: 'Concurrent pairs and message races of a real reliable-broadcast log, and the width of random traces against the number of hosts.',
    params: {
      eventsPerHost: { value: 200, min: 10, max: 100000, integer: true, description: 'events per host in the width sweep' },
      maxHosts: { value: 64, min: 2, max: 1024, integer: true, description: 'largest number of hosts in the sweep' },
    },
    seed: 33,
  },
  (nb, { eventsPerHost, maxHosts }) => {
    const examples = JSON.parse(readFileSync('data/reference/causality/shiviz-examples.json', 'utf8')) as { examples: Array<{ copied_here: string | null; parser: string }> };
    const parser = examples.examples.find((e) => e.copied_here === 'shiviz-simple-reliable-broadcast.log')!.parser;
    const [{ trace }] = readShiviz(readFileSync(LOG, 'utf8'), { parser, file: LOG });
    const summary = summarizeTrace(trace);
    const pairs = concurrentEventPairs(trace);
    const races = messageRaces(trace);
    const n = trace.events.length;
    nb.md`
      ShiViz's reliable-broadcast example: ${n} events on ${trace.hosts.length} hosts,
      ${trace.messages} messages. Of its ${(n * (n - 1)) / 2} pairs of events, **${pairs.length}**
      are concurrent — nothing orders them, so a different run could see them either way — and the
      largest set of mutually concurrent events has **${summary.width}** events.
      **${races.length}** pairs of receives are *message races*: the second message was sent
      without knowledge of the first receive, so it could have arrived first.
    `;
    const name = (e: { host: string; index: number }) => `${e.host}#${e.index}`;
    const raceTable = nb.table('message-races', races.map((r) => ({
      host: r.first.host, first: name(r.first), firstLabel: short(r.first.label), second: name(r.second),
      secondLabel: short(r.second.label), sentBy: name(r.secondSend),
    })), [
      { key: 'host', header: 'receiving host' },
      { key: 'first', header: 'first receive' },
      { key: 'firstLabel', header: 'its log text' },
      { key: 'second', header: 'racing receive' },
      { key: 'secondLabel', header: 'its log text' },
      { key: 'sentBy', header: 'racing message sent at' },
    ], { caption: 'Message races (Netzer & Miller 1992): receive pairs whose messages could have arrived in the other order.' });
    // Concurrency matrix: every ordered pair coloured by its relation.
    const cells = trace.events.flatMap((a) => trace.events.map((b) => ({
      a: a.id, b: b.id,
      relation: a.id === b.id ? 'same' : trace.happenedBefore(a, b) ? 'before' : trace.happenedBefore(b, a) ? 'after' : 'concurrent',
    })));
    nb.figure('concurrency', {
      width: 560, height: 560, marginLeft: 50, marginBottom: 50,
      x: { type: 'band', label: 'event (causal order)', ticks: [] },
      y: { type: 'band', label: 'event (causal order)', ticks: [] },
      color: { domain: ['before', 'after', 'concurrent', 'same'], range: ['#d9d9d9', '#d9d9d9', '#c0392b', 'black'] },
      marks: [Plot.cell(cells, { x: 'a', y: 'b', fill: 'relation' })],
    }, { caption: `Relation of every pair of the log's ${n} events, in causal order: red cells are concurrent pairs (${pairs.length} pairs, each drawn twice), grey ordered, black the diagonal.`, data: raceTable });

    // Width against the number of hosts, on synthetic traces (randomTrace, Philox stream per size).
    const sizes: number[] = [];
    for (let h = 2; h <= maxHosts; h *= 2) sizes.push(h);
    const task = nb.progress('width sweep', sizes.length);
    const sweep = sizes.map((hosts, k) => {
      const acc = new SummaryAccumulator();
      const t = new Timestamper((e) => acc.add(e));
      for (const e of randomTrace({ hosts, events: hosts * eventsPerHost, seed: nb.seed, stream: k })) t.push(e);
      t.finish();
      const s = acc.result(t.hosts, t.messages);
      task.tick();
      const events = hosts * eventsPerHost;
      return { hosts, events, messages: s.messages, width: s.width, concurrentFraction: s.concurrentPairs / ((events * (events - 1)) / 2) };
    });
    task.done();
    const sweepTable = nb.table('width-by-hosts', sweep, [
      { key: 'hosts', header: 'hosts (1)' },
      { key: 'events', header: 'events (1)' },
      { key: 'messages', header: 'messages (1)' },
      { key: 'width', header: 'width (events)' },
      { key: 'concurrentFraction', header: 'fraction of pairs concurrent (1)', digits: 4 },
    ], { caption: `Random traces, ${eventsPerHost} events per host; each event a receive (0.3), a send to a random host (0.3) or local.` });
    nb.figure('width', {
      width: 560, height: 360, marginLeft: 55,
      x: { type: 'log', base: 2, label: 'hosts (1)', ticks: sizes, tickFormat: (v: number) => String(v) },
      y: { type: 'log', base: 2, label: 'width (events)', ticks: sizes, tickFormat: (v: number) => String(v), grid: true },
      marks: [
        Plot.line(sizes.map((h) => ({ h })), { x: 'h', y: 'h', stroke: '#999', strokeDasharray: '4,3' }),
        Plot.line(sweep, { x: 'hosts', y: 'width' }),
        Plot.dot(sweep, { x: 'hosts', y: 'width', fill: 'black' }),
        Plot.text(['dashed: width = hosts (the most it can be)'], { frameAnchor: 'top-left', dx: 8, dy: 8, text: (t: string) => t, textAnchor: 'start' }),
      ],
    }, { caption: 'Width of random traces against the number of hosts. Here it equals the number of hosts, its upper bound: the hosts\' last events stay mutually concurrent unless a message connects them. The fraction of concurrent pairs (table) grows with the hosts too.', data: sweepTable });
  },
);

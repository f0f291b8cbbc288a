import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  InputError,
} from '../../src/core/errors.ts';
import {
  SummaryAccumulator, Timestamper, Trace, summarizeTrace, type EventInput, type TraceEvent,
} from '../../src/causality/index.ts';
import { bruteHappenedBefore, bruteWidth, scriptArb, scriptEvents } from './random-trace.ts';

const raw = (lines: string[][]) => lines.map(([host, type, msg]) => ({ host, type: type as 'send' | 'recv' | 'local', msg }));

test('Lamport and vector clocks of a three-host exchange (values derived by hand from the rules)', () => {
  // a: send m1, local, recv m2     b: recv m1, send m2     c: local
  // Lamport (1978) IR2: a1=1, b1=max(0,1)+1=2, b2=3, a2=2, a3=max(2,3)+1=4, c1=1.
  // Vector (Mattern 1989): a1=(1,0,0), b1=(1,1,0), b2=(1,2,0), a2=(2,0,0), a3=(3,2,0), c1=(0,0,1).
  const trace = Trace.fromRaw(raw([
    ['a', 'send', 'm1'], ['b', 'recv', 'm1'], ['b', 'send', 'm2'], ['a', 'local'], ['c', 'local'], ['a', 'recv', 'm2'],
  ]));
  const got = Object.fromEntries(trace.events.map((e) => [`${e.host}${e.index}`, [e.lamport, trace.vectorRecord(e)]]));
  assert.deepEqual(got, {
    a1: [1, { a: 1 }], b1: [2, { a: 1, b: 1 }], b2: [3, { a: 1, b: 2 }], a2: [2, { a: 2 }],
    a3: [4, { a: 3, b: 2 }], c1: [1, { c: 1 }],
  });
  assert.deepEqual(trace.hosts, ['a', 'b', 'c']);
  assert.equal(trace.messages, 2);
  const [a1, , b2, a2] = trace.events;
  assert.ok(trace.happenedBefore(a1, b2));
  assert.ok(!trace.happenedBefore(b2, a1));
  assert.ok(trace.concurrent(a2, b2));
});

test('a receive listed before its send waits for it; host order is kept', () => {
  const trace = Trace.fromRaw(raw([['b', 'recv', 'm1'], ['b', 'local'], ['a', 'local'], ['a', 'send', 'm1']]));
  assert.deepEqual(trace.events.map((e) => `${e.host}${e.index}:${e.lamport}`), ['a1:1', 'a2:2', 'b1:3', 'b2:4']);
});

test('bad traces: one-line errors with file and line', () => {
  const cases: Array<[string[][], RegExp]> = [
    [[['a', 'recv', 'm9']], /^t\.jsonl:1: receive of message "m9" that is never sent/],
    [[['a', 'recv', 'x'], ['a', 'send', 'y'], ['b', 'recv', 'y'], ['b', 'send', 'x']], /^t\.jsonl:1: receive of message "x" lies on a causal cycle/],
    [[['a', 'send', 'm'], ['b', 'send', 'm']], /^t\.jsonl:2: message "m" is sent twice \(first sent on line 1\)/],
    [[['a', 'send', 'm'], ['a', 'recv', 'm']], /^t\.jsonl:2: message "m" is received by the host that sent it/],
    [[['', 'local']], /^t\.jsonl:1: expected a non-empty host name/],
  ];
  for (const [lines, message] of cases) {
    assert.throws(() => Trace.fromRaw(raw(lines), 't.jsonl'),
      (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'), JSON.stringify(lines));
  }
});

/** Shuffles a happened-order event list into another interleaving of the hosts (same host order). */
function interleave(events: EventInput[], seed: number): EventInput[] {
  const byHost = new Map<string, EventInput[]>();
  for (const e of events) { if (!byHost.has(e.host)) byHost.set(e.host, []); byHost.get(e.host)!.push(e); }
  const queues = [...byHost.values()];
  const out: EventInput[] = [];
  let x = seed >>> 0;
  while (queues.some((q) => q.length > 0)) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const live = queues.filter((q) => q.length > 0);
    out.push(live[x % live.length].shift()!);
  }
  return out;
}

test('property: happened-before is a strict partial order, and vector-clock order equals reachability', () => {
  fc.assert(fc.property(scriptArb(5, 24), fc.nat(), (script, seed) => {
    const events = scriptEvents(script);
    const hb = bruteHappenedBefore(events);
    // Feed any interleaving: clocks do not depend on it.
    const trace = Trace.fromEvents(interleave(events, seed));
    const byLine = new Map<number, TraceEvent>(trace.events.map((e) => [e.line!, e]));
    const n = events.length;
    const at = (i: number) => byLine.get(i + 1)!;
    for (let a = 0; a < n; a++) {
      if (trace.happenedBefore(at(a), at(a))) return false; // irreflexive
      for (let b = 0; b < n; b++) {
        const ab = trace.happenedBefore(at(a), at(b));
        if (ab !== hb[a][b]) return false;                  // vector order = reachability
        if (ab && trace.happenedBefore(at(b), at(a))) return false; // antisymmetric
        if (ab && at(a).lamport >= at(b).lamport) return false;     // clock condition (Lamport 1978)
        if (ab) for (let c = 0; c < n; c++) if (trace.happenedBefore(at(b), at(c)) && !trace.happenedBefore(at(a), at(c))) return false; // transitive
      }
    }
    // Causal order of the report: everything before an event is reported before it.
    for (const e of trace.events) for (const f of trace.events) if (trace.happenedBefore(e, f) && e.id >= f.id) return false;
    return true;
  }), { numRuns: 300 });
});

test('property: concurrent pairs (no pair loop) and width (minimum flow) equal brute force', () => {
  fc.assert(fc.property(scriptArb(5, 14), (script) => {
    const events = scriptEvents(script);
    const hb = bruteHappenedBefore(events);
    let pairs = 0;
    for (let a = 0; a < events.length; a++) for (let b = a + 1; b < events.length; b++) if (!hb[a][b] && !hb[b][a]) pairs++;
    const acc = new SummaryAccumulator();
    const t = new Timestamper((e) => acc.add(e));
    for (const e of events) t.push(e);
    t.finish();
    const s = acc.result(t.hosts, t.messages);
    // The in-memory summary takes the last-events shortcut when it applies: same answers.
    const m = summarizeTrace(Trace.fromEvents(events));
    const width = bruteWidth(hb);
    return s.concurrentPairs === pairs && s.width === width && s.events === events.length
      && m.width === width && m.concurrentPairs === pairs;
  }), { numRuns: 400 });
});

test('width: every antichain size from 1 to H is reached by hand-built traces', () => {
  // H hosts with one local event each: width H. A token passed around all hosts: width 1.
  for (let h = 1; h <= 6; h++) {
    const locals: EventInput[] = Array.from({ length: h }, (_, i) => ({ host: `h${i}` }));
    const acc = new SummaryAccumulator();
    const t = new Timestamper((e) => acc.add(e));
    locals.forEach((e) => t.push(e));
    t.finish();
    assert.equal(acc.result(t.hosts, 0).width, h);
    const token = new SummaryAccumulator();
    const u = new Timestamper((e) => token.add(e));
    for (let i = 0; i < h; i++) u.push({ host: `h${i}`, receives: i > 0 ? [`t${i}`] : undefined, sends: [`t${i + 1}`] });
    const r = token.result(u.hosts, u.messages);
    assert.equal(r.width, 1);
    assert.equal(r.concurrentPairs, 0);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { InputError } from '../../src/core/errors.ts';
import {
  compareClocks, formatEventLine, mergeClocks, parseEventLines, summarizeEventsFile, summarizeTrace, readGoVector, readShiviz, ShivizRegExp, Trace,
  writeGoVector, writeShiviz, type VectorClock,
} from '../../src/causality/index.ts';
import { scriptArb, scriptEvents } from './random-trace.ts';

const DIR = 'data/reference/causality/';
// Parser and delimiter of each example: DistributedClocks/shiviz index.html (shiviz-examples.json).
const examples = JSON.parse(readFileSync(`${DIR}shiviz-examples.json`, 'utf8')) as {
  examples: Array<{ copied_here: string | null; parser: string; delimiter?: string; title: string }>;
};

/**
 * Independent count of logged events: lines `host {clock}`, or (reliable broadcast) an akka actor
 * path followed by the clock on the same line.
 */
function clockLines(text: string): { events: number; hosts: Set<string> } {
  const hosts = new Set<string>();
  let events = 0;
  for (const line of text.split('\n')) {
    const mm = /^(\S+) \{\s*".*\}\s*$/.exec(line) ?? /\[akka:\/\/Broadcast\/user\/(\w+)\] \{/.exec(line);
    if (mm) { events++; hosts.add(mm[1]); }
  }
  return { events, hosts };
}

test('every ShiViz example log is read and validated with the parser it needs', () => {
  const copied = examples.examples.filter((e) => e.copied_here !== null);
  assert.equal(copied.length, 7);
  for (const ex of copied) {
    const text = readFileSync(DIR + ex.copied_here, 'utf8');
    const executions = readShiviz(text, { parser: ex.parser, delimiter: ex.delimiter, file: ex.copied_here! });
    const events = executions.reduce((s, x) => s + x.trace.events.length, 0);
    const expected = clockLines(text);
    assert.equal(events, expected.events, ex.title);
    const hosts = new Set(executions.flatMap((x) => x.trace.hosts));
    assert.deepEqual([...hosts].sort(), [...expected.hosts].sort(), ex.title);
    for (const x of executions) {
      // Each event's clock is the logged one, and its own entry is its position on its host.
      for (const e of x.trace.events) assert.equal(e.vector[e.hostId], e.index);
    }
  }
});

test('multi-execution logs split on the delimiter, labelled by its trace group', () => {
  const ex = examples.examples.find((e) => e.copied_here === 'shiviz-multiple-comparison.log')!;
  const labels = readShiviz(readFileSync(DIR + ex.copied_here!, 'utf8'), { parser: ex.parser, delimiter: ex.delimiter })
    .map((x) => x.label);
  assert.deepEqual(labels, ['Base execution', 'Same as base', 'Different host from base',
    'All events are different from base', 'Some events are different from base']);
});

test('header lines: line 1 the parser and line 2 the delimiter, wrapped in ^…$; options override them', () => {
  const ex = examples.examples.find((e) => e.copied_here === 'shiviz-facebook-multiple.log')!;
  const body = readFileSync(DIR + ex.copied_here!, 'utf8');
  const withHeader = `${ex.parser}\n${ex.delimiter}\n${body}`;
  const a = readShiviz(withHeader, { file: 'f.log' });
  assert.deepEqual(a.map((x) => x.trace.events.length), [47, 41]);
  // Line numbers count the header lines: the first clock is on line 3 of the body (after the
  // delimiter line and the first event's text).
  assert.equal(a[0].logged[0].line, 5);
  assert.deepEqual(a[0].logged[0].fields, { ip: '24.22.130.14', date: '5/27/2013 10:53:39 AM', action: 'GET', host: 'alice' });
  // An empty --delimiter overrides line 2: both executions become one, and alice's clock restarts.
  assert.throws(() => readShiviz(withHeader, { parser: ex.parser, delimiter: '', file: 'f.log' }),
    { message: 'f.log:105: expected the clock of host "alice" to grow by exactly 1, it goes from 1 (line 5) to 1' });
  // --parser given: line 1 is skipped and the option used instead (unwrapped, as in ShiViz's form).
  const b = readShiviz(withHeader, { parser: '(?<event>.*)\\n(?<host>\\w*) (?<clock>.*)' });
  assert.deepEqual(b.map((x) => x.trace.events.length), [47, 41]);
  assert.equal(b[0].logged[0].text, '24.22.130.14 5/27/2013 10:53:39 AM GET /timeline uid=alice location=kansas');
});

test('named groups are emulated as ShiViz does: plain groups do not capture, names in order', () => {
  const re = new ShivizRegExp('(a|b)(?<x>\\d+)-(?<y>(c|d)+)', '', 'test');
  assert.deepEqual(re.names, ['x', 'y']);
  assert.deepEqual([...re.matches('a12-cd b3-d')].map((mm) => mm.groups), [{ x: '12', y: 'cd' }, { x: '3', y: 'd' }]);
  // ShiViz's rewrite also turns an escaped "\(" into "\(?:" (an optional "(" then ":"); kept.
  const quirk = new ShivizRegExp('\\((?<x>\\d)', '', 'q');
  assert.deepEqual([...quirk.matches(':7 (:8')].map((mm) => mm.groups.x), ['7', '8']);
  assert.throws(() => new ShivizRegExp('(?<x>a)(?<x>b)', '', 'p'), { message: "p: expected each named group once, 'x' appears twice" });
  assert.throws(() => new ShivizRegExp('(?<x>a', '', 'p'), (e: unknown) => e instanceof InputError && e.message.startsWith('p: expected a valid regular expression'));
});

test('validation errors name the file, the line and what was expected (ShiViz rules)', () => {
  const cases: Array<[string, RegExp]> = [
    ['e1\na {"a":2}\n', /^l\.log:2: expected the first event of host "a" to have its own clock entry 1, got 2$/],
    ['e1\na {"a":1}\ne2\na {"a":3}\n', /^l\.log:4: expected the clock of host "a" to grow by exactly 1, it goes from 1 \(line 2\) to 3$/],
    ['e1\na {"a":1}\ne2\na {"a":1}\n', /^l\.log:4: expected the clock of host "a" to grow by exactly 1, it goes from 1 \(line 2\) to 1$/],
    ['e1\na {"a":1, "z":1}\n', /^l\.log:2: the vector clock names host "z" that logs no event/],
    ['e1\na {"a":1}\ne2\nb {"b":1, "a":2}\n', /^l\.log:4: the clock entry "a":2 refers to an event that is never logged \(host "a" logs 1\)/],
    ['e1\na {"a":1, "b":1}\ne2\nb {"b":1, "a":1}\n', /^l\.log:2: the vector clocks form a cycle/],
    ['e1\na {"a":1}\ne2\nb {"b":1}\ne3\nb {"b":2, "a":1}\ne4\nc {"c":1, "b":2}\n', /^l\.log:8: impermissible vector clock: the events it follows give \{"a":1,"b":2,"c":1\}$/],
    ['e1\na {"a":1,}\n', /^l\.log:2: expected a JSON vector clock/],
    ['e1\na {"b":1}\n', /^l\.log:2: expected the vector clock to contain the local host "a"$/],
    ['e1\na {"a":1.5}\n', /^l\.log:2: expected the clock entry for "a" to be a non-negative integer, got 1\.5$/],
    ['nothing here\n', /^l\.log: the parser regex captures no events/],
    ['(?<host>\\S*) (?<event>.*)\n\na b\n', /^l\.log:1: expected the named groups event, host and clock; missing clock$/],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => readShiviz(text, { file: 'l.log' }),
      (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'), text);
  }
});

test('ShiViz and GoVector export read back to the same clocks (random traces)', () => {
  fc.assert(fc.property(scriptArb(4, 16), (script) => {
    const events = scriptEvents(script);
    if (events.length === 0) return true;
    const trace = Trace.fromEvents(events.map((e, i) => ({ ...e, label: `step ${i} <b>&"x"` })));
    const clocks = (t: Trace) => t.events.map((e) => `${e.host}${JSON.stringify(Object.entries(t.vectorRecord(e)).sort())}`).sort();
    const back = readShiviz(writeShiviz(trace));
    const go = readGoVector(writeGoVector(trace));
    return back.length === 1 && JSON.stringify(clocks(back[0].trace)) === JSON.stringify(clocks(trace))
      && JSON.stringify(clocks(go[0].trace)) === JSON.stringify(clocks(trace))
      && back[0].trace.messages === trace.messages;
  }), { numRuns: 100 });
});

test('a JSON-lines file streamed by summarizeEventsFile gives the in-memory summary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronotope-stream-'));
  try {
    fc.assert(fc.property(scriptArb(5, 30), fc.nat(), (script, k) => {
      const events = scriptEvents(script);
      if (events.length === 0) return true;
      const raw = events.map((e) => (e.sends ? { host: e.host, type: 'send' as const, msg: e.sends[0] }
        : e.receives ? { host: e.host, type: 'recv' as const, msg: e.receives[0] } : { host: e.host, type: 'local' as const, label: `l${k}` }));
      const file = join(dir, 't.jsonl');
      writeFileSync(file, raw.map(formatEventLine).join('\n') + '\n');
      return JSON.stringify(summarizeEventsFile(file)) === JSON.stringify(summarizeTrace(Trace.fromRaw(raw)));
    }), { numRuns: 50 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GoVector layout: sorted keys, ", " separator, host line then message', () => {
  const trace = Trace.fromRaw([{ host: 'zed', type: 'send', msg: 'm' }, { host: 'amy', type: 'recv', msg: 'm', label: 'got it' }]);
  // GoVector vclock.go ReturnVCString: keys sorted, `"%s":%d` joined by ", ".
  assert.equal(writeGoVector(trace), 'zed {"zed":1}\nsend m\namy {"amy":1, "zed":1}\ngot it\n');
});

// The 50 comparison cases of five libraries (Akka, GoVector, npm vectorclock, rust-crdt, riak_core),
// each with its source line in the file.
const vectors = JSON.parse(readFileSync(`${DIR}vector-clock-test-vectors.json`, 'utf8')) as {
  cases: Array<{ library: string; name: string; a: VectorClock; b: VectorClock; expected: string; quirk?: string }>;
  merge_cases_riak: Array<{ name: string; inputs: VectorClock[]; expected: VectorClock }>;
};

test('the 50 vector-clock comparison cases agree with the plain definition', () => {
  assert.equal(vectors.cases.length, 50);
  for (const c of vectors.cases) {
    assert.equal(compareClocks(c.a, c.b), c.expected, `${c.library}: ${c.name}`);
    const reverse = { before: 'after', after: 'before', concurrent: 'concurrent', equal: 'equal' }[c.expected];
    assert.equal(compareClocks(c.b, c.a), reverse, `${c.library}: ${c.name} (reversed)`);
  }
  // Quirks, recorded in the file: GoVector calls identical clocks both Equal and Concurrent, and
  // npm vectorclock's compare() returns 0 for both; the plain definition says equal only.
  const quirky = vectors.cases.filter((c) => c.quirk !== undefined);
  assert.ok(quirky.length >= 2);
  for (const c of quirky) assert.equal(compareClocks(c.a, c.b), 'equal');
});

test('riak_core merge cases: entry-wise maximum', () => {
  for (const c of vectors.merge_cases_riak) assert.deepEqual(mergeClocks(...c.inputs), c.expected, c.name);
});

test('JSON-lines raw trace: bad lines name file, line and what was expected', () => {
  const cases: Array<[string, RegExp]> = [
    ['{"host":"a","type":"local"}\n{"host":"a"', /^r\.jsonl:2: expected one JSON object per line/],
    ['[1]', /^r\.jsonl:1: expected one JSON object per line \(not an object\)$/],
    ['{"host":"a","type":"sned","msg":"m"}', /^r\.jsonl:1: expected "type" to be "send", "recv" or "local", got "sned"$/],
    ['{"host":"a","type":"send"}', /^r\.jsonl:1: a "send" event expected a non-empty string "msg"/],
    ['{"host":3,"type":"local"}', /^r\.jsonl:1: expected a non-empty host name$/],
    ['{"host":"a","type":"local","label":7}', /^r\.jsonl:1: expected "label" to be a string$/],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => parseEventLines(text, 'r.jsonl'), (e: unknown) => e instanceof InputError && message.test(e.message), text);
  }
  assert.deepEqual(parseEventLines('\n{"host":"a","type":"recv","msg":"m","label":"x"}\n'),
    [{ host: 'a', receives: ['m'], label: 'x', line: 2 }]);
});

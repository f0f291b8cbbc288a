import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { InputError } from '../../src/core/errors.ts';

function chronotope(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/chronotope', 'causality', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TRACE = [
  { host: 'a', type: 'send', msg: 'm1' }, { host: 'b', type: 'recv', msg: 'm1' }, { host: 'b', type: 'send', msg: 'm2' },
  { host: 'a', type: 'local' }, { host: 'c', type: 'local', label: '<script>' }, { host: 'a', type: 'recv', msg: 'm2' },
].map((e) => JSON.stringify(e)).join('\n') + '\n';

function withDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'chronotope-causality-'));
  try { body(dir); } finally { rmSync(dir, { recursive: true, force: true }); }
}

test('--json prints the shape of the issue; --summary the same without events', () => withDir((dir) => {
  const file = join(dir, 't.jsonl');
  writeFileSync(file, TRACE);
  const r = chronotope(file, '--json');
  assert.equal(r.code, 0, r.stderr);
  // Hand-derived (Lamport 1978 IR2; vector clocks by Mattern 1989): c1 is concurrent with all five
  // other events, a2 with b1 and b2, so C = 7; {a2, b1, c1} is a largest antichain, W = 3.
  assert.equal(r.stdout, '{"events":['
    + '{"host":"a","index":1,"lamport":1,"vector":{"a":1}},{"host":"b","index":1,"lamport":2,"vector":{"a":1,"b":1}},'
    + '{"host":"b","index":2,"lamport":3,"vector":{"a":1,"b":2}},{"host":"a","index":2,"lamport":2,"vector":{"a":2}},'
    + '{"host":"c","index":1,"lamport":1,"vector":{"c":1}},{"host":"a","index":3,"lamport":4,"vector":{"a":3,"b":2}}],'
    + '"hosts":["a","b","c"],"messages":2,"concurrentPairs":7,"width":3}\n');
  const s = chronotope(file, '--summary');
  assert.equal(s.stdout, '{"hosts":["a","b","c"],"messages":2,"concurrentPairs":7,"width":3}\n');
}));

test('--to shiviz writes a log that reads back (header lines), --out atomically', async () => withDir((dir) => {
  const file = join(dir, 't.jsonl');
  writeFileSync(file, TRACE);
  const out = join(dir, 'sub', 't.log');
  assert.equal(chronotope(file, '--to', 'shiviz', '--out', out).code, 0);
  assert.deepEqual(readdirSync(join(dir, 'sub')), ['t.log']);
  const back = chronotope(out, '--summary');
  assert.equal(back.stdout, '{"hosts":["a","b","c"],"messages":2,"concurrentPairs":7,"width":3}\n');
  const go = chronotope(file, '--to', 'govector', '--out', join(dir, 't.gv'));
  assert.equal(readFileSync(join(dir, 't.gv'), 'utf8').split('\n')[0], 'a {"a":1}');
  assert.equal(chronotope(join(dir, 't.gv'), '--format', 'govector', '--summary').stdout,
    '{"hosts":["a","b","c"],"messages":2,"concurrentPairs":7,"width":3}\n');
  assert.equal(go.code, 0);
  // Detected without --format: the first line is `host {clock}`.
  assert.equal(chronotope(join(dir, 't.gv'), '--summary').stdout, '{"hosts":["a","b","c"],"messages":2,"concurrentPairs":7,"width":3}\n');
  // GoVector's own chord log (a ShiViz example) is detected the same way.
  const chord = chronotope('data/reference/causality/shiviz-chord.log', '--summary');
  assert.equal(chord.code, 0, chord.stderr);
  assert.equal(JSON.parse(chord.stdout).hosts.length, 8);
}));

test('a ShiViz example with --parser and --delimiter prints one object per execution', () => {
  const ex = JSON.parse(readFileSync('data/reference/causality/shiviz-examples.json', 'utf8')).examples
    .find((e: { copied_here: string }) => e.copied_here === 'shiviz-facebook-multiple.log');
  const r = chronotope('data/reference/causality/shiviz-facebook-multiple.log', '--summary', '--parser', ex.parser, '--delimiter', ex.delimiter);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.execution), ['Execution #1', 'Execution #2']);
  assert.deepEqual(lines[0].hosts, ['alice', 'loadBalancer', 'eastDC', 'westDC']);
});

test('an invalid trace: exit 2, one line naming file and line, nothing written', () => withDir((dir) => {
  const file = join(dir, 'bad.jsonl');
  writeFileSync(file, '{"host":"a","type":"local"}\n{"host":"b","type":"recv","msg":"m7"}\n');
  const out = join(dir, 'out.json');
  for (const mode of [['--json'], ['--summary'], ['--to', 'shiviz']]) {
    const r = chronotope(file, ...mode, '--out', out);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `${file}:2: receive of message "m7" that is never sent; expected its send event in the trace\n`);
    assert.deepEqual(readdirSync(dir), ['bad.jsonl']);
  }
}));

test('bad options and files: one-line InputErrors (in process)', async () => {
  const log = 'data/reference/causality/shiviz-facebook.log';
  const cases: Array<[string[], RegExp]> = [
    [[], /missing trace FILE/],
    [['x.jsonl', 'y.jsonl', '--json'], /unexpected argument 'y\.jsonl'/],
    [[log], /expected exactly one of --json, --summary, --to \(got 0\)/],
    [[log, '--json', '--summary'], /expected exactly one of --json, --summary, --to \(got 2\)/],
    [[log, '--to', 'dot'], /option '--to' expected one of shiviz, govector, got 'dot'/],
    [[log, '--json', '--format', 'csv'], /option '--format' expected one of events, shiviz, govector, got 'csv'/],
    [['/nonexistent/t.jsonl', '--json'], /^\/nonexistent\/t\.jsonl: expected a readable trace file \(ENOENT\)$/],
    [[log, '--json', '--parser', '(?<host>\\S+) (?<event>.*)'], /^option --parser: expected the named groups event, host and clock; missing clock$/],
    [[log, '--json', '--parser', '(?<host>(\\S+) (?<event>.*)'], /^option --parser: expected a valid regular expression/],
    [['data/reference/causality/shiviz-simple-reliable-broadcast.log', '--json'], /shiviz-simple-reliable-broadcast\.log: the parser regex captures no events/],
    [[log, '--json', '--format', 'events', '--parser', 'x'], /--parser and --delimiter apply to ShiViz logs/],
  ];
  for (const [args, message] of cases) {
    await assert.rejects(main(['causality', ...args]),
      (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'), args.join(' '));
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

function chronotope(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/chronotope', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('help lists every command; help COMMAND and COMMAND --help show its usage', () => {
  const help = chronotope('help');
  assert.equal(help.code, 0);
  for (const name of ['run', 'figures', 'bench']) assert.match(help.stdout, new RegExp(`^  ${name} `, 'm'));
  const bench = chronotope('help', 'bench');
  assert.equal(bench.code, 0);
  assert.match(bench.stdout, /usage: chronotope bench/);
  assert.equal(chronotope('bench', 'phold', '--help').stdout.includes('--population'), true);
});

test('bad input gets one line on stderr and exit status 2', () => {
  const cases: [string[], RegExp][] = [
    [['frobnicate'], /^chronotope: unknown command 'frobnicate'/],
    [[], /^chronotope: no command given/],
    [['help', 'nope'], /^chronotope help: unknown command 'nope'/],
    [['bench'], /^chronotope bench: missing benchmark name/],
    [['bench', 'nope'], /^chronotope bench: benchmark name expected one of phold/],
    [['bench', 'phold', '--bogus'], /^chronotope bench phold: unknown option '--bogus'/],
    [['bench', 'phold', '--events'], /^chronotope bench phold: option '--events' needs a value/],
    [['bench', 'phold', '--events', '1.5'], /^chronotope bench phold: option '--events' expected an integer from 1/],
    [['bench', 'phold', '--mean=-1'], /^chronotope bench phold: option '--mean' expected a number > 0, got '-1'/],
    [['bench', 'phold', '--mean', '-1'], /^chronotope bench phold: option '--mean' expected a number > 0, got '-1'/],
    [['bench', 'phold', '--lps', '100000', '--population', '1000'], /^chronotope bench phold: --lps × --population gives 100000000 pending events; the engine holds at most 16777216/],
    [['noise', '--type', 'wfm', '--seed', '-1'], /^chronotope noise: option '--seed' expected/],
  ];
  for (const [args, message] of cases) {
    const r = chronotope(...args);
    assert.equal(r.code, 2, `exit status for ${args.join(' ')}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${r.stderr}`);
  }
});

test('bench phold --json prints events, eventsPerSecond and simTime', () => {
  const r = chronotope('bench', 'phold', '--events', '20000', '--lps', '16', '--population', '4', '--json');
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.events, 20000);
  assert.ok(result.eventsPerSecond > 0);
  // Little's law (see test/core/engine/phold.test.ts): about 20000 · 1.1 / 64 = 343.75 time units.
  assert.ok(Math.abs(result.simTime / 343.75 - 1) < 0.05);
});

test('bench random --json reports a positive cost for every item', () => {
  const r = chronotope('bench', 'random', '--n', '20000', '--repeats', '1', '--json');
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  for (const key of ['philoxBlockTsNs', 'philoxBlockWasmNs', 'uint32Ns', 'uniformNs', 'uniformIntNs', 'normalNs', 'exponentialNs']) {
    assert.ok(result[key] > 0, key);
  }
});

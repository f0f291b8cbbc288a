import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { main } from '../../src/cli/main.ts';
import { simulateCommand, simulateOutput } from '../../src/cli/commands/simulate.ts';
import type { OptionValues } from '../../src/cli/command.ts';
import { InputError } from '../../src/core/errors.ts';
import { simulateExactlyOnce } from '../../src/hardware-timing/exactly-once/index.ts';
import { mesh8 } from '../../src/hardware-timing/topology/index.ts';

function chronotope(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/chronotope', 'simulate', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the command's body in this process (a child process per protocol would cost seconds of start-up). */
async function captured(argv: string[]): Promise<{ code: number; stdout: string }> {
  const [, experiment, ...rest] = argv;
  const { values, positionals } = parseArgs({ args: [experiment, ...rest], options: simulateCommand.options, allowPositionals: true, strict: true });
  return { code: 0, stdout: simulateOutput(values as OptionValues, positionals) };
}

test('prints the issue\'s JSON for every protocol; the atomic ones show no duplicate, loss or conservation error', async () => {
  for (const protocol of ['unacked', 'stop-and-wait', 'timeout-retry', 'timeout-retry-dedup', 'ait', 'tiktyktik']) {
    const r = await captured(['simulate', 'exactly-once', '--protocol', protocol, '--nodes', '16', '--messages', '2000', '--link-failure-rate', '0.2',
      '--timeout-ns', '400', '--workload', 'transfers', '--seed', '4', '--json']);
    assert.equal(r.code, 0);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out).slice(0, 8), ['sent', 'delivered', 'duplicates', 'lost', 'reportedUndeliverable', 'conservationError', 'latencyNs', 'recoveryNs']);
    assert.deepEqual(Object.keys(out.latencyNs), ['p50', 'p99', 'max']);
    assert.equal(out.sent, 2000);
    // The library run with the same options gives the same numbers.
    const lib = simulateExactlyOnce({ protocol: protocol as 'ait', network: mesh8({ rows: 4, cols: 4, wrap: true }), messages: 2000, linkFailureRate: 0.2, timeoutNs: 400, workload: 'transfers', seed: 4 });
    assert.equal(out.duplicates, lib.duplicates);
    assert.equal(out.conservationError, lib.conservationError);
    if (protocol === 'ait' || protocol === 'tiktyktik') {
      assert.equal(out.duplicates, 0);
      assert.equal(out.lost, out.parked);
      assert.equal(out.conservationError, 0, protocol);
    }
    if (protocol === 'timeout-retry') assert.ok(out.duplicates > 0);
  }
});

test('the table without --json', async () => {
  const r = await captured(['simulate', 'exactly-once', '--protocol', 'tiktyktik', '--nodes', '9', '--messages', '100']);
  assert.match(r.stdout, /^protocol\s+tiktyktik\nsemantics\s+exactly-once\nsent\s+100\n/);
});

test('the command line gives the same JSON as the library (child process)', () => {
  const r = chronotope('exactly-once', '--protocol', 'ait', '--nodes', '9', '--messages', '300', '--link-failure-rate', '0.3', '--seed', '8', '--json');
  assert.equal(r.code, 0, r.stderr);
  const lib = simulateExactlyOnce({ protocol: 'ait', network: mesh8({ rows: 3, cols: 3, wrap: true }), messages: 300, linkFailureRate: 0.3, seed: 8 });
  assert.equal(JSON.parse(r.stdout).latencyNs.p99, lib.latencyNs.p99);
});

test('bad input: one line naming it, exit 2', async () => {
  const r = chronotope('exactly-once', '--protocol', 'tcp');
  assert.equal(r.code, 2);
  assert.equal(r.stderr, "chronotope simulate: option '--protocol' expected one of unacked, stop-and-wait, timeout-retry, timeout-retry-dedup, ait, tiktyktik, got 'tcp'\n");
  const cases: Array<[string[], RegExp]> = [
    [['exactly-once', '--protocol', 'ait', '--workload', 'bank'], /option '--workload' expected one of messages, transfers, got 'bank'$/],
    [['exactly-once', '--protocol', 'ait', '--link-failure-rate', '1.5'], /option '--link-failure-rate' expected a number from 0 to 1, got '1.5'$/],
    [['exactly-once', '--protocol', 'ait', '--link-failure-rate=-0.1'], /option '--link-failure-rate' expected a number from 0 to 1/],
    [['exactly-once', '--protocol', 'ait', '--timeout-ns', '0'], /option '--timeout-ns' expected a number of ns > 0, got '0'$/],
    [['exactly-once', '--protocol', 'ait', '--nodes', '11'], /option '--nodes' expected a node count the 8-neighbour mesh with wrap-around can take/],
    [['exactly-once', '--protocol', 'ait', '--nodes', '4'], /option '--nodes' expected an integer from 9/],
    [['exactly-twice', '--protocol', 'ait'], /expected one of exactly-once, got 'exactly-twice'/],
    [['exactly-once'], /missing option '--protocol'/],
  ];
  for (const [args, pattern] of cases) {
    await assert.rejects(main(['simulate', ...args]), (e: unknown) =>
      e instanceof InputError && !e.message.includes('\n') && pattern.test(e.message), args.join(' '));
  }
});

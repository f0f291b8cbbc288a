import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main.ts';
import { InputError } from '../../src/core/errors.ts';
import { runSync } from '../../src/clocks/sync/run-sync.ts';

function chronotope(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/chronotope', 'sync', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--json prints the issue\'s shape, the same numbers as the library, the same bytes each run', async () => {
  const args = ['--algorithm', 'ptp-e2e', '--topology', 'chain', '--nodes', '4', '--duration', '60', '--seed', '7', '--asymmetry-ns', '1000', '--json'];
  const r = chronotope(...args);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['nodes', 'overall', 'convergenceS']);
  assert.deepEqual(Object.keys(out.overall), ['rmsNs', 'p99Ns', 'maxAbsNs', 'precisionNs']);
  assert.deepEqual(out.nodes.map((x: { node: number }) => x.node), [1, 2, 3]); // the reference (host 0) left out
  for (const x of out.nodes) assert.deepEqual(Object.keys(x), ['node', 'rmsNs', 'p99Ns', 'maxAbsNs']);
  const lib = await runSync({ algorithm: 'ptp-e2e', topology: 'chain', nodes: 4, durationS: 60, seed: 7, asymmetryNs: 1000 });
  assert.equal(r.stdout, JSON.stringify(lib.summary) + '\n');
  assert.equal(chronotope(...args).stdout, r.stdout);
  // Asymmetry 1000 ns per link: node h sits h·500 ns behind host 0 (one-way-delay property).
  out.nodes.forEach((x: { rmsNs: number }, i: number) => assert.ok(Math.abs(x.rmsNs - 500 * (i + 1)) < 15, `node ${i + 1}: ${x.rmsNs}`));
  // The largest spread is the farthest node against the reference.
  assert.ok(Math.abs(out.overall.precisionNs - 1500) < 30);
});

test('every algorithm runs on every topology (small runs, in process)', async () => {
  const durations = { ntp: 33, 'ptp-e2e': 4, 'ptp-p2p': 4, dtp: 1e-5, huygens: 4, truetime: 31 } as const;
  for (const algorithm of Object.keys(durations) as Array<keyof typeof durations>) {
    for (const topology of ['mesh', 'star', 'clos', 'chain'] as const) {
      const r = await runSync({ algorithm, topology, nodes: 4, durationS: durations[algorithm], seed: 1 });
      assert.equal(r.summary.nodes.length, 3, `${algorithm} ${topology}`);
      assert.ok(r.summary.nodes.every((x) => Number.isFinite(x.rmsNs) && x.maxAbsNs >= x.p99Ns), `${algorithm} ${topology}`);
    }
  }
});

test('bad options: exit code 2 and one line on stderr (child process)', () => {
  const r = chronotope('--algorithm', 'gps', '--topology', 'mesh', '--nodes', '4', '--duration', '1', '--seed', '1');
  assert.equal(r.code, 2);
  assert.equal(r.stderr, "chronotope sync: option '--algorithm' expected one of ntp, ptp-e2e, ptp-p2p, dtp, huygens, truetime, got 'gps'\n");
  assert.equal(r.stdout, '');
});

test('bad options: one-line InputErrors naming the option (in process)', async () => {
  const ok = ['--algorithm', 'ptp-e2e', '--topology', 'chain', '--nodes', '3', '--duration', '10', '--seed', '1'];
  const without = (name: string) => { const i = ok.indexOf(name); return [...ok.slice(0, i), ...ok.slice(i + 2)]; };
  const cases: Array<[string[], RegExp]> = [
    [[...without('--topology'), '--topology', 'ring'], /option '--topology' expected one of mesh, star, clos, chain, got 'ring'$/],
    [[...ok, '--oscillator', 'hydrogen'], /option '--oscillator' expected one of tcxo, ocxo, rb, cs, got 'hydrogen'$/],
    [[...ok, '--sync-interval', '0'], /option '--sync-interval' expected a number of seconds > 0, got '0'$/],
    [[...ok, '--sync-interval=-1'], /option '--sync-interval' expected a number of seconds > 0, got '-1'$/],
    [[...without('--duration'), '--duration', '0'], /option '--duration' expected a number of seconds > 0, got '0'$/],
    [[...ok, '--sync-interval', '20'], /option '--sync-interval' expected a number of seconds <= --duration \(10\), got '20'$/],
    [[...without('--nodes'), '--nodes', '1'], /option '--nodes' expected an integer from 2 to 65536, got '1'$/],
    [without('--seed'), /missing option '--seed'/],
    [[...ok, '--asymmetry-ns', 'x'], /option '--asymmetry-ns' expected a number of ns >= 0, got 'x'$/],
  ];
  for (const [args, message] of cases) {
    await assert.rejects(main(['sync', ...args]),
      (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'), args.join(' '));
  }
});

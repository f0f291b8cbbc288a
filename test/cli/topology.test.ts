import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main.ts';
import { InputError } from '../../src/core/errors.ts';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/chronotope', 'topology', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--json: the issue\'s keys; a 64-node octavalent torus against closed forms', () => {
  const r = cli('--kind', 'mesh8', '--nodes', '64', '--wrap', '--json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['nodes', 'links', 'diameter', 'meanHops', 'bisectionLinks', 'lambda2', 'log10SpanningTrees', 'cableMPerNode', 'triangleFraction']);
  assert.equal(out.nodes, 64);
  assert.equal(out.links, 256);
  assert.equal(out.diameter, 4);
  // Chebyshev distances on an 8 × 8 torus: per axis 0,1,1,2,2,3,3,4; mean over the 63 others.
  let sum = 0;
  const ring = [0, 1, 2, 3, 4, 3, 2, 1];
  for (const a of ring) for (const b of ring) sum += Math.max(a, b);
  assert.ok(Math.abs(out.meanHops - sum / 63) < 1e-6);
  assert.equal(out.bisectionLinks, 48);
  // Strong product C8 ⊠ C8: λ₂ = 9 − (1 + 2cos(π/4)) · 3.
  assert.ok(Math.abs(out.lambda2 - (9 - 3 * (1 + Math.SQRT2))) < 1e-8);
  assert.equal(out.triangleFraction, 1);
});

test('table output and --fail partition probability (exact for small cases)', () => {
  const r = cli('--kind', 'star', '--nodes', '8', '--fail', '1', '--fail-target', 'nodes');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /hosts 8, switches 1, links 8, ports 16/);
  // One failed node of 9 splits the hosts only when it is the switch: 1/9.
  assert.match(r.stdout, /p = 0\.111111 \(exact, 9 sets\)/);
  const j = JSON.parse(cli('--kind', 'torus', '--nodes', '16', '--fail', '1', '--json').stdout);
  assert.deepEqual(j.partition, { failed: 1, target: 'links', probability: 0, method: 'exact', samples: 32, low: 0, high: 0 });
});

test('bad input: one line, exit 2 (child process)', () => {
  const r = cli('--kind', 'ring', '--nodes', '4');
  assert.equal(r.code, 2);
  assert.equal(r.stderr, "chronotope topology: option '--kind' expected one of mesh8, torus, star, clos, fat-tree, got 'ring'\n");
});

test('bad input: topology parameters out of range (in process)', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--nodes', '16'], /missing option '--kind'/],
    [['--kind', 'mesh8'], /missing option '--nodes'/],
    [['--kind', 'mesh8', '--nodes', '0'], /option '--nodes' expected an integer from 1 to 2048, got '0'/],
    [['--kind', 'mesh8', '--nodes', '4096'], /from 1 to 2048/],
    [['--kind', 'fat-tree', '--nodes', '100'], /k³\/4 hosts .* got 100/],
    [['--kind', 'torus', '--nodes', '4'], /rows expected an integer from 3/],
    [['--kind', 'mesh8', '--nodes', '7', '--wrap'], /rows expected an integer from 3/],
    [['--kind', 'torus', '--nodes', '16', '--wrap'], /--wrap applies to mesh8 only/],
    [['--kind', 'mesh8', '--nodes', '16', '--pitch', '-1'], /option '--pitch' expected a number of metres > 0, got '-1'/],
    [['--kind', 'clos', '--nodes', '16', '--hosts-per-leaf', '41'], /option '--hosts-per-leaf' expected an integer from 1 to 40/],
    [['--kind', 'star', '--nodes', '4', '--fail', '5'], /option '--fail' expected an integer from 0 to 4/],
    [['--kind', 'star', '--nodes', '4', '--fail-target', 'cables'], /expected one of links, nodes/],
  ];
  for (const [args, message] of cases) {
    await assert.rejects(main(['topology', ...args]), (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'), args.join(' '));
  }
});

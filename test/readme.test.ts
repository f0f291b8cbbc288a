import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/**
 * Runs the TypeScript examples in README.md (mathjs-style: documentation examples are tests), so
 * what a new user copies works. Each ```ts block runs as a script from .cache/ (git-ignored).
 */
const blocks = [...readFileSync('README.md', 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

test('README has a library example, and every ```ts block in it runs', () => {
  assert.ok(blocks.length >= 1);
  mkdirSync('.cache', { recursive: true });
  blocks.forEach((code, i) => {
    const file = `.cache/readme-example-${i}.ts`;
    writeFileSync(file, code.replaceAll("'./src/", "'../src/"));
    const r = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    if (i === 0) {
      // 2 m × 5 ns/m + 3.2 ns ± Gaussian jitter (σ = 50 ps): within 5σ of 13,200 ps.
      const arrival = Number(/arrived after (\d+) ps/.exec(r.stdout)?.[1]);
      assert.ok(Math.abs(arrival - 13_200) < 250, r.stdout);
      // Flicker FM at ADEV(1 s) = 1e-11: OADEV at τ = 8 s is flat, within 30% of 1e-11 for
      // 4096 points (NIST SP 1065 Table 5: σ_y(τ) independent of τ for flicker FM).
      const [tau, dev] = r.stdout.trim().split('\n')[1].split(' ').map(Number);
      assert.equal(tau, 8);
      assert.ok(Math.abs(dev / 1e-11 - 1) < 0.3, `dev ${dev}`);
    }
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { philox4x32Blocks } from '../../../src/core/random/philox.ts';
import { philox4x32BlocksWasm } from '../../../src/core/random/philox-wasm.ts';

const u32 = fc.nat({ max: 0xffffffff });

test('the WebAssembly kernel is loaded (Node 20 has WebAssembly)', () => {
  assert.ok(philox4x32BlocksWasm);
});

test('WebAssembly Philox equals the TypeScript reference, bit for bit (property)', () => {
  const wasm = philox4x32BlocksWasm!;
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 70 }), u32, u32, u32, u32, u32, u32, (count, c0, c1, c2, c3, k0, k1) => {
      const a = new Uint32Array(4 * count + 8);
      const b = new Uint32Array(4 * count + 8);
      philox4x32Blocks(a, 4, count, c0, c1, c2, c3, k0, k1);
      wasm(b, 4, count, c0, c1, c2, c3, k0, k1);
      assert.deepEqual(b, a);
    }),
    { numRuns: 300 },
  );
  // The carry from counter word 0 into word 1, explicitly.
  const a = new Uint32Array(16);
  const b = new Uint32Array(16);
  philox4x32Blocks(a, 0, 4, 0xfffffffe, 0xffffffff, 1, 2, 3, 4);
  wasm(b, 0, 4, 0xfffffffe, 0xffffffff, 1, 2, 3, 4);
  assert.deepEqual(b, a);
});

test('WebAssembly Philox reproduces the Random123 known-answer vectors', () => {
  // data/reference/random/philox4x32-10-kat.txt (Random123 kat_vectors, D. E. Shaw Research).
  const vectors = readFileSync('data/reference/random/philox4x32-10-kat.txt', 'utf8')
    .split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.trim().split(/\s+/).map((w) => parseInt(w, 16)));
  const out = new Uint32Array(4);
  for (const [c0, c1, c2, c3, k0, k1, ...expected] of vectors) {
    philox4x32BlocksWasm!(out, 0, 1, c0, c1, c2, c3, k0, k1);
    assert.deepEqual([...out], expected);
  }
});

test('the committed philox.wasm is what its AssemblyScript source compiles to', () => {
  const dir = mkdtempSync(join(tmpdir(), 'philox-wasm-'));
  const built = join(dir, 'philox.wasm');
  const script = JSON.parse(readFileSync('package.json', 'utf8')).scripts['build:wasm'] as string;
  const args = script.replace(/^asc /, '').replace('-o src/core/random/wasm/philox.wasm', `-o ${built}`).split(' ');
  const r = spawnSync(process.execPath, ['node_modules/assemblyscript/bin/asc.js', ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readFileSync(built), readFileSync('src/core/random/wasm/philox.wasm'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { philox4x32 } from '../../../src/core/random/philox.ts';

// Known-answer vectors from Random123's kat_vectors (D. E. Shaw Research), copied to
// data/reference/random/philox4x32-10-kat.txt; see data/reference/SOURCES.md.
const vectors = readFileSync('data/reference/random/philox4x32-10-kat.txt', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => line.trim().split(/\s+/).map((word) => parseInt(word, 16)));

test('Philox4x32-10 reproduces the Random123 known-answer vectors', () => {
  assert.equal(vectors.length, 3);
  const out = new Uint32Array(4);
  for (const [c0, c1, c2, c3, k0, k1, ...expected] of vectors) {
    philox4x32(c0, c1, c2, c3, k0, k1, out);
    assert.deepEqual([...out], expected);
  }
});

test('philox4x32Blocks equals block-by-block computation, including the carry into counter word 1', async () => {
  const { philox4x32Blocks } = await import('../../../src/core/random/philox.ts');
  const many = new Uint32Array(4 * 5);
  philox4x32Blocks(many, 0, 5, 0xfffffffd, 7, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0);
  const one = new Uint32Array(4);
  const counters: [number, number][] = [[0xfffffffd, 7], [0xfffffffe, 7], [0xffffffff, 7], [0, 8], [1, 8]];
  counters.forEach(([c0, c1], j) => {
    philox4x32(c0, c1, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, one);
    assert.deepEqual([...many.subarray(4 * j, 4 * j + 4)], [...one], `block ${j}`);
  });
});

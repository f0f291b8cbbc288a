import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { philox4x32 } from '../../../src/core/random/philox.ts';
import { RandomStream } from '../../../src/core/random/stream.ts';

test('draw i of a stream is word i mod 4 of the Philox block (i div 4, stream) keyed by the seed', () => {
  // The layout documented in stream.ts, checked against the bare block function.
  const seed = 2 ** 40 + 12345;
  const streamId = 2 ** 35 + 7;
  const rng = new RandomStream(seed, streamId);
  const out = new Uint32Array(4);
  for (let block = 0; block < 3; block++) {
    philox4x32(block, 0, streamId % 2 ** 32, Math.floor(streamId / 2 ** 32), seed % 2 ** 32, Math.floor(seed / 2 ** 32), out);
    for (let word = 0; word < 4; word++) assert.equal(rng.uint32(), out[word]);
  }
});

test('a stream does not depend on how it is split into chunks or resumed at a counter', () => {
  fc.assert(
    fc.property(
      fc.nat({ max: 2 ** 53 - 1 }), fc.nat({ max: 2 ** 53 - 1 }), fc.nat({ max: 2 ** 40 }),
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
      (seed, streamId, start, chunks) => {
        const total = chunks.reduce((a, b) => a + b, 0);
        const whole = new RandomStream(seed, streamId, start);
        const expected = Array.from({ length: total }, () => whole.uint32());
        const pieces: number[] = [];
        let counter = start;
        for (const size of chunks) {
          const part = new RandomStream(seed, streamId, counter); // a fresh worker per chunk
          for (let i = 0; i < size; i++) pieces.push(part.uint32());
          counter = part.counter;
        }
        assert.deepEqual(pieces, expected);
      },
    ),
  );
});

test('a stream does not depend on other streams being drawn from in between', () => {
  fc.assert(
    fc.property(fc.nat({ max: 1e9 }), fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 60 }), (seed, schedule) => {
      const alone = [0, 1, 2, 3].map((id) => new RandomStream(seed, id));
      const shared = [0, 1, 2, 3].map((id) => new RandomStream(seed, id));
      const expected: number[][] = [[], [], [], []];
      const interleaved: number[][] = [[], [], [], []];
      for (const id of schedule) interleaved[id].push(shared[id].uniform());
      for (let id = 0; id < 4; id++) {
        for (let i = 0; i < interleaved[id].length; i++) expected[id].push(alone[id].uniform());
      }
      assert.deepEqual(interleaved, expected);
    }),
  );
});

test('different streams and seeds give different numbers', () => {
  const a = new RandomStream(1, 0).uint32();
  assert.notEqual(a, new RandomStream(1, 1).uint32());
  assert.notEqual(a, new RandomStream(2, 0).uint32());
});

test('uniform() lies in [0, 1) and uniformInt(n) in [0, n)', () => {
  fc.assert(
    fc.property(fc.nat({ max: 1e6 }), fc.integer({ min: 1, max: 2 ** 32 }), (seed, n) => {
      const rng = new RandomStream(seed, 3);
      for (let i = 0; i < 20; i++) {
        const u = rng.uniform();
        assert.ok(u >= 0 && u < 1);
        const k = rng.uniformInt(n);
        assert.ok(Number.isInteger(k) && k >= 0 && k < n);
      }
    }),
  );
});

test('uniformInt is unbiased: chi-squared over 7 cells', () => {
  // 7 does not divide 2^32, so a modulo-reduction bug would show as bias. Critical value of the
  // chi-squared distribution with 6 degrees of freedom at p = 0.001: 22.458 (NIST/SEMATECH
  // e-Handbook of Statistical Methods, §1.3.6.7.4, table of upper critical values).
  const rng = new RandomStream(99, 0);
  const counts = new Array(7).fill(0);
  const n = 70000;
  for (let i = 0; i < n; i++) counts[rng.uniformInt(7)]++;
  const expected = n / 7;
  const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
  assert.ok(chi2 < 22.458, `chi2 = ${chi2}`);
});

test('constructor rejects ids that are not exact non-negative integers', () => {
  assert.throws(() => new RandomStream(-1, 0), RangeError);
  assert.throws(() => new RandomStream(1.5, 0), RangeError);
  assert.throws(() => new RandomStream(0, 2 ** 53), RangeError);
});

test('counter advances by exactly the words drawn, across 64-block batches, and resumes there (property)', () => {
  // uint32 takes one word, uniform two; resuming a fresh stream at `counter` continues the sequence
  // even when the counter falls mid-batch or on a batch boundary (256 words).
  fc.assert(
    fc.property(
      fc.nat({ max: 2 ** 40 }), fc.oneof(fc.nat({ max: 600 }), fc.constantFrom(0, 255, 256, 257, 511, 512)),
      fc.array(fc.constantFrom('u32', 'uniform'), { minLength: 1, maxLength: 700 }),
      (start, offset, draws) => {
        const counter0 = start + offset;
        const rng = new RandomStream(5, 3, counter0);
        let words = 0;
        for (const d of draws) {
          if (d === 'u32') { rng.uint32(); words++; } else { rng.uniform(); words += 2; }
          assert.equal(rng.counter, counter0 + words);
        }
        const resumed = new RandomStream(5, 3, rng.counter);
        const expected = new RandomStream(5, 3, counter0 + words);
        assert.equal(resumed.uint32(), expected.uint32());
      },
    ),
    { numRuns: 200 },
  );
});

test('uniform() is (a·2^26 + b)/2^53 from the top 27 and 26 bits of two consecutive words', () => {
  const words = new RandomStream(8, 2);
  const rng = new RandomStream(8, 2);
  for (let i = 0; i < 1000; i++) {
    const a = words.uint32() >>> 5;
    const b = words.uint32() >>> 6;
    assert.equal(rng.uniform(), (a * 2 ** 26 + b) / 2 ** 53);
  }
});

test('uniformInt matches Lemire\'s algorithm in 64-bit BigInt arithmetic, rejections included (property)', () => {
  // Lemire (2019), Algorithm 5: m = x·n; if (m mod 2^32) < n, t = (2^32 − n) mod n and redraw while
  // (m mod 2^32) < t; the result is ⌊m / 2^32⌋. n near 2^31 or 3·2^30 rejects often.
  const nArb = fc.oneof(fc.integer({ min: 1, max: 2 ** 32 - 1 }), fc.constantFrom(3, 2 ** 31 + 1, 3 * 2 ** 30, 2 ** 32 - 1));
  fc.assert(
    fc.property(fc.nat({ max: 1e6 }), nArb, (seed, n) => {
      const rng = new RandomStream(seed, 4);
      const words = new RandomStream(seed, 4);
      const N = BigInt(n);
      const t = (2n ** 32n - N) % N;
      for (let i = 0; i < 50; i++) {
        let m = BigInt(words.uint32()) * N;
        if (m % 2n ** 32n < N) while (m % 2n ** 32n < t) m = BigInt(words.uint32()) * N;
        assert.equal(rng.uniformInt(n), Number(m >> 32n));
        assert.equal(rng.counter, words.counter);
      }
    }),
    { numRuns: 200 },
  );
});

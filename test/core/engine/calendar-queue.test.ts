import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CalendarQueue } from '../../../src/core/engine/calendar-queue.ts';

/**
 * The calendar queue against the obvious specification (a list sorted by time, then sequence),
 * over random interleavings of push and pop, with gap distributions that force resizes, width
 * recalibration and Brown's direct search (gaps of 0, of a few ticks, and of 10^12 ticks).
 */
test('pops in (time, sequence) order under any interleaving of pushes and pops (property)', () => {
  const op = fc.oneof(
    { weight: 3, arbitrary: fc.record({ push: fc.constant(true), gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 0, max: 10 ** 12 })) }) },
    { weight: 2, arbitrary: fc.record({ push: fc.constant(false), gap: fc.constant(0) }) },
  );
  fc.assert(
    fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
      const queue = new CalendarQueue(8);
      const reference: { time: number; seq: number; slot: number }[] = [];
      const freeSlots: number[] = [];
      let nextSlot = 0;
      let seq = 0;
      let now = 0;
      for (const { push, gap } of ops) {
        if (push) {
          const slot = freeSlots.pop() ?? nextSlot++;
          queue.ensureCapacity(nextSlot);
          const time = now + gap;
          queue.push(slot, time, seq);
          reference.push({ time, seq, slot });
          seq++;
        } else {
          reference.sort((a, b) => a.time - b.time || a.seq - b.seq);
          const expected = reference.shift();
          const got = queue.pop();
          if (expected === undefined) {
            assert.equal(got, -1);
          } else {
            assert.equal(got, expected.slot);
            now = expected.time;
            freeSlots.push(got);
          }
        }
        assert.equal(queue.size, reference.length);
      }
    }),
    { numRuns: 60 },
  );
});

test('near 2^53, with peek and popUntil: still exactly (time, sequence) order (property)', () => {
  // Times start just below the horizon (2^53 − 1), where day numbers pass 2^31 (the `%` path of
  // bucketOf) and a day's end is at most 2^53; popUntil must stop at its bound and peek not remove.
  const op = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('push' as const), gap: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 10 ** 9 })) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('pop' as const, 'peek' as const), gap: fc.constant(0) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('until' as const), gap: fc.integer({ min: 0, max: 10 ** 9 }) }) },
  );
  fc.assert(
    fc.property(fc.constantFrom(0, 2 ** 53 - 1 - 10 ** 13, 2 ** 40 + 1), fc.array(op, { maxLength: 2000 }), (base, ops) => {
      const queue = new CalendarQueue(8);
      const reference: { time: number; seq: number; slot: number }[] = [];
      const freeSlots: number[] = [];
      let nextSlot = 0;
      let seq = 0;
      let now = base;
      for (const { kind, gap } of ops) {
        reference.sort((a, b) => a.time - b.time || a.seq - b.seq);
        if (kind === 'push') {
          const slot = freeSlots.pop() ?? nextSlot++;
          queue.ensureCapacity(nextSlot);
          const time = Math.min(now + gap, Number.MAX_SAFE_INTEGER);
          queue.push(slot, time, seq++);
          reference.push({ time, seq: seq - 1, slot });
        } else if (kind === 'peek') {
          assert.equal(queue.peek(), reference[0]?.slot ?? -1);
        } else {
          const bound = kind === 'pop' ? Infinity : now + gap;
          const due = reference.length > 0 && reference[0].time <= bound;
          const got = queue.popUntil(bound);
          if (!due) {
            assert.equal(got, -1);
          } else {
            const expected = reference.shift()!;
            assert.equal(got, expected.slot);
            assert.equal(queue.timeOf(got), expected.time);
            now = expected.time;
            freeSlots.push(got);
          }
        }
        assert.equal(queue.size, reference.length);
      }
    }),
    { numRuns: 60 },
  );
});

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

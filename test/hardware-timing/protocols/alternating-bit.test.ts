import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runAlternatingBit } from '../../../src/hardware-timing/protocols/alternating-bit.ts';
import { judgeHistory } from '../../../src/causality/delivery/index.ts';

test('property: over a FIFO channel that loses any frames, with any timeout, the alternating bit delivers each message once, in order', () => {
  fc.assert(fc.property(
    fc.array(fc.boolean(), { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 100 }),
    (losses, delays, timeoutTicks) => {
      // Losses only among the first frames, so every message eventually gets through.
      const history = runAlternatingBit({
        messages: 12, lost: (n) => losses[n] === true, delayTicks: (n) => delays[n % delays.length], timeoutTicks, fifo: true,
      });
      const v = judgeHistory(history);
      assert.equal(v.semantics, 'exactly-once');
      assert.equal(v.delivered, 12);
      const order = history.filter((r) => r.type === 'recv').map((r) => Number(r.msg.slice(1, r.msg.indexOf('#'))));
      assert.deepEqual(order, Array.from({ length: 12 }, (_, i) => i));
    }), { seed: 21, numRuns: 300 });
});

test('a channel that lets a late copy overtake breaks it: a stale frame with the expected bit is delivered again', () => {
  // Timeout shorter than the round trip (so copies are in flight) and frames that overtake each
  // other: the search finds histories with duplicates.
  let found = 0;
  fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 4, maxLength: 20 }), (delays) => {
    const v = judgeHistory(runAlternatingBit({ messages: 6, lost: () => false, delayTicks: (n) => delays[n % delays.length], timeoutTicks: 10, fifo: false }));
    if (v.duplicates > 0 || v.semantics !== 'exactly-once') found++;
  }), { seed: 22, numRuns: 200 });
  assert.ok(found > 0, 'no duplicate found without FIFO order');
});

test('retransmissions are counted as retries; a timeout shorter than the round trip retries without duplicating', () => {
  const v = judgeHistory(runAlternatingBit({ messages: 5, lost: () => false, delayTicks: () => 10, timeoutTicks: 15, fifo: true }));
  assert.equal(v.semantics, 'exactly-once');
  assert.ok(v.retries >= 5);
});

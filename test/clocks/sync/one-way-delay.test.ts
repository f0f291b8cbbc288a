import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { twoWayTimestamps } from '../../../src/clocks/sync/two-way.ts';
import { ntpOffset } from '../../../src/clocks/sync/ntp/index.ts';
import { ptpE2e } from '../../../src/clocks/sync/ptp/index.ts';
import { cristianOffset } from '../../../src/clocks/sync/cristian.ts';

// Integer nanoseconds (below 2^40) keep every sum exact in doubles, so the properties hold with
// equality, not up to rounding.
const ns = fc.integer({ min: 0, max: 2 ** 40 });
const signedNs = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });
const exchange = fc.record({ t1: ns, offset: signedNs, forwardDelay: ns, returnDelay: ns, turnaround: ns });

/**
 * Each two-way algorithm's estimate of the server-minus-client offset from the four timestamps.
 * PTP's offsetFromMaster is slave (client) minus master (server), hence the sign.
 */
const algorithms: Record<string, (t: { t1: number; t2: number; t3: number; t4: number }) => number> = {
  'NTP on-wire (RFC 5905 §8)': (t) => ntpOffset(t),
  // PTP's order starts at the master: its Sync is the server's reply (t3 → t4), the Delay_Req
  // the client's request (t1 → t2).
  'PTP end-to-end (IEEE 1588-2019 §11.3)': (t) => -ptpE2e({ t1: t.t3, t2: t.t4, t3: t.t1, t4: t.t2 }).offsetFromMaster,
  // Cristian with the server's processing time known (t3 − t2) and removed from the round trip.
  // (the request's send time moved later by it, so the round trip counts only the two paths).
  'Cristian (1989), server time at reply': (t) => cristianOffset({ requestLocal: t.t1 + (t.t3 - t.t2), replyLocal: t.t4, serverTime: t.t3 }),
};

test('every two-way algorithm errs by exactly half the path asymmetry (fast-check)', () => {
  for (const [name, estimate] of Object.entries(algorithms)) {
    fc.assert(fc.property(exchange, (x) => {
      const error = estimate(twoWayTimestamps(x)) - x.offset + 0;
      assert.equal(error, (x.forwardDelay - x.returnDelay) / 2 + 0, name);
    }), { numRuns: 2000 });
  }
});

test('the asymmetry is unobservable: shifting s from the offset into the delays leaves every timestamp unchanged', () => {
  fc.assert(fc.property(exchange, signedNs, (x, s) => {
    fc.pre(x.forwardDelay - s >= 0 && x.returnDelay + s >= 0);
    const other = { ...x, offset: x.offset + s, forwardDelay: x.forwardDelay - s, returnDelay: x.returnDelay + s };
    assert.deepEqual(twoWayTimestamps(other), twoWayTimestamps(x));
    // So every estimator returns the same number for both worlds, and is wrong in at least one of them.
    for (const estimate of Object.values(algorithms)) {
      assert.equal(estimate(twoWayTimestamps(other)), estimate(twoWayTimestamps(x)));
    }
  }), { numRuns: 2000 });
});

test('exhaustively on a small grid: error = asymmetry/2 for all offsets and delays 0…6 ns', () => {
  let cases = 0;
  for (let offset = -6; offset <= 6; offset++) {
    for (let f = 0; f <= 6; f++) {
      for (let r = 0; r <= 6; r++) {
        for (let turn = 0; turn <= 2; turn++) {
          const t = twoWayTimestamps({ t1: 100, offset, forwardDelay: f, returnDelay: r, turnaround: turn });
          for (const estimate of Object.values(algorithms)) assert.equal(estimate(t) - offset + 0, (f - r) / 2 + 0); // + 0: -0 and 0 are the same error
          cases++;
        }
      }
    }
  }
  assert.equal(cases, 13 * 7 * 7 * 3);
});

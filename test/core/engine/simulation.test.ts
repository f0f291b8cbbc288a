import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Simulation, type Observer } from '../../../src/core/engine/simulation.ts';
import { TimeRangeError } from '../../../src/core/time/timebase.ts';

/**
 * A scenario: initial events, and for each event run, children it schedules (delays) and events it
 * cancels. The engine's run order is compared with the specification: sort all scheduled,
 * non-cancelled events by (time, order of scheduling).
 */
interface Spec {
  initial: { delay: number; cancel: boolean }[];
  children: number[][]; // delays scheduled by the k-th event to run (cycled)
}

function runScenario(spec: Spec, resolution: 'ps' | 'ns' = 'ns', observer?: Observer, capacity = 16) {
  const sim = new Simulation({ resolution, capacity });
  if (observer) sim.observe(observer);
  const ran: number[] = []; // scheduling ordinal of each event run
  const scheduled: { ordinal: number; time: number; cancelled: boolean }[] = [];
  let ordinal = 0;
  let runCount = 0;
  const ids = new Map<number, number>();
  const entity = sim.entity('e', (s, _e, _kind, data) => {
    ran.push(data);
    assert.equal(s.now, scheduled[data].time);
    const delays = spec.children.length > 0 ? spec.children[runCount % spec.children.length] : [];
    runCount++;
    if (ordinal < 400) {
      for (const d of delays) {
        const o = ordinal++;
        scheduled.push({ ordinal: o, time: s.now + d, cancelled: false });
        ids.set(o, s.schedule(d, entity, 0, o));
      }
    }
  });
  for (const { delay } of spec.initial) {
    const o = ordinal++;
    scheduled.push({ ordinal: o, time: delay, cancelled: false });
    ids.set(o, sim.schedule(delay, entity, 0, o));
  }
  spec.initial.forEach(({ cancel }, o) => {
    if (cancel) {
      scheduled[o].cancelled = true;
      assert.equal(sim.cancel(ids.get(o)!), true);
      assert.equal(sim.cancel(ids.get(o)!), false); // a second cancel is a no-op
    }
  });
  sim.run();
  return { ran, scheduled, sim };
}

function expectedOrder(scheduled: { ordinal: number; time: number; cancelled: boolean }[]): number[] {
  return scheduled
    .filter((e) => !e.cancelled)
    .sort((a, b) => a.time - b.time || a.ordinal - b.ordinal)
    .map((e) => e.ordinal);
}

const delayArb = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 0, max: 10 ** 13 })); // 400 chained events stay below 2^53
const specArb = fc.record({
  initial: fc.array(fc.record({ delay: delayArb, cancel: fc.boolean() }), { maxLength: 60 }),
  children: fc.array(fc.array(delayArb, { maxLength: 3 }), { maxLength: 5 }),
});

test('run order is a total order: by time, then by order of scheduling (property)', () => {
  fc.assert(
    fc.property(specArb, (spec) => {
      const { ran, scheduled } = runScenario(spec);
      assert.deepEqual(ran, expectedOrder(scheduled));
      // Times never decrease along the run.
      for (let i = 1; i < ran.length; i++) assert.ok(scheduled[ran[i]].time >= scheduled[ran[i - 1]].time);
    }),
    { numRuns: 300 },
  );
});

test('exhaustive: every insertion order of up to 6 events over 3 distinct times runs in (time, FIFO) order', () => {
  // All 3^n assignments of times {0, 1, 2} to n events, n ≤ 6: 1092 cases.
  for (let n = 1; n <= 6; n++) {
    for (let code = 0; code < 3 ** n; code++) {
      const initial = Array.from({ length: n }, (_, i) => ({ delay: Math.floor(code / 3 ** i) % 3, cancel: false }));
      const { ran, scheduled } = runScenario({ initial, children: [] });
      assert.deepEqual(ran, expectedOrder(scheduled));
    }
  }
});

test('an observer sees every event, in run order, without changing the run', () => {
  fc.assert(
    fc.property(specArb, (spec) => {
      const seen: number[] = [];
      const observed = runScenario(spec, 'ns', { onEvent: (_t, _e, _k, data) => seen.push(data) });
      const plain = runScenario(spec);
      assert.deepEqual(seen, observed.ran);
      assert.deepEqual(observed.ran, plain.ran);
    }),
    { numRuns: 100 },
  );
});

test('many events at one instant run first-in first-out', () => {
  const sim = new Simulation();
  const order: number[] = [];
  const e = sim.entity('sink', (_s, _e, _k, data) => order.push(data));
  for (let i = 0; i < 20000; i++) sim.schedule(5, e, 0, i);
  sim.run();
  assert.equal(order.length, 20000);
  assert.ok(order.every((v, i) => v === i));
});

test('events far apart in time (1 tick to 10^15 ticks) still run in order', () => {
  const sim = new Simulation({ resolution: 'ps' });
  const times: number[] = [];
  const e = sim.entity('sink', (s) => times.push(s.now));
  const input = [10 ** 15, 1, 10 ** 9, 3, 10 ** 12, 2, 7 * 10 ** 14, 0];
  for (const t of input) sim.schedule(t, e);
  sim.run();
  assert.deepEqual(times, [...input].sort((a, b) => a - b));
});

test('untilTicks stops before later events and leaves now at the bound; maxEvents counts', () => {
  const sim = new Simulation();
  const seen: number[] = [];
  const e = sim.entity('x', (s) => seen.push(s.now));
  for (const t of [5, 10, 15, 20]) sim.schedule(t, e);
  assert.equal(sim.run({ untilTicks: 12 }), 2);
  assert.equal(sim.now, 12);
  assert.equal(sim.run({ maxEvents: 1 }), 1);
  assert.deepEqual(seen, [5, 10, 15]);
  assert.equal(sim.pending, 1);
});

test('named entities: ids in registration order, lookups both ways, duplicates rejected', () => {
  const sim = new Simulation();
  const a = sim.entity('nic-a', () => {});
  const b = sim.entity('nic-b', () => {});
  assert.deepEqual([a, b], [0, 1]);
  assert.equal(sim.entityId('nic-b'), 1);
  assert.equal(sim.entityName(0), 'nic-a');
  assert.throws(() => sim.entity('nic-a', () => {}));
});

test('a stale event id cannot cancel the event that reused its slot', () => {
  const sim = new Simulation({ capacity: 16 });
  let runs = 0;
  const e = sim.entity('x', () => runs++);
  const first = sim.schedule(1, e);
  sim.run();
  const second = sim.schedule(1, e);
  assert.notEqual(first, second);
  assert.equal(sim.cancel(first), false);
  sim.run();
  assert.equal(runs, 2);
});

test('time errors: negative or fractional delays and events past the horizon throw, never round', () => {
  const sim = new Simulation({ resolution: 'ps' });
  const e = sim.entity('x', () => {});
  assert.throws(() => sim.schedule(-1, e), TimeRangeError);
  assert.throws(() => sim.schedule(0.5, e), TimeRangeError);
  assert.throws(() => sim.schedule(Number.MAX_SAFE_INTEGER + 1, e), TimeRangeError);
  assert.throws(() => sim.schedule(NaN, e), TimeRangeError);
  sim.schedule(Number.MAX_SAFE_INTEGER, e); // the horizon itself is representable
  sim.run();
  assert.equal(sim.now, Number.MAX_SAFE_INTEGER);
  assert.throws(() => sim.schedule(1, e), TimeRangeError);
  assert.throws(() => sim.scheduleAt(5, e), TimeRangeError); // before now
});

test('a handler that throws consumes its event and leaves the engine usable', () => {
  const sim = new Simulation();
  const seen: number[] = [];
  const e = sim.entity('x', (_s, _e, _k, data) => {
    seen.push(data);
    if (data === 1) throw new Error('boom');
  });
  sim.schedule(1, e, 0, 1);
  sim.schedule(2, e, 0, 2);
  assert.throws(() => sim.run(), /boom/);
  sim.run();
  assert.deepEqual(seen, [1, 2]);
});

test('scheduling for an entity that does not exist fails at once, not when the event runs', () => {
  const sim = new Simulation();
  const e = sim.entity('x', () => {});
  assert.throws(() => sim.schedule(1, e + 1), /no entity with id 1/);
  assert.throws(() => sim.scheduleAt(1, -1), /no entity with id -1/);
  assert.throws(() => sim.schedule(1, 0.5), /no entity with id 0.5/);
});

test('a run stopped by maxEvents before untilTicks does not move now past the events left', () => {
  // Regression: now jumped to untilTicks, so the next run moved time backwards to 20.
  const sim = new Simulation();
  const seen: number[] = [];
  const e = sim.entity('x', (s) => seen.push(s.now));
  for (const t of [10, 20, 30]) sim.schedule(t, e);
  assert.equal(sim.run({ untilTicks: 100, maxEvents: 1 }), 1);
  assert.equal(sim.now, 10);
  sim.run({ untilTicks: 25 });
  assert.equal(sim.now, 25);
  sim.run();
  assert.deepEqual(seen, [10, 20, 30]);
});

test('untilTicks reaches the bound when only cancelled events are due by then', () => {
  const sim = new Simulation();
  const e = sim.entity('x', () => {});
  const id = sim.schedule(10, e);
  sim.schedule(50, e);
  sim.cancel(id);
  assert.equal(sim.run({ untilTicks: 20, maxEvents: 0 }), 0);
  assert.equal(sim.now, 20);
  assert.equal(sim.pending, 1); // the cancelled event was discarded
});

test('time never decreases over any sequence of bounded runs (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 40 }),
      fc.array(fc.record({ until: fc.integer({ min: 0, max: 1200 }), max: fc.integer({ min: 0, max: 5 }) }), { maxLength: 20 }),
      (times, runs) => {
        const sim = new Simulation();
        let last = 0;
        const e = sim.entity('x', (s) => {
          assert.ok(s.now >= last);
          last = s.now;
        });
        for (const t of times) sim.schedule(t, e);
        for (const { until, max } of runs) {
          const before = sim.now;
          sim.run({ untilTicks: Math.max(until, sim.now), maxEvents: max });
          assert.ok(sim.now >= before);
          last = sim.now;
        }
        sim.run();
        assert.equal(sim.pending, 0);
      },
    ),
  );
});

test('cancelling from handlers, events due soon or far off: cancelled ones never run, the rest in order (property)', () => {
  // Each event run schedules children and tries to cancel one earlier-scheduled event: one due at
  // the same instant or soon (in the queue's sorted bottom) or far off (in its bucket lists).
  fc.assert(
    fc.property(
      fc.array(delayArb, { minLength: 1, maxLength: 40 }),
      fc.array(fc.record({ delays: fc.array(delayArb, { maxLength: 3 }), cancel: fc.nat() }), { minLength: 1, maxLength: 8 }),
      fc.constantFrom(16, 4096),
      (initial, steps, capacity) => {
        const sim = new Simulation({ capacity });
        const events: { time: number; id: number; ran: boolean; cancelled: boolean }[] = [];
        const ran: number[] = [];
        let k = 0;
        const e = sim.entity('e', (s, _e, _kind, data) => {
          assert.equal(events[data].cancelled, false);
          events[data].ran = true;
          ran.push(data);
          const step = steps[k++ % steps.length];
          if (events.length < 300) {
            for (const d of step.delays) events.push({ time: s.now + d, id: s.schedule(d, e, 0, events.length), ran: false, cancelled: false });
          }
          const victim = events[step.cancel % events.length];
          const expected = !victim.ran && !victim.cancelled;
          assert.equal(s.cancel(victim.id), expected);
          if (expected) victim.cancelled = true;
        });
        for (const d of initial) events.push({ time: d, id: sim.schedule(d, e, 0, events.length), ran: false, cancelled: false });
        sim.run();
        const expectedOrder = events
          .map((ev, ordinal) => ({ ...ev, ordinal }))
          .filter((ev) => !ev.cancelled)
          .sort((a, b) => a.time - b.time || a.ordinal - b.ordinal)
          .map((ev) => ev.ordinal);
        assert.deepEqual(ran, expectedOrder);
        assert.equal(sim.pending, 0);
      },
    ),
    { numRuns: 200 },
  );
});

test('the run order does not depend on the initial capacity (slot assignment, growth) (property)', () => {
  fc.assert(
    fc.property(specArb, (spec) => {
      assert.deepEqual(runScenario(spec, 'ns', undefined, 1 << 14).ran, runScenario(spec).ran);
    }),
    { numRuns: 50 },
  );
});

test('payloads reach their handler; kind and data are delivered as scheduled', () => {
  const sim = new Simulation();
  const got: unknown[] = [];
  const e = sim.entity('x', (_s, _e, kind, data, payload) => got.push([kind, data, payload]));
  const frame = { bytes: 64 };
  sim.schedule(2, e, 3, 0.25, frame);
  const id = sim.schedule(1, e, 1, 1, { cancelled: true });
  sim.schedule(3, e, 4, -7);
  sim.cancel(id);
  sim.run();
  assert.deepEqual(got, [[3, 0.25, frame], [4, -7, undefined]]);
  assert.equal(got[0] && (got[0] as unknown[])[2], frame);
});

test('cancel ignores ids that are not event ids', () => {
  const sim = new Simulation({ capacity: 16 });
  const seen: number[] = [];
  const e = sim.entity('x', (_s, entity) => seen.push(entity));
  sim.schedule(5, e);
  sim.schedule(5, e);
  sim.schedule(5, e);
  for (const bogus of [-1, 1.5, 8.25, NaN, Infinity]) assert.equal(sim.cancel(bogus), false);
  sim.run();
  assert.deepEqual(seen, [e, e, e]);
});

test('capacity: at most 2^24 pending events (event ids pack the slot in 24 bits)', () => {
  assert.throws(() => new Simulation({ capacity: 2 ** 24 + 1 }), /capacity must be an integer from 0 to 16777216/);
  assert.throws(() => new Simulation({ capacity: 100.5 }), RangeError);
});

test('cancel refuses ids that were never issued', () => {
  const sim = new Simulation({ capacity: 16 });
  const e = sim.entity('x', () => {});
  assert.equal(sim.cancel(0), false); // slot 0, generation 0: never scheduled
  assert.equal(sim.cancel(5), false);
  for (let i = 0; i < 40; i++) sim.schedule(i, e); // grows past the initial 16 slots
  assert.equal(sim.cancel(17 + 3 * 2 ** 24), false); // a generation the slot never had
  assert.equal(sim.cancel(63), false); // a slot added by growth, never used
});

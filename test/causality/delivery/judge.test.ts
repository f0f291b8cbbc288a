import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DeliveryJudge, judgeHistory, type DeliveryRecord } from '../../../src/causality/delivery/index.ts';
import { InputError } from '../../../src/core/errors.ts';
import { Trace } from '../../../src/causality/index.ts';

const send = (host: string, msg: string, stream?: string): DeliveryRecord => ({ host, type: 'send', msg, label: 'send', stream });
const retry = (host: string, msg: string): DeliveryRecord => ({ host, type: 'send', msg, label: 'retry' });
const deliver = (host: string, msg: string): DeliveryRecord => ({ host, type: 'recv', msg, label: 'deliver' });
const report = (host: string, msg: string): DeliveryRecord => ({ host, type: 'local', msg, label: 'undeliverable' });

test('a clean history is exactly-once; wire records with other labels are ignored', () => {
  const v = judgeHistory([
    send('a', 'm1'), { host: 'a', type: 'send', msg: 'm1', label: 'TIK' }, { host: 'b', type: 'recv', msg: 'm1', label: 'TIK' },
    deliver('b', 'm1'), send('a', 'm2'), report('a', 'm2'),
  ]);
  assert.deepEqual(v, {
    sent: 2, delivered: 1, deliveries: 1, duplicates: 0, lost: 0, reportedUndeliverable: 1, falselyReported: 0,
    retries: 0, phantoms: 0, reordered: 0, semantics: 'exactly-once',
  });
});

test('classifies the four cases by hand-counted histories', () => {
  // at-least-once: m1 delivered twice after a retry, nothing lost.
  const a = judgeHistory([send('a', 'm1'), deliver('b', 'm1'), retry('a', 'm1'), deliver('b', 'm1')]);
  assert.equal(a.duplicates, 1);
  assert.equal(a.retries, 1);
  assert.equal(a.semantics, 'at-least-once');
  // at-most-once: m2 vanished, nobody told.
  const b = judgeHistory([send('a', 'm1'), deliver('b', 'm1'), send('a', 'm2')]);
  assert.equal(b.lost, 1);
  assert.equal(b.semantics, 'at-most-once');
  // none: one duplicate and one loss.
  const c = judgeHistory([send('a', 'm1'), deliver('b', 'm1'), deliver('b', 'm1'), send('a', 'm2')]);
  assert.equal(c.semantics, 'none');
  // A report of undeliverable for a message that was delivered breaks exactly-once.
  const d = judgeHistory([send('a', 'm1'), deliver('b', 'm1'), report('a', 'm1')]);
  assert.equal(d.falselyReported, 1);
  assert.equal(d.semantics, 'at-least-once');
  // A delivery nobody sent is a phantom.
  const e = judgeHistory([deliver('b', 'x')]);
  assert.equal(e.phantoms, 1);
  assert.equal(e.semantics, 'at-least-once');
});

test('order is judged per stream: a late delivery of an earlier send counts as reordered', () => {
  const v = judgeHistory([
    send('a', '1', 's'), send('a', '2', 's'), send('c', '9', 't'), send('a', '3', 's'),
    deliver('b', '2'), deliver('d', '9'), deliver('b', '1'), deliver('b', '3'),
  ]);
  assert.equal(v.reordered, 1);
  assert.equal(judgeHistory([send('a', '1', 's'), send('a', '2', 's'), deliver('b', '1'), deliver('e', '2')]).reordered, 0);
});

test('malformed records are bad input naming the source and record', () => {
  assert.throws(() => judgeHistory([send('a', 'm'), { host: 'a', type: 'sned', msg: 'm' } as unknown as DeliveryRecord], 'trace.json'),
    (e: unknown) => e instanceof InputError && /^trace\.json: record 1: 'type' is "sned"/.test(e.message));
  assert.throws(() => judgeHistory([{ host: 1, type: 'send', msg: 'm' } as unknown as DeliveryRecord]), InputError);
  assert.throws(() => new DeliveryJudge().send(-1), RangeError);
});

test('property: the verdict matches the ground truth of a random shuffled history', () => {
  // Each message gets a number of deliveries (0–3), maybe a report, maybe retries; the expected
  // counts are tallied from that plan, independently of the judge.
  const plan = fc.array(fc.record({
    deliveries: fc.integer({ min: 0, max: 3 }), reported: fc.boolean(), retries: fc.integer({ min: 0, max: 2 }),
  }), { maxLength: 40 });
  fc.assert(fc.property(plan, fc.integer(), (messages, salt) => {
    const sends: DeliveryRecord[] = [];
    const rest: DeliveryRecord[] = [];
    messages.forEach((m, i) => {
      sends.push(send('a', `m${i}`));
      for (let k = 0; k < m.retries; k++) rest.push(retry('a', `m${i}`));
      for (let k = 0; k < m.deliveries; k++) rest.push(deliver('b', `m${i}`));
      if (m.reported) rest.push(report('a', `m${i}`));
    });
    // Deterministic shuffle of everything after the sends.
    const shuffled = rest.map((r, i) => ({ r, key: Math.imul(i + 1, 2654435761) ^ salt })).sort((x, y) => x.key - y.key).map((x) => x.r);
    const v = judgeHistory([...sends, ...shuffled]);
    const expected = {
      delivered: messages.filter((m) => m.deliveries > 0).length,
      duplicates: messages.reduce((s, m) => s + Math.max(0, m.deliveries - 1), 0),
      lost: messages.filter((m) => m.deliveries === 0 && !m.reported).length,
      reportedUndeliverable: messages.filter((m) => m.deliveries === 0 && m.reported).length,
      falselyReported: messages.filter((m) => m.deliveries > 0 && m.reported).length,
      retries: messages.reduce((s, m) => s + m.retries, 0),
    };
    for (const [key, value] of Object.entries(expected)) assert.equal(v[key as keyof typeof expected], value, key);
    assert.equal(v.sent, messages.length);
    const clean = expected.duplicates === 0 && expected.falselyReported === 0;
    assert.equal(v.semantics, expected.lost === 0 ? (clean ? 'exactly-once' : 'at-least-once') : (clean ? 'at-most-once' : 'none'));
  }), { seed: 7, numRuns: 300 });
});

test('copies written ID#k (one wire id per copy, as the causality model wants) are judged as their message', () => {
  const v = judgeHistory([send('a', 'm1#0'), { host: 'a', type: 'send', msg: 'm1#1', label: 'retry' }, deliver('b', 'm1#0'), deliver('b', 'm1#1')]);
  assert.equal(v.sent, 1);
  assert.equal(v.retries, 1);
  assert.equal(v.duplicates, 1);
  // The same history is a valid causality trace: every wire id is sent once and received once.
  const trace = Trace.fromRaw([send('a', 'm1#0'), { host: 'a', type: 'send', msg: 'm1#1', label: 'retry' }, deliver('b', 'm1#0'), deliver('b', 'm1#1')]);
  assert.equal(trace.events.length, 4);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENTL_WATCHDOG_NS, EntlStateMachine, runEntlPair } from '../../../src/hardware-timing/protocols/entl.ts';

// Expected behaviour read from earthcomputing/NALDD entl_state_machine.c (entl_received,
// entl_next_send) and entl_device.c (entl_watchdog_task).

test('HELLO: the larger address waits and starts the count; the smaller takes EVENT 0 into SEND', () => {
  for (const [a, b] of [[10, 5], [5, 10]]) {
    const { trace } = runEntlPair(a, b, 3);
    const larger = a > b ? 'A' : 'B';
    const first = trace.find((t) => t.message.kind === 'EVENT')!;
    assert.equal(first.from, larger);
    assert.equal(first.message.value, 0);
  }
});

test('event numbers advance by 2, each side sees one parity, the token alternates', () => {
  const { trace } = runEntlPair(0x0a, 0x05, 20);
  const events = trace.filter((t) => t.message.kind === 'EVENT');
  assert.ok(events.length >= 30);
  for (const side of ['A', 'B'] as const) {
    const values = events.filter((e) => e.from === side).map((e) => e.message.value);
    const parity = values[0] % 2;
    assert.ok(values.every((v) => v % 2 === parity), `${side}: ${values}`);
    for (let i = 1; i < values.length; i++) assert.equal(values[i] - values[i - 1], 2);
  }
  for (let i = 1; i < events.length; i++) assert.notEqual(events[i].from, events[i - 1].from);
  assert.deepEqual(events.slice(0, 4).map((e) => e.message.value), [0, 1, 2, 3]);
});

test('an out-of-sequence event resets to HELLO and reports ERROR until the error is read', () => {
  const { a } = runEntlPair(10, 5, 4);
  assert.equal(a.state === 'SEND' || a.state === 'RECEIVE', true);
  const stateBefore = a.state;
  a.received({ kind: 'EVENT', value: a.eventIKnow + 7, from: 5 });
  assert.equal(a.state, 'ERROR', `from ${stateBefore}`);
  assert.deepEqual(a.readErrorState().length, 1);
  assert.equal(a.state, 'HELLO');
  assert.equal(a.eventIKnow + a.eventISent + a.eventSendNext, 0);
});

test('AIT: AM, AH, BM, BH in order; delivered on the final ACK, the sender drops its copy on sending it', () => {
  const { a, b, trace } = runEntlPair(10, 5, 10, new Map([[3, 'token']]));
  const kinds = trace.map((t) => `${t.from}:${t.message.kind}:${t.stateA}:${t.stateB}`);
  const ait = kinds.findIndex((k) => k.startsWith('A:AIT'));
  assert.ok(ait > 0, kinds.join(' '));
  assert.deepEqual(kinds.slice(ait, ait + 3), ['A:AIT:AM:AH', 'B:ACK:BM:BH', 'A:ACK:RECEIVE:SEND']);
  assert.deepEqual(b.receiveQueue, ['token']);
  assert.deepEqual(a.sendQueue, []);
});

test('equal addresses are an error; the watchdog period is the driver\'s one second', () => {
  const a = new EntlStateMachine(7);
  a.linkUp();
  a.received({ kind: 'HELLO', value: 0, from: 7 });
  assert.equal(a.state, 'ERROR');
  assert.equal(ENTL_WATCHDOG_NS, 1e9); // entl_device.c: wakeup = 1 * HZ
});

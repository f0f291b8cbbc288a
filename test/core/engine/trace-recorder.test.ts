import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Simulation } from '../../../src/core/engine/simulation.ts';
import { TraceRecorder } from '../../../src/core/engine/trace-recorder.ts';

test('TraceRecorder records every event in run order and writes CSV with units', () => {
  const sim = new Simulation({ resolution: 'us' });
  const trace = new TraceRecorder();
  sim.observe(trace);
  const ping = sim.entity('ping', (s, _e, kind, data) => {
    if (data < 3000) s.schedule(250, pong, kind + 1, data + 1000);
  });
  const pong = sim.entity('pong, "b"', (s, _e, kind, data) => s.schedule(250, ping, kind + 1, data + 1000));
  sim.schedule(0, ping, 0, 0);
  sim.run();
  assert.equal(trace.length, 5); // ping 0, pong 1000, ping 2000, pong 3000, ping 4000 (stops)
  assert.deepEqual(trace.event(3), { timeTicks: 750, entity: pong, kind: 3, data: 3000 });
  assert.equal(
    trace.toCsv(sim),
    'time_ticks,time_s,entity,kind,data\n0,0,ping,0,0\n250,0.00025,"pong, ""b""",1,1000\n500,0.0005,ping,2,2000\n750,0.00075,"pong, ""b""",3,3000\n1000,0.001,ping,4,4000\n',
  );
});

test('TraceRecorder grows past its initial capacity and honours a limit', () => {
  const sim = new Simulation();
  const all = new TraceRecorder();
  const some = new TraceRecorder(10);
  sim.observe(all);
  sim.observe(some);
  const e = sim.entity('x', () => {});
  for (let i = 0; i < 5000; i++) sim.schedule(i, e, 0, i);
  sim.run();
  assert.equal(all.length, 5000);
  assert.equal(all.event(4999).data, 4999);
  assert.equal(some.length, 10);
  assert.equal(some.dropped, 4990);
});

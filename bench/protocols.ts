import type { Benchmark } from './benchmark.ts';
import { integerOption } from '../src/cli/options.ts';
import { RandomStream } from '../src/core/random/index.ts';
import { EntlStateMachine } from '../src/hardware-timing/protocols/entl.ts';
import { receiverReceive, senderReceive, type ReceiverState, type SenderState } from '../src/hardware-timing/protocols/handshake.ts';
import { simulateExactlyOnce } from '../src/hardware-timing/exactly-once/index.ts';
import { mesh8 } from '../src/hardware-timing/topology/index.ts';

/**
 * `chronotope bench protocols`: how many protocol events per second the link state machines
 * execute on one core. A protocol event is one message taken in by a state machine and the
 * transition it causes (for ENTL: `received` at one end plus `nextSend` at the other; for the
 * atomic handshake: one of its four messages at the end that receives it). Also reports the whole
 * exactly-once simulation (64 nodes, TIKTYKTIK, 10 % link failures) in engine events per second,
 * where the discrete-event engine, routing and the judge are included.
 */
function entlEvents(messages: number): number {
  const a = new EntlStateMachine(10);
  const b = new EntlStateMachine(5);
  a.linkUp();
  b.linkUp();
  let sink = 0;
  for (let i = 0; i < messages; i++) {
    // Every 16th turn of A carries an AIT message, so AM/AH/BM/BH are exercised too.
    if ((i & 15) === 0 && a.sendQueue.length === 0) a.sendAit('x');
    const [self, peer] = (i & 1) === 0 ? [a, b] : [b, a];
    const m = self.nextSend();
    peer.received(m);
    sink += m.value;
  }
  return sink;
}

/**
 * 4096 concurrent hops, each a sender and a receiver state; messages arrive for hops in an order
 * drawn once from a Philox stream (so the JIT cannot fold the work away), each advancing its hop.
 */
const HOPS = 4096;
const SENDER_STATES: readonly SenderState[] = ['HOLD', 'SENT', 'ACKED', 'DONE'];
function handshakeEvents(events: number, order: Uint16Array): number {
  const s: SenderState[] = new Array(HOPS).fill('SENT');
  const r: ReceiverState[] = new Array(HOPS).fill('NONE');
  const step = new Uint8Array(HOPS);
  let committed = 0;
  for (let i = 0; i < events; i++) {
    const h = order[i & (order.length - 1)];
    const k = step[h];
    if (k === 0 || k === 2) {
      const next = receiverReceive(r[h], k).state;
      if (next === 'COMMITTED' && r[h] !== 'COMMITTED') committed++;
      r[h] = next;
    } else {
      s[h] = senderReceive(s[h], k as 1 | 3).state;
    }
    if (k === 3) {
      s[h] = SENDER_STATES[1];
      r[h] = 'NONE';
      step[h] = 0;
    } else step[h] = k + 1;
  }
  return committed;
}

function rate(run: () => unknown, events: number, repeats: number): { perSecond: number; min: number; max: number } {
  run(); // warm-up
  const rates: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    run();
    rates.push(events / ((performance.now() - t0) / 1000));
  }
  rates.sort((x, y) => x - y);
  return { perSecond: Math.round(rates[Math.floor((repeats - 1) / 2)]), min: Math.round(rates[0]), max: Math.round(rates[repeats - 1]) };
}

export const protocolsBenchmark: Benchmark = {
  name: 'protocols',
  usage: `usage: chronotope bench protocols [--events N] [--messages M] [--repeats R] [--json]

Protocol events per second of the link state machines (target 5·10^6 on one core): ENTL ping-pong
with AIT (one event = a message received by one end and the next one produced by the other), and
the atomic four-message handshake (one event = one message taken in). Then the exactly-once
simulation of M messages on a 64-node mesh (TIKTYKTIK, 10 % link failures), its wall time and
engine events per second. Median of R repeats.

options:
  --events N     protocol events per measurement (default 5000000)
  --messages M   messages in the simulation run (default 100000)
  --repeats R    repeats; the median is reported (default 3)
  --json         print one JSON object
`,
  options: { events: { type: 'string' }, messages: { type: 'string' }, repeats: { type: 'string' } },
  run(values) {
    const cmd = 'bench protocols';
    const events = integerOption(cmd, 'events', values.events, 5_000_000, 1000, 1e9);
    const messages = integerOption(cmd, 'messages', values.messages, 100_000, 1, 1e7);
    const repeats = integerOption(cmd, 'repeats', values.repeats, 3, 1, 100);
    const entl = rate(() => entlEvents(events), events, repeats);
    const rng = new RandomStream(1, 0);
    const order = Uint16Array.from({ length: 1 << 16 }, () => rng.uniformInt(HOPS));
    const handshake = rate(() => handshakeEvents(events, order), events, repeats);
    const network = mesh8({ rows: 8, cols: 8, wrap: true });
    simulateExactlyOnce({ protocol: 'tiktyktik', network, messages: Math.ceil(messages / 10), linkFailureRate: 0.1, seed: 2 }); // warm-up
    const t0 = performance.now();
    const sim = simulateExactlyOnce({ protocol: 'tiktyktik', network, messages, linkFailureRate: 0.1, seed: 1 });
    const simWallS = (performance.now() - t0) / 1000;
    return {
      protocolEventsPerSecond: Math.min(entl.perSecond, handshake.perSecond),
      entlEventsPerSecond: entl.perSecond,
      entlEventsPerSecondMin: entl.min,
      entlEventsPerSecondMax: entl.max,
      handshakeEventsPerSecond: handshake.perSecond,
      simulationMessages: messages,
      simulationWallS: Number(simWallS.toFixed(3)),
      simulationEngineEvents: sim.events,
      simulationEngineEventsPerSecond: Math.round(sim.events / simWallS),
      repeats,
    };
  },
};

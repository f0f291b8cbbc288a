import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mesh8, star, clos, Network, incastSources, type Delivery } from '../../../src/hardware-timing/index.ts';
import { InputError } from '../../../src/core/errors.ts';

// A line of nodes: mesh8 with one row and no wrap is a path, links `pitchM` long.
const line = (n: number, pitchM = 2) => mesh8({ rows: 1, cols: n, pitchM });

test('one frame over 2 m of fibre at 10G: every stage as IEEE 802.3 and the medium give it', () => {
  const deliveries: Delivery[] = [];
  const net = new Network({ topology: line(2), rate: '10G', medium: 'fiber', clocks: { maxOffsetPpm: 0 }, onDeliver: (d) => deliveries.push(d) });
  net.addSource({ src: 0, dst: 1, frameBytes: 64, pattern: { kind: 'line-rate' }, frames: 1 });
  net.run(1000);
  assert.equal(deliveries.length, 1);
  const s = deliveries[0].stagesNs;
  assert.equal(s.serialisation, 72 * 0.8); // preamble + SFD + 64 B at 0.8 ns per byte
  assert.ok(Math.abs(s.pcsFec - 2 * 66 / 10.3125) < 1e-9); // one 66-bit block each end (Clause 49)
  assert.ok(Math.abs(s.propagation - 2 * 1.4682 / 0.299792458) < 1e-9); // SMF-28 group index
  // CDC: the next edge of a 6.4 ns core clock (156.25 MHz), then 2 synchroniser cycles.
  assert.ok(s.cdc >= 2 * 6.4 - 1e-9 && s.cdc < 3 * 6.4, String(s.cdc));
  assert.equal(s.fifoWait, 0);
  const total = Object.values(s).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs((deliveries[0].deliveredPs - deliveries[0].createdPs) / 1000 - total) < 1e-6);
});

test('line rate: back-to-back 64-byte frames, one per 67.2 ns / (1 + y) of the sender port\'s clock', () => {
  for (const ppm of [0, 100, -100]) {
    const net = new Network({ topology: line(2), clocks: { offsetsPpm: [ppm, 0] } });
    net.addSource({ src: 0, dst: 1, frameBytes: 64, pattern: { kind: 'line-rate' } });
    const stats = net.run(100_000); // 100 µs
    // Frames started in [0, 100 µs): ⌈100000 / (67.2 / (1 + y))⌉.
    assert.equal(stats.generated, Math.ceil(100_000 / (67.2 / (1 + ppm * 1e-6))), `ppm ${ppm}`);
    assert.equal(net.stats().meanStagesNs.fifoWait < 1e-9, true);
  }
});

test('clock domains: a fast sender (+100 ppm) into a slow output (−100 ppm) fills the FIFO at 200 ppm, then tail-drops', () => {
  // Node 1 forwards from 0 to 2. Its output FIFO gains (1+1e-4)/(1−1e-4) − 1 ≈ 2.0e-4 frames per
  // frame; 10 frames of room (640 B) fill after about 10 / 2e-4 = 50,000 frames = 3.36 ms.
  const t = line(3);
  const offsetsPpm = new Array(t.linkCount * 2).fill(0);
  const net0 = new Network({ topology: t });
  offsetsPpm[net0.globalPort(0, t.portTo(0, 1))] = 100;
  offsetsPpm[net0.globalPort(1, t.portTo(1, 2))] = -100;
  const net = new Network({ topology: t, clocks: { offsetsPpm }, host: { fifoBytes: 640 } });
  net.addSource({ src: 0, dst: 2, frameBytes: 64, pattern: { kind: 'line-rate' } });
  const early = net.run(3_000_000);
  assert.equal(early.dropped, 0);
  const late = net.run(4_500_000);
  assert.ok(late.dropped > 0);
  const port = net.globalPort(1, t.portTo(1, 2));
  assert.equal(late.dropsPerPort[port], late.dropped);
  // Drops run at the rate difference: ≈ 2e-4 of the frames arriving after the fill (±10%).
  const arrivalsAfterFill = (4_500_000 - 3_360_000) / (67.2 / 1.0001);
  assert.ok(Math.abs(late.dropped - 2e-4 * arrivalsAfterFill) < 0.15 * 2e-4 * arrivalsAfterFill + 2, String(late.dropped));
});

test('cut-through forwards after the header: 50 bytes (64 − 14) of serialisation less per hop than store-and-forward', () => {
  const run = (mode: 'cut-through' | 'store-and-forward') => {
    const out: Delivery[] = [];
    const net = new Network({ topology: line(4), clocks: { maxOffsetPpm: 0 }, host: { mode }, onDeliver: (d) => out.push(d) });
    net.addSource({ src: 0, dst: 3, frameBytes: 64, pattern: { kind: 'line-rate' }, frames: 1 });
    net.run(10_000);
    return out[0];
  };
  const ct = run('cut-through');
  const sf = run('store-and-forward');
  assert.equal(ct.hops, 3);
  // Two intermediate hops: store-and-forward waits for all 72 B, cut-through for 8 + 14 B.
  assert.ok(Math.abs(sf.stagesNs.serialisation - ct.stagesNs.serialisation - 2 * 50 * 0.8) < 1e-9);
  assert.equal(ct.stagesNs.forwarding, 2 * 20);
});

test('incast on a star: tail drops counted on the switch port to the receiver; nothing is lost uncounted', () => {
  const t = star({ hosts: 9 });
  const net = new Network({ topology: t, switch: { fifoBytes: 8192 } });
  for (const s of incastSources({ senders: [1, 2, 3, 4, 5, 6, 7, 8], dst: 0, burstFrames: 100, frameBytes: 1500 })) net.addSource(s);
  const stats = net.run(1_000_000);
  assert.equal(stats.generated, 800);
  assert.ok(stats.dropped > 0);
  assert.equal(stats.generated, stats.delivered + stats.dropped);
  const sw = t.hostCount;
  const toReceiver = net.globalPort(sw, t.portTo(sw, 0));
  assert.equal(stats.dropsPerPort[toReceiver], stats.dropped);
});

test('802.3x PAUSE: the same incast loses nothing; the switch pauses the senders', () => {
  // Headroom above XOFF must hold what each sender has on the wire when its PAUSE lands, about
  // two or three maximum frames per sender (IEEE 802.1Qbb Annex N headroom): 8 × 3 × 1538 B < 48 KiB.
  const t = star({ hosts: 9 });
  const net = new Network({ topology: t, switch: { fifoBytes: 65536 }, flowControl: 'pause', xoffBytes: 16384, xonBytes: 8192 });
  for (const s of incastSources({ senders: [1, 2, 3, 4, 5, 6, 7, 8], dst: 0, burstFrames: 20, frameBytes: 1500 })) net.addSource(s);
  const stats = net.run(2_000_000);
  assert.equal(stats.dropped, 0);
  assert.equal(stats.delivered, 160);
  assert.ok(stats.pauseFramesSent >= 2);
});

test('PFC pauses only the congested priority: a priority-0 flow sharing the paused link is not held back as under PAUSE', () => {
  const run = (flowControl: 'pause' | 'pfc') => {
    const t = star({ hosts: 6 });
    const latencies: number[] = [];
    const net = new Network({
      topology: t, switch: { fifoBytes: 65536 }, flowControl, xoffBytes: 16384, xonBytes: 8192,
      onDeliver: (d) => { if (d.priority === 0) latencies.push((d.deliveredPs - d.createdPs) / 1000); },
    });
    // Priority 1: hosts 1-4 incast into host 0. Priority 0: host 1 also sends to host 5 at 10% load.
    for (const s of incastSources({ senders: [1, 2, 3, 4], dst: 0, burstFrames: 40, frameBytes: 1500, priority: 1 })) net.addSource(s);
    net.addSource({ src: 1, dst: 5, frameBytes: 64, pattern: { kind: 'poisson', load: 0.1 }, priority: 0, stopNs: 400_000 });
    const stats = net.run(2_000_000);
    assert.equal(stats.dropped, 0, flowControl);
    return Math.max(...latencies);
  };
  const pause = run('pause');
  const pfc = run('pfc');
  assert.ok(pfc < pause / 2, `max priority-0 latency: PFC ${pfc} ns, PAUSE ${pause} ns`);
});

test('deterministic: the same seed gives the same run', () => {
  const go = () => {
    const t = clos({ hosts: 16, hostsPerLeaf: 4, spines: 2 });
    const net = new Network({ topology: t, seed: 7 });
    for (let h = 0; h < 16; h++) net.addSource({ src: h, dst: (h + 5) % 16, frameBytes: 512, pattern: { kind: 'poisson', load: 0.5 } });
    return net.run(50_000);
  };
  assert.deepEqual(go(), go());
});

test('Poisson and on-off sources: mean rates as set (within 4 standard errors)', () => {
  const net = new Network({ topology: line(2), seed: 3 });
  net.addSource({ src: 0, dst: 1, frameBytes: 64, pattern: { kind: 'poisson', load: 0.3 } });
  const stats = net.run(1_000_000);
  const expected = 0.3 * 1_000_000 / 67.2;
  assert.ok(Math.abs(stats.generated - expected) < 4 * Math.sqrt(expected), `${stats.generated} vs ${expected}`);
  const onoff = new Network({ topology: line(2), seed: 3, clocks: { maxOffsetPpm: 0 } });
  onoff.addSource({ src: 0, dst: 1, frameBytes: 64, pattern: { kind: 'on-off', meanOnNs: 2000, meanOffNs: 6000 } });
  const s2 = onoff.run(4_000_000);
  // Duty cycle 2000 / (2000 + 6000) = 0.25 of line rate; ~500 on periods, so ±4·√(2/500) relative.
  const lineRate = 4_000_000 / 67.2;
  assert.ok(Math.abs(s2.generated / lineRate - 0.25) < 0.25 * 4 * Math.sqrt(2 / 500), String(s2.generated / lineRate));
});

test('property: frames are conserved (generated = delivered + dropped once drained) and each flow arrives in order', () => {
  fc.assert(fc.property(
    fc.array(fc.record({ src: fc.nat(15), dst: fc.nat(15), load: fc.double({ min: 0.05, max: 1, noNaN: true }), bytes: fc.integer({ min: 64, max: 1518 }) }), { minLength: 1, maxLength: 12 }),
    fc.nat(1000),
    (flows, seed) => {
      const t = mesh8({ rows: 4, cols: 4, wrap: true });
      const lastSeq = new Map<number, number>();
      let ordered = true;
      const net = new Network({
        topology: t, seed, host: { fifoBytes: 4096 },
        onDeliver: (d) => {
          if ((lastSeq.get(d.flow) ?? -1) > d.createdPs) ordered = false;
          lastSeq.set(d.flow, d.createdPs);
        },
      });
      flows.forEach((f) => {
        if (f.src !== f.dst) net.addSource({ src: f.src, dst: f.dst, frameBytes: f.bytes, pattern: { kind: 'poisson', load: f.load }, stopNs: 20_000 });
      });
      const stats = net.run(100_000);
      return ordered && stats.generated === stats.delivered + stats.dropped;
    },
  ), { numRuns: 25 });
});

test('bad configuration and sources throw one-line InputErrors', () => {
  const t = line(3);
  const cases: Array<[() => unknown, RegExp]> = [
    [() => new Network({ topology: t, rate: '11G' as never }), /rate expected one of/],
    [() => new Network({ topology: t, medium: 'air' as never }), /medium expected one of/],
    [() => new Network({ topology: t, host: { fifoBytes: 10 } }), /host.fifoBytes expected an integer ≥ 64/],
    [() => new Network({ topology: t, flowControl: 'credit' as never }), /flowControl expected/],
    [() => new Network({ topology: t, clocks: { maxOffsetPpm: 200 } }), /maxOffsetPpm expected a number of ppm from 0 to 100/],
    [() => new Network({ topology: t }).addSource({ src: 0, dst: 0, frameBytes: 64, pattern: { kind: 'line-rate' } }), /source 0: dst expected a node other than src/],
    [() => new Network({ topology: t }).addSource({ src: 0, dst: 2, frameBytes: 63, pattern: { kind: 'line-rate' } }), /frame expected an integer number of bytes from 64/],
    [() => new Network({ topology: t }).addSource({ src: 0, dst: 2, frameBytes: 64, pattern: { kind: 'poisson', load: 2 } }), /pattern.load expected a number in \(0, 1\]/],
  ];
  for (const [f, message] of cases) {
    assert.throws(f, (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'), String(message));
  }
});

test('clock wander from the oscillator model: frames follow the port clock; same seed, same run', () => {
  const go = () => {
    const net = new Network({
      topology: line(3), seed: 11,
      clocks: { maxOffsetPpm: 0, wander: { noise: { wfm: { h: 1e-16 } }, tau0S: 1e-6, horizonS: 2e-4 } },
    });
    net.addSource({ src: 0, dst: 2, frameBytes: 64, pattern: { kind: 'line-rate' } });
    return { net, stats: net.run(100_000) };
  };
  const { net, stats } = go();
  assert.deepEqual(stats, go().stats);
  // Every frame's serialisation takes 67.2 ns / (1 + y(t)) of the sender port's clock: the count
  // matches the integral of the port's rate to within one frame.
  const port = net.globalPort(0, 0);
  let t = 0;
  let frames = 0;
  while (t < 100_000) {
    t += 67.2 / net.clocks.factor(port, t * 1000);
    frames++;
  }
  assert.ok(Math.abs(stats.generated - frames) <= 1, `${stats.generated} vs ${frames}`);
  assert.equal(stats.dropped, 0);
});

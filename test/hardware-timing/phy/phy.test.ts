import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  PHY_RATES, RATE_NAMES, elasticBuffer, encodedBitsPerSecond, fecLatencyPs, frameLengthM, frameTimePs, framesPerSecond,
  medium, nsPerMetre, parseLengthM, phyRate, phyReport, propagationPs, wireBytes, checkFrameBytes,
} from '../../../src/hardware-timing/phy/index.ts';
import { InputError } from '../../../src/core/errors.ts';
import { main } from '../../../src/cli/main.ts';

// Reference figures (issue 6, from IEEE 802.3 Clause 3.2 and 4.4.2: 7 B preamble, 1 B SFD, 12 B
// minimum gap): a 64 B frame is 84 B on the wire, 67.2 ns at 10 Gb/s, 14,880,952 frames/s (the
// line-rate figure of RFC 2544 testers), 6.72 ns at 100 Gb/s; 1518 B takes 1230.4 ns at 10 Gb/s.

test('library: 84 wire bytes, 67.2 ns, 14,880,952 frames/s at 10G; 6.72 ns at 100G; 1230.4 ns for 1518 B at 10G', () => {
  const g10 = phyRate('10G');
  assert.equal(wireBytes(64), 84);
  assert.equal(frameTimePs(g10, 64), 67_200);
  assert.equal(Math.floor(framesPerSecond(g10, 64)), 14_880_952);
  assert.equal(frameTimePs(phyRate('100G'), 64), 6_720);
  assert.equal(frameTimePs(g10, 1518), 1_230_400);
});

test('every rate: byte time is an exact integer of ps and matches the bit rate', () => {
  for (const name of RATE_NAMES) {
    const r = PHY_RATES[name];
    assert.ok(Number.isInteger(r.bytePs));
    assert.equal(r.bytePs * r.bitsPerSecond, 8e12);
  }
});

test('encoded rates: lane baud × lanes (IEEE 802.3 Clauses 36, 49, 82, 91, 107/108, 119)', () => {
  // 1.25, 10.3125, 25.78125, 4 × 10.3125, 4 × 25.78125 GBd; 400GBASE-R 425 Gb/s = 8 × 53.125 Gb/s PAM4.
  const expected: Record<string, number> = { '1G': 1.25e9, '10G': 10.3125e9, '25G': 25.78125e9, '40G': 41.25e9, '100G': 103.125e9, '400G': 425e9 };
  for (const name of RATE_NAMES) {
    const r = PHY_RATES[name];
    const got = encodedBitsPerSecond(r, r.defaultFec);
    assert.ok(Math.abs(got - expected[name]) / expected[name] < 1e-12, `${name}: ${got}`);
    // PAM4 at 400G carries 2 bits per symbol: 8 lanes × 26.5625 GBd × 2.
    const bitsPerSymbol = name === '400G' ? 2 : 1;
    assert.ok(Math.abs(r.lanes * r.laneBaud * bitsPerSymbol - expected[name]) < 1, name);
  }
});

test('RS-FEC latency: one codeword at the encoded rate (51.2 ns at 100G, 204.8 ns at 25G, two interleaved at 400G)', () => {
  // Codeword time = 5280 bits / 103.125 Gb/s (Clause 91), 5280 / 25.78125 Gb/s (Clause 108), 2 × 5440 / 425 Gb/s (Clause 119).
  assert.ok(Math.abs(fecLatencyPs(phyRate('100G'), 'rs528') - 51_200) < 1e-6);
  assert.ok(Math.abs(fecLatencyPs(phyRate('25G'), 'rs528') - 204_800) < 1e-6);
  assert.ok(Math.abs(fecLatencyPs(phyRate('400G'), 'rs544') - 25_600) < 1e-6);
  assert.equal(fecLatencyPs(phyRate('10G'), 'none'), 0);
});

test('propagation by medium: vacuum 3.3356 ns/m, fibre 4.8974 ns/m; lengths parse with units', () => {
  // 1e9 / 299 792 458 = 3.33564095 ns/m (SI); SMF-28 group index 1.4682 × that = 4.89739 ns/m.
  assert.ok(Math.abs(nsPerMetre(medium('vacuum')) - 3.33564095) < 1e-8);
  assert.ok(Math.abs(nsPerMetre(medium('fiber')) - 4.8973880) < 1e-6);
  assert.ok(Math.abs(propagationPs(medium('vacuum'), 1) - 3335.64095) < 1e-4);
  assert.equal(parseLengthM('2m'), 2);
  assert.equal(parseLengthM('30cm'), 0.3);
  assert.equal(parseLengthM('5 mm'), 0.005);
  assert.equal(parseLengthM('0.5'), 0.5);
});

test('a 64-byte frame at 100G is 1.344 m long at 5 ns/m (spec table)', () => {
  assert.ok(Math.abs(frameLengthM(phyRate('100G'), 64, 5) - 1.344) < 1e-12);
});

test('elastic buffer: at 200 ppm apart one 4-byte idle column every 20,000 bytes', () => {
  const e = elasticBuffer(-100, 100, 64);
  assert.equal(e.differencePpm, 200);
  assert.ok(Math.abs(e.bytesPerIdleColumn - 20_000) < 1e-6);
  assert.ok(Math.abs(e.framesPerIdleColumn - 20_000 / 84) < 1e-9);
  assert.ok(Math.abs(e.slipBitsPerFrame - 200e-6 * 672) < 1e-12);
  assert.throws(() => elasticBuffer(0, 150, 64), InputError);
});

test('phyReport: stages add up to the total', () => {
  const r = phyReport({ rate: phyRate('25G'), frameBytes: 1518, medium: medium('dac'), lengthM: 3 });
  const l = r.latencyNs;
  assert.ok(Math.abs(l.serialisation + l.pcs + l.fec + l.propagation - l.total) < 1e-6);
  assert.equal(l.serialisation, (1518 + 8) * 0.32);
});

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/chronotope', 'phy', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('CLI --json prints exactly the issue\'s shape and numbers', () => {
  const r = cli('--rate', '10G', '--frame', '64', '--cable', '2m', '--medium', 'fiber', '--json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['wireBytes', 'frameTimeNs', 'framesPerSecond', 'propagationNs', 'latencyNs']);
  assert.equal(out.wireBytes, 84);
  assert.equal(out.frameTimeNs, 67.2);
  assert.equal(out.framesPerSecond, 14880952.38);
  assert.ok(Math.abs(out.propagationNs - 2 * 4.897388) < 1e-5);
  assert.deepEqual(Object.keys(out.latencyNs), ['serialisation', 'pcs', 'fec', 'propagation', 'total']);
  const g100 = JSON.parse(cli('--rate', '100G', '--json').stdout);
  assert.equal(g100.frameTimeNs, 6.72);
  const big = JSON.parse(cli('--rate', '10G', '--frame', '1518', '--json').stdout);
  assert.equal(big.frameTimeNs, 1230.4);
  // The readable table says the same.
  const table = cli('--rate', '10G');
  assert.match(table.stdout, /on the wire 84 B/);
  assert.match(table.stdout, /frame time\s+67\.200 ns/);
  assert.match(table.stdout, /14880952\.38 frames\/s/);
});

test('CLI bad input: one line, exit 2 (child process)', () => {
  const r = cli('--rate', '11G');
  assert.equal(r.code, 2);
  assert.equal(r.stderr, "phy: rate expected one of 1G, 10G, 25G, 40G, 100G, 400G, got '11G'\n");
});

test('CLI bad input: unknown medium, negative length, frame < 64 or > max (in process)', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--medium', 'copper'], /medium expected one of fiber, dac, pcb, vacuum, got 'copper'/],
    [['--cable', '-1m'], /cable length expected a number of metres ≥ 0 .* got '-1m'/],
    [['--cable', '2 feet'], /cable length expected/],
    [['--frame', '63'], /frame expected an integer number of bytes from 64 to 2000/],
    [['--frame', '2001'], /from 64 to 2000/],
    [['--frame', '9217', '--jumbo'], /from 64 to 9216 \(jumbo\)/],
    [['--frame', '64.5'], /option '--frame' expected an integer/],
    [['--fec', 'ldpc'], /option '--fec' expected one of none, rs528, rs544/],
  ];
  for (const [args, message] of cases) {
    await assert.rejects(main(['phy', ...args]), (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'), args.join(' '));
  }
  assert.equal(checkFrameBytes(9216, true), 9216);
});

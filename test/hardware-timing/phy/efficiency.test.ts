import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bilateralEfficiency, framesInFlight, handshakeUtilisation, metcalfeBoggs, windowUtilisation } from '../../../src/hardware-timing/phy/index.ts';

test('Metcalfe & Boggs: one station never contends; two acquire with probability 1/2 (A = (1 − 1/Q)^(Q−1))', () => {
  assert.deepEqual(metcalfeBoggs({ packetBits: 4096, capacityBitsPerS: 3e6, slotS: 16e-6, stations: 1 }), { acquisition: 1, waitSlots: 0, efficiency: 1 });
  const two = metcalfeBoggs({ packetBits: 48, capacityBitsPerS: 3e6, slotS: 16e-6, stations: 2 });
  assert.equal(two.acquisition, 0.5);
  assert.equal(two.waitSlots, 1);
  assert.ok(Math.abs(two.efficiency - 16e-6 / (16e-6 + 16e-6)) < 1e-15); // P/C = 48 / 3e6 = 16 µs = T
});

test('handshake utilisation and frames in flight', () => {
  assert.ok(Math.abs(handshakeUtilisation(6.72, 12.4) - 6.72 / 19.12) < 1e-15);
  assert.equal(framesInFlight(10, 0), 1);
  assert.equal(framesInFlight(10, 10), 2);
  assert.equal(framesInFlight(10, 10.5), 3);
  assert.equal(windowUtilisation(3, 10, 10.5), 1);
  assert.ok(Math.abs(windowUtilisation(2, 10, 10.5) - 20 / 20.5) < 1e-15);
  // With no wait and no acknowledgement time, bilateral efficiency is the handshake utilisation.
  assert.equal(bilateralEfficiency({ packetS: 6.72, waitS: 0, roundTripS: 12.4, ackS: 0 }), handshakeUtilisation(6.72, 12.4));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPhold } from '../../../src/core/engine/phold.ts';

test('PHOLD is reproducible: same seed, same event order (checksum) and end time', () => {
  const a = runPhold({ events: 200_000, lps: 64, population: 8, seed: 5 });
  const b = runPhold({ events: 200_000, lps: 64, population: 8, seed: 5 });
  const c = runPhold({ events: 200_000, lps: 64, population: 8, seed: 6 });
  assert.equal(a.events, 200_000);
  assert.deepEqual([a.checksum, a.simTime], [b.checksum, b.simTime]);
  assert.notEqual(a.checksum, c.checksum);
});

test('PHOLD end time matches the closed form N·(lookahead + mean)/(L·P)', () => {
  // Derived here, so checked against simulation: L·P events are always pending and each waits
  // lookahead + mean on average, so events run at rate L·P/(lookahead + mean) per time unit
  // (Little's law). Over N events the simulated time is N(lookahead + mean)/(L·P); the start-up
  // transient is one delay, hence a 1% tolerance at N = 10^6, L·P = 4096.
  const events = 1_000_000;
  const lps = 256, population = 16, lookahead = 0.1, mean = 1;
  const r = runPhold({ events, lps, population, lookahead, mean, seed: 11 });
  const expected = (events * (lookahead + mean)) / (lps * population);
  assert.ok(Math.abs(r.simTime / expected - 1) < 0.01, `simTime ${r.simTime} vs ${expected}`);
});

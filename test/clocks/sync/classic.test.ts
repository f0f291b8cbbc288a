import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cristianErrorBound, cristianEstimate, cristianOffset } from '../../../src/clocks/sync/cristian.ts';
import { berkeleyRound } from '../../../src/clocks/sync/berkeley.ts';
import { TrueTime } from '../../../src/clocks/sync/truetime.ts';
import { close, worked } from './worked-examples.ts';

test('Cristian: server time plus half the round trip; error half the asymmetry, within the bound', () => {
  // Client 3 ms behind the server; request takes 7 ms, reply 3 ms.
  const r = { requestLocal: 100, replyLocal: 100.010, serverTime: 100.003 + 0.007 };
  close(cristianEstimate(r), 100.015, 1e-12, 'estimate');
  close(cristianOffset(r), 0.005, 1e-12, 'offset');
  close(cristianOffset(r) - 0.003, (0.007 - 0.003) / 2, 1e-12, 'error = asymmetry/2');
  close(cristianErrorBound(r, 0.003), 0.002, 1e-12, 'bound');
  assert.ok(Math.abs(cristianOffset(r) - 0.003) <= cristianErrorBound(r, 0.003) + 1e-12);
});

test('Berkeley: fault-tolerant average leaves out the faulty clock (Gusella & Zatti 1989)', () => {
  // The example of the 4.3BSD TEMPO description: master 3:00, slaves 3:25 and 2:50 → all to 3:05.
  const r = berkeleyRound([25, -10]);
  assert.equal(r.averageOffset, 5);
  assert.deepEqual(r.corrections, [5, -20, 15]);
  const f = berkeleyRound([25, -10, 600], 60);
  assert.deepEqual(f.excluded, [3]);
  assert.equal(f.averageOffset, 5);
  assert.equal(f.corrections[3], -595);
});

test('TrueTime: ε a 1–7 ms sawtooth with 30 s polls, mean 4 ms, commit wait ≈ 2ε (Corbett et al. 2012)', () => {
  const w = worked.truetime;
  const tt = new TrueTime({ baseEpsilonS: w.base_eps_s, drift: w.applied_drift, pollS: w.poll_s });
  close(tt.epsilonS(0), w.base_eps_s, 1e-15, 'after a poll');
  close(tt.epsilonS(29.999999), w.sawtooth_max_eps_s, 1e-9, 'before the next');
  close(tt.meanEpsilonS(), w.mean_eps_s, 1e-15, 'mean');
  // Commit wait at the mean ε (15 s after a poll): 2ε/(1 − drift) ≈ 8 ms.
  close(tt.commitWaitS(15), w.expected_commit_wait_at_mean_eps_s, 1e-5, 'commit wait');
  // Averaged over commit instants across a poll period, also ≈ 2ε̄ (a poll may cut it short).
  let sum = 0;
  for (let k = 0; k < 3000; k++) sum += tt.commitWaitS(60 + k * 0.01);
  close(sum / 3000, 2 * w.mean_eps_s, 3e-4, 'mean commit wait');
  // After the wait, TT.after(s) holds: earliest > s.
  const s = tt.now(15).latestS;
  assert.ok(tt.now(15 + tt.commitWaitS(15) + 1e-9).earliestS > s);
});

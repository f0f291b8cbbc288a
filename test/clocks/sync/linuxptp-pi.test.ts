import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LinuxptpPiServo, piGains } from '../../../src/clocks/sync/servo/linuxptp-pi.ts';
import { close, worked } from './worked-examples.ts';

test('kp and ki scaled with the sync interval, hardware and software stamps (linuxptp pi.c)', () => {
  const table = worked.linuxptp_pi_gains;
  for (const key of Object.keys(table)) {
    const row = table[key];
    for (const kind of ['hw', 'sw'] as const) {
      const g = piGains(row.interval_s, kind === 'hw');
      close(g.kp, row[kind].kp, 1e-12, `${key} ${kind} kp`);
      close(g.ki, row[kind].ki, 1e-12, `${key} ${kind} ki`);
    }
  }
  assert.deepEqual(piGains(1), { kp: 0.7, ki: 0.3 });
});

test('the locked step: offset 1000 ns → 1000 ppb, drift 300 ppb (pi_sample case 2)', () => {
  const s = worked.linuxptp_pi_step;
  const servo = new LinuxptpPiServo({ intervalS: 1, gains: { kp: s.kp, ki: s.ki } });
  assert.equal(servo.sample(0, 0).state, 'unlocked');
  const second = servo.sample(0, 1e9);
  assert.equal(second.state, 'locked');
  assert.equal(second.ppb, 0);
  const r = servo.sample(s.offset_ns, 2e9);
  assert.equal(r.ppb, s.ppb_returned);
  assert.equal(servo.driftPpb, s.drift_after);
});

test('frequency estimate from the first two samples, and its minimum interval 0.016/ki', () => {
  const f = worked.linuxptp_pi_freq_estimate;
  const servo = new LinuxptpPiServo({ intervalS: 1 });
  close(servo.frequencyEstimateIntervalS, f.min_interval_s, 1e-15, 'interval');
  servo.sample(f.offsets_ns[0], f.local_ts_ns[0]);
  // Too soon: still unlocked.
  assert.equal(servo.sample(f.offsets_ns[1], 0.05e9).state, 'unlocked');
  const r = servo.sample(f.offsets_ns[1], f.local_ts_ns[1]);
  assert.equal(r.ppb, f.drift_ppb);
  assert.equal(r.state, 'locked'); // 1000 ns is below first_step_threshold (20 µs)
});

test('a first offset above 20 µs asks for a jump; the integral freezes at max_frequency', () => {
  const servo = new LinuxptpPiServo({ intervalS: 1, maxFrequencyPpb: 500 });
  servo.sample(50_000, 0);
  assert.equal(servo.sample(50_000, 1e9).state, 'jump');
  const r = servo.sample(10_000, 2e9);
  assert.equal(r.ppb, 500);
  assert.equal(servo.driftPpb, 0);
});

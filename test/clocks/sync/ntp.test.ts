import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ClockFilter, NTP_MAXDISP, NtpDiscipline, filterDispersion, filterJitter, ntpCluster, ntpCombine, ntpDelay, ntpOffset,
  ntpPrecisionS, ntpSampleDispersion, ntpSelect, NTP_STEPT_S,
} from '../../../src/clocks/sync/ntp/index.ts';
import { InputError } from '../../../src/core/errors.ts';
import { close, worked } from './worked-examples.ts';

test('on-wire offset and delay: the three worked cases (RFC 5905 §8)', () => {
  // worked-examples.json ntp_onwire: true offset 5 ms, 14/6 ms paths → θ 9 ms, error 4 ms = (14 − 6)/2.
  for (const name of ['symmetric', 'asymmetric_14_6', 'asymmetric_zero_offset']) {
    const c = worked.ntp_onwire[name];
    const t = { t1: c.T1, t2: c.T2, t3: c.T3, t4: c.T4 };
    close(ntpOffset(t), c.theta, 1e-12, `${name} θ`);
    close(ntpDelay(t), c.delta, 1e-12, `${name} δ`);
    close(ntpOffset(t) - c.theta_true, c.theta_error, 1e-12, `${name} error`);
    close(ntpOffset(t) - c.theta_true, (c.d_fwd - c.d_ret) / 2, 1e-12, `${name} error = asymmetry/2`);
    assert.ok(Math.abs(ntpOffset(t) - c.theta_true) <= c.error_bound_delta_over_2 + 1e-15, `${name} |error| ≤ δ/2`);
  }
  const a = worked.ntp_onwire.asymmetric_14_6;
  close(ntpOffset({ t1: a.T1, t2: a.T2, t3: a.T3, t4: a.T4 }), 0.009, 1e-12, 'θ = 9 ms');
});

test('a fast-running client and a long server hold give a negative apparent delay (RFC 5905 §8)', () => {
  // worked-examples.json ntp_negative_delay_rfc_example: frequency difference 1e-4 over 64 s → −6.4 ms.
  const c = worked.ntp_negative_delay_rfc_example;
  // Zero path delay; the server holds the request `interval` seconds (its clock); the client's
  // clock runs slow by freq_diff relative to the server, so it sees interval·(1 − freq_diff).
  const t = { t1: 0, t2: 1000, t3: 1000 + c.interval, t4: c.interval * (1 - c.freq_diff) };
  close(ntpDelay(t), c.apparent_delay, 1e-12, 'apparent delay');
});

test('sample dispersion and precision (RFC 5905 §7.3, §8)', () => {
  const d = worked.ntp_dispersion;
  assert.equal(ntpPrecisionS(d.precision_log2), d.rho_seconds);
  close(ntpSampleDispersion({ t1: 0, t2: 0, t3: 0, t4: 0.02 }, d.rho_seconds, d.rho_seconds), d.eps0_for_T4_minus_T1_20ms, 1e-18, 'ε0');
  close(ntpSampleDispersion({ t1: 0, t2: 0, t3: 0, t4: 86400 }, 0, 0), d.growth_per_day, 1e-12, 'PHI per day');
});

test('clock-filter dispersion and jitter (RFC 5905 §10; ntpd RMS form)', () => {
  const f = worked.ntp_clock_filter_dispersion;
  const stages = (valid: number) => Array.from({ length: 8 }, (_, i) => (i < valid ? 0.001 : NTP_MAXDISP));
  close(filterDispersion(stages(0)), f.all_dummy, 1e-12, 'all dummy');
  close(filterDispersion(stages(1)), f['1_valid_eps_1ms'], 1e-12, '1 valid');
  close(filterDispersion(stages(4)), f['4_valid_eps_1ms'], 1e-12, '4 valid');
  close(filterDispersion(stages(8)), f['8_valid_eps_1ms'], 1e-15, '8 valid');
  const j = worked.ntp_filter_jitter;
  close(filterJitter(j.offsets_sorted_by_delay), j.jitter_ntpd, 1e-15, 'jitter');
  assert.ok(Math.abs(filterJitter(j.offsets_sorted_by_delay) - j.jitter_rfc_text_literal) > 5e-5, 'not the RFC typesetting');
});

test('the clock filter picks the lowest-delay sample of the last eight, and uses it once', () => {
  const filter = new ClockFilter();
  const out1 = filter.add(1, 0.002, 0.010, 1e-6);
  assert.equal(out1.offsetS, 0.002);
  assert.ok(out1.fresh);
  const out2 = filter.add(2, 0.009, 0.030, 1e-6); // a delayed (queued) sample: not chosen
  assert.equal(out2.offsetS, 0.002);
  assert.equal(out2.fresh, false);
  const out3 = filter.add(3, 0.001, 0.005, 1e-6);
  assert.equal(out3.offsetS, 0.001);
  assert.ok(out3.fresh);
  // After eight more samples the 5 ms one has left the register.
  let last = out3;
  for (let k = 0; k < 8; k++) last = filter.add(4 + k, 0.003, 0.02 + k * 1e-3, 1e-6);
  assert.equal(last.delayS, 0.02);
});

test('select, cluster and combine: A 10±5, B 12±4, C 11±6, D 50±3 ms (RFC 5905 §11.2)', () => {
  // worked-examples.json ntp_select_combine_example: D falseticker, [8, 15] ms, combined 11.0811 ms.
  const c = worked.ntp_select_combine_example;
  const candidates = c['candidates(name,offset,root_distance)'].map(([name, offsetS, rootDistanceS]: [string, number, number]) => ({ name, offsetS, rootDistanceS }));
  const sel = ntpSelect(candidates);
  assert.ok(sel);
  assert.equal(sel.allow, c.allow);
  close(sel.lowS, c.low, 1e-15, 'low');
  close(sel.highS, c.high, 1e-15, 'high');
  assert.deepEqual(sel.truechimers.map((t) => t.name).sort(), c.truechimers);
  assert.deepEqual(sel.falsetickers.map((t) => t.name), ['D']);
  const survivors = ntpCluster(sel.truechimers);
  assert.equal(survivors.length, 3); // NMIN = 3: nothing to cluster away
  close(ntpCombine(survivors), c.combined_offset, 1e-15, 'combined');
  close(ntpCombine(survivors) * 1000, 11.0811, 5e-5, 'combined ms (issue text)');
});

test('selection finds no majority among disjoint intervals; cluster drops the outlier', () => {
  assert.equal(ntpSelect([
    { name: 'a', offsetS: 0, rootDistanceS: 1 }, { name: 'b', offsetS: 10, rootDistanceS: 1 },
  ]), undefined);
  assert.throws(() => ntpSelect([]), InputError);
  // Five truechimers; E sits far from the others with a low peer jitter elsewhere: cluster
  // removes the one with the largest selection jitter until NMIN remain or jitter is small.
  const s = [
    { name: 'a', offsetS: 0.000, rootDistanceS: 0.01, jitterS: 1e-4 },
    { name: 'b', offsetS: 0.001, rootDistanceS: 0.01, jitterS: 1e-4 },
    { name: 'c', offsetS: -0.001, rootDistanceS: 0.01, jitterS: 1e-4 },
    { name: 'd', offsetS: 0.0005, rootDistanceS: 0.01, jitterS: 1e-4 },
    { name: 'e', offsetS: 0.008, rootDistanceS: 0.01, jitterS: 1e-4 },
  ];
  const kept = ntpCluster(s).map((x) => x.name);
  assert.ok(!kept.includes('e'));
  assert.equal(kept.length, 3);
});

test('discipline: steps above STEPT, otherwise frequency gains θμ/(4·PLL·2^poll)² (RFC 5905 §11.3)', () => {
  const d = new NtpDiscipline(0);
  assert.equal(d.update(0, 0.2).action, 'step');
  assert.ok(0.2 > NTP_STEPT_S);
  const u0 = d.update(1, 0.001);
  assert.equal(u0.action, 'slew');
  close(u0.loopFrequency, 0.001 * 1 / (4 * 65) ** 2, 1e-18, 'frequency gain');
  close(u0.frequency - u0.loopFrequency, 0.001 / 65, 1e-18, 'phase amortisation θ/(PLL·2^poll)');
});

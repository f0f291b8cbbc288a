import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  neighborRateRatio, p2pTransparentCorrection, ptpE2e, ptpMeanLinkDelay, ptpP2pOffset, residenceCorrection,
} from '../../../src/clocks/sync/ptp/index.ts';
import { SPEED_OF_LIGHT_M_PER_S } from '../../../src/core/units/index.ts';
import { close, worked } from './worked-examples.ts';

test('end-to-end: meanPathDelay 500 ns, offset 250 ns, asymmetry error 100 ns (IEEE 1588-2019 §11.3)', () => {
  const e = worked.ptp_e2e;
  const r = ptpE2e({ t1: e.t1, t2: e.t2, t3: e.t3, t4: e.t4 });
  assert.equal(r.meanPathDelay, e.meanPathDelay);
  assert.equal(r.offsetFromMaster, e.offsetFromMaster);
  assert.equal(r.offsetFromMaster - e.slave_minus_master_true, e.error);
  assert.equal(e.error, (e.d_ms - e.d_sm) / 2);
});

test('delayAsymmetry (§16.8) cancels the asymmetry error; transparent-clock corrections are removed', () => {
  const e = worked.ptp_e2e;
  const r = ptpE2e({ t1: e.t1, t2: e.t2, t3: e.t3, t4: e.t4, delayAsymmetry: e.delayAsymmetry_A_that_cancels_error });
  assert.equal(r.offsetFromMaster, e.slave_minus_master_true);
  assert.equal(r.meanPathDelay, e.meanPathDelay);
  // A transparent clock that held the Sync 3000 ns and the Delay_Req 2000 ns: the same result
  // once its correctionFields are given.
  const held = ptpE2e({ t1: e.t1, t2: e.t2 + 3000, t3: e.t3, t4: e.t4 + 2000, syncCorrection: 3000, delayReqCorrection: 2000 });
  assert.equal(held.offsetFromMaster, e.offsetFromMaster);
  assert.equal(held.meanPathDelay, e.meanPathDelay);
});

test('peer-to-peer: 500.275 ns without the rate ratio, 500.000 ns with it (802.1AS-2020 §11.2.19)', () => {
  const p = worked.ptp_p2p;
  const x = { t1: p.t1, t2: p.t2, t3: p.t3, t4: p.t4 };
  close(ptpMeanLinkDelay(x), p.meanLinkDelay_1588_no_rr, 1e-18, 'no rate ratio');
  close(ptpMeanLinkDelay(x, p.neighborRateRatio), p.meanLinkDelay_8021AS_with_rr, 1e-18, 'with rate ratio');
  close(ptpMeanLinkDelay(x) * 1e9, 500.275, 1e-3, 'issue: 500.275 ns');
  close(ptpMeanLinkDelay(x, p.neighborRateRatio) * 1e9, 500.000, 1e-3, 'issue: 500.000 ns');
  close(p.neighborRateRatio, 1 / (1 + p.requester_fractional_freq_error), 1e-15, 'rate ratio of a 50 ppm fast requester');
  // The ratio measured from two exchanges one second apart (requester 50 ppm fast).
  const y = p.requester_fractional_freq_error;
  const later = { t1: 1 * (1 + y), t2: p.t2 + 1, t3: p.t3 + 1, t4: p.t4 + 1 * (1 + y) };
  close(neighborRateRatio(x, later), p.neighborRateRatio, 1e-9, 'measured rate ratio');
  close(ptpP2pOffset(10_000, 10_900, 500, 300), 100, 0, 'P2P offset removes correction and link delay');
});

test('transparent-clock residence: syntonised or not (§10.2, §11.5)', () => {
  assert.equal(residenceCorrection(1000, 4000), 3000);
  close(residenceCorrection(1000, 4000, 1 - 50e-6), 3000 * (1 - 50e-6), 1e-12, 'scaled');
  assert.equal(p2pTransparentCorrection(1000, 4000, 250), 3250);
});

test('fibre asymmetry: 1 m extra in one direction → 4.9 ns one way, 2.45 ns offset error', () => {
  // worked-examples.json asymmetry_fibre (group index 1.4682 assumed there).
  const a = worked.asymmetry_fibre;
  const extraS = (a.extra_fibre_m * 1.4682) / SPEED_OF_LIGHT_M_PER_S;
  close(extraS, a.one_way_extra_s, 1e-20, 'extra delay');
  const r = ptpE2e({ t1: 0, t2: 100e-9 + extraS, t3: 1e-6, t4: 1e-6 + 100e-9 });
  close(r.offsetFromMaster, a.offset_error_s, 1e-20, 'offset error');
});

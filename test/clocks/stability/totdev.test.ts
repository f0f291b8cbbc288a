import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { totdev } from '../../../src/clocks/stability/totdev.ts';
import { checkInvariants, checkNbs14 } from './nbs14.ts';
import { checkReferenceIntervals, checkReferenceTables, ocxoOctaveInputDiffers } from './reference.ts';

describe('totdev (Total deviation)', () => {
  // NIST SP 1065 (Riley 2008) Table 31, NBS14 data sets, as quoted in the shared reference README.
  checkNbs14(totdev, [91.22945, 93.90379], [0.2922319, 0.09134743, 0.0340653]);
  checkReferenceTables('totdev');
  checkReferenceIntervals('totdev');
  checkInvariants('totdev', totdev);

  // Why the OCXO octave TOTDEV rows m >= 256 are only checked against their interval: the octave
  // tables of the overlapping statistics disagree with Stable32's own ADEV/HDEV at m = 1, where the
  // statistics are equal by definition (values from the Stable32 tables themselves).
  test('the OCXO octave tables of OADEV, MDEV, OHDEV and TOTDEV were made from a different input', () => {
    const d = ocxoOctaveInputDiffers();
    for (const stat of ['oadev', 'mdev', 'totdev']) assert.ok(Math.abs(d[stat] - 4.86e-4) < 2e-5, `${stat}: ${d[stat]}`);
    assert.ok(Math.abs(d.ohdev - 7.28e-4) < 2e-5, `ohdev: ${d.ohdev}`);
  });
});

import { describe } from 'node:test';
import { mdev } from '../../../src/clocks/stability/mdev.ts';
import { checkInvariants, checkNbs14 } from './nbs14.ts';
import { checkReferenceIntervals, checkReferenceTables } from './reference.ts';

describe('mdev (Modified Allan deviation)', () => {
  // NIST SP 1065 (Riley 2008) Table 31, NBS14 data sets, as quoted in the shared reference README.
  checkNbs14(mdev, [91.22945, 74.78849], [0.2922319, 0.06172376, 0.02170921]);
  checkReferenceTables('mdev');
  checkReferenceIntervals('mdev');
  checkInvariants('mdev', mdev);
});

import { describe } from 'node:test';
import { tdev } from '../../../src/clocks/stability/tdev.ts';
import { checkInvariants, checkNbs14 } from './nbs14.ts';
import { checkReferenceIntervals, checkReferenceTables } from './reference.ts';

describe('tdev (Time deviation)', () => {
  // NIST SP 1065 (Riley 2008) Table 31, NBS14 data sets, as quoted in the shared reference README.
  checkNbs14(tdev, [52.67135, 86.35831], [0.1687202, 0.3563623, 1.253382]);
  checkReferenceTables('tdev');
  checkReferenceIntervals('tdev');
  checkInvariants('tdev', tdev);
});

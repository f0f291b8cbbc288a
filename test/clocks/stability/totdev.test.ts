import { describe } from 'node:test';
import { totdev } from '../../../src/clocks/stability/totdev.ts';
import { checkInvariants, checkNbs14 } from './nbs14.ts';
import { checkReferenceIntervals, checkReferenceTables } from './reference.ts';

describe('totdev (Total deviation)', () => {
  // NIST SP 1065 (Riley 2008) Table 31, NBS14 data sets, as quoted in the shared reference README.
  checkNbs14(totdev, [91.22945, 93.90379], [0.2922319, 0.09134743, 0.0340653]);
  checkReferenceTables('totdev');
  checkReferenceIntervals('totdev');
  checkInvariants('totdev', totdev);
});

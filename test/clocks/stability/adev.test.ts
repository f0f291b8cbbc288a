import { describe } from 'node:test';
import { adev } from '../../../src/clocks/stability/adev.ts';
import { checkInvariants, checkNbs14 } from './nbs14.ts';
import { checkReferenceIntervals, checkReferenceTables } from './reference.ts';

describe('adev (Allan deviation)', () => {
  // NIST SP 1065 (Riley 2008) Table 31, NBS14 data sets, as quoted in the shared reference README.
  checkNbs14(adev, [91.22945, 115.8082], [0.2922319, 0.09965736, 0.03897804]);
  checkReferenceTables('adev');
  checkReferenceIntervals('adev');
  checkInvariants('adev', adev);
});

import { describe } from 'node:test';
import { hdev } from '../../../src/clocks/stability/hdev.ts';
import { checkInvariants, checkNbs14 } from './nbs14.ts';
import { checkReferenceIntervals, checkReferenceTables } from './reference.ts';

describe('hdev (Hadamard deviation)', () => {
  // NIST SP 1065 (Riley 2008) Table 31, NBS14 data sets, as quoted in the shared reference README.
  checkNbs14(hdev, [70.80608, 116.798], [0.2943883, 0.1052754, 0.0391086]);
  checkReferenceTables('hdev');
  checkReferenceIntervals('hdev');
  checkInvariants('hdev', hdev);
});

import { describe } from 'node:test';
import { ohdev } from '../../../src/clocks/stability/ohdev.ts';
import { checkInvariants, checkNbs14 } from './nbs14.ts';
import { checkReferenceIntervals, checkReferenceTables } from './reference.ts';

describe('ohdev (Overlapping Hadamard deviation)', () => {
  // NIST SP 1065 (Riley 2008) Table 31, NBS14 data sets, as quoted in the shared reference README.
  checkNbs14(ohdev, [70.80607, 85.61487], [0.2943883, 0.09581083, 0.03237638]);
  checkReferenceTables('ohdev');
  checkReferenceIntervals('ohdev');
  checkInvariants('ohdev', ohdev);
});

import { describe } from 'node:test';
import { oadev } from '../../../src/clocks/stability/oadev.ts';
import { checkInvariants, checkNbs14 } from './nbs14.ts';
import { checkReferenceIntervals, checkReferenceTables } from './reference.ts';

describe('oadev (Overlapping Allan deviation)', () => {
  // NIST SP 1065 (Riley 2008) Table 31, NBS14 data sets, as quoted in the shared reference README.
  checkNbs14(oadev, [91.22945, 85.95287], [0.2922319, 0.09159953, 0.03241343]);
  checkReferenceTables('oadev');
  checkReferenceIntervals('oadev');
  checkInvariants('oadev', oadev);
});

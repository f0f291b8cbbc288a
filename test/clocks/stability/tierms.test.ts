import { describe } from 'node:test';
import { tierms } from '../../../src/clocks/stability/tierms.ts';
import { checkInvariants } from './nbs14.ts';
import { checkReferenceTables } from './reference.ts';

describe('tierms', () => {
  checkReferenceTables('tierms');
  checkInvariants('tierms', tierms);
});

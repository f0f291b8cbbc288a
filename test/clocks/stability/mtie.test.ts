import { describe } from 'node:test';
import { mtie } from '../../../src/clocks/stability/mtie.ts';
import { checkInvariants } from './nbs14.ts';
import { checkReferenceTables } from './reference.ts';

describe('mtie', () => {
  checkReferenceTables('mtie');
  checkInvariants('mtie', mtie);
});

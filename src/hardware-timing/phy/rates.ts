import { InputError } from '../../core/errors.ts';
import { phyMessages } from './messages.ts';

/** The Ethernet rates modelled. */
export type RateName = '1G' | '10G' | '25G' | '40G' | '100G' | '400G';
export const RATE_NAMES: readonly RateName[] = ['1G', '10G', '25G', '40G', '100G', '400G'];

/** Forward error correction a PHY may use. */
export type FecName = 'none' | 'rs528' | 'rs544';

/** A Reed–Solomon code over 10-bit symbols: RS(n, k) corrects (n − k)/2 symbols per codeword. */
export interface RsCode {
  readonly n: number;
  readonly k: number;
  /** Bits in one codeword: n symbols of 10 bits. */
  readonly codewordBits: number;
  readonly clause: string;
}

/**
 * RS(528,514) "KR4 FEC": IEEE 802.3 Clause 91 (100GBASE-R, 91.2) and Clause 108 (25GBASE-R).
 * RS(544,514) "KP4 FEC": Clause 91 for 100GBASE-KP4 and Clause 119 (200G/400GBASE-R).
 * Both use 10-bit symbols (91.5.2.7).
 */
export const RS_CODES: Readonly<Record<Exclude<FecName, 'none'>, RsCode>> = {
  rs528: { n: 528, k: 514, codewordBits: 5280, clause: 'IEEE 802.3 Clause 91 (RS(528,514)), Clause 108 at 25G' },
  rs544: { n: 544, k: 514, codewordBits: 5440, clause: 'IEEE 802.3 Clause 91 (RS(544,514), KP4) and Clause 119' },
};

export interface PhyRate {
  readonly name: RateName;
  /** MAC data rate, bits per second: the rate frames are serialised at. */
  readonly bitsPerSecond: number;
  /** Picoseconds per byte at the MAC data rate: an integer at every rate here. */
  readonly bytePs: number;
  /** The PCS line code. */
  readonly encoding: '8b/10b' | '64b/66b' | '64b/66b + 256b/257b';
  /** Code bits per data bit of the line code alone (10/8, 66/64). */
  readonly codeRatio: number;
  /** Physical lanes and the signalling rate of each, in baud (±100 ppm). */
  readonly lanes: number;
  readonly laneBaud: number;
  /** The FEC the common PHY types of this rate use; another can be chosen per link. */
  readonly defaultFec: FecName;
  /** Codewords interleaved by the FEC: a decoder waits for all of them. */
  readonly fecInterleave: number;
  /** The clauses that define this rate's PCS and PMA. */
  readonly clause: string;
}

/**
 * Line rates and encodings (IEEE 802.3-2022):
 * - 1 Gb/s: 1000BASE-X PCS, 8B/10B (Clause 36), 1.25 GBd (Clause 38 PMDs).
 * - 10 Gb/s: 10GBASE-R PCS, 64B/66B (Clause 49), 10.3125 GBd (Clause 52).
 * - 25 Gb/s: 25GBASE-R PCS (Clause 107, 64B/66B), 25.78125 GBd; RS-FEC RS(528,514) (Clause 108),
 *   required by 25GBASE-SR and used by 25GBASE-CR; transcoding 256b/257b keeps the baud unchanged.
 * - 40 Gb/s: 40GBASE-R PCS (Clause 82), 4 lanes of 10.3125 GBd; no RS-FEC.
 * - 100 Gb/s: 100GBASE-R PCS (Clause 82), 4 lanes of 25.78125 GBd; RS-FEC RS(528,514) (Clause 91)
 *   for 100GBASE-SR4, -CR4, -KR4.
 * - 400 Gb/s: 400GBASE-R PCS (Clause 119): 64B/66B transcoded to 256B/257B and RS(544,514),
 *   mandatory, two codewords interleaved (119.2.4); 8 lanes of 26.5625 GBd PAM4 (53.125 Gb/s).
 */
export const PHY_RATES: Readonly<Record<RateName, PhyRate>> = {
  '1G': { name: '1G', bitsPerSecond: 1e9, bytePs: 8000, encoding: '8b/10b', codeRatio: 10 / 8, lanes: 1, laneBaud: 1.25e9, defaultFec: 'none', fecInterleave: 1, clause: 'IEEE 802.3 Clause 36 (1000BASE-X PCS), Clause 38' },
  '10G': { name: '10G', bitsPerSecond: 10e9, bytePs: 800, encoding: '64b/66b', codeRatio: 66 / 64, lanes: 1, laneBaud: 10.3125e9, defaultFec: 'none', fecInterleave: 1, clause: 'IEEE 802.3 Clause 49 (10GBASE-R PCS), Clause 52' },
  '25G': { name: '25G', bitsPerSecond: 25e9, bytePs: 320, encoding: '64b/66b', codeRatio: 66 / 64, lanes: 1, laneBaud: 25.78125e9, defaultFec: 'rs528', fecInterleave: 1, clause: 'IEEE 802.3 Clause 107 (25GBASE-R PCS), Clause 108 (RS-FEC)' },
  '40G': { name: '40G', bitsPerSecond: 40e9, bytePs: 200, encoding: '64b/66b', codeRatio: 66 / 64, lanes: 4, laneBaud: 10.3125e9, defaultFec: 'none', fecInterleave: 1, clause: 'IEEE 802.3 Clause 82 (40GBASE-R PCS)' },
  '100G': { name: '100G', bitsPerSecond: 100e9, bytePs: 80, encoding: '64b/66b', codeRatio: 66 / 64, lanes: 4, laneBaud: 25.78125e9, defaultFec: 'rs528', fecInterleave: 1, clause: 'IEEE 802.3 Clause 82 (100GBASE-R PCS), Clause 91 (RS-FEC)' },
  '400G': { name: '400G', bitsPerSecond: 400e9, bytePs: 20, encoding: '64b/66b + 256b/257b', codeRatio: 66 / 64, lanes: 8, laneBaud: 26.5625e9, defaultFec: 'rs544', fecInterleave: 2, clause: 'IEEE 802.3 Clause 119 (400GBASE-R PCS with RS(544,514))' },
};

/** The rate named, or an InputError listing the known ones. */
export function phyRate(name: string): PhyRate {
  if (!Object.hasOwn(PHY_RATES, name)) throw new InputError(phyMessages.unknownRate(name, RATE_NAMES));
  return PHY_RATES[name as RateName];
}

/**
 * The signalling rate on the medium summed over lanes, in bit/s. With RS-FEC, the 256b/257b
 * transcoding and the FEC parity replace the 64b/66b overhead: RS(528,514) gives
 * 257/256 · 528/514 = 66/64 exactly, so the baud is the same (Clause 91.5.2); RS(544,514) raises it
 * to 257/256 · 544/514 = 1.0625 (425 Gb/s at 400G).
 */
export function encodedBitsPerSecond(rate: PhyRate, fec: FecName): number {
  if (fec === 'none') return rate.bitsPerSecond * rate.codeRatio;
  const code = RS_CODES[fec];
  return rate.bitsPerSecond * (257 / 256) * (code.n / code.k);
}

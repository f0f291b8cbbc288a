import type { RateName } from '../phy/index.ts';

/**
 * Width of the MAC datapath, bits per cycle of a port's core clock, by rate. The receiver crosses
 * each frame from the recovered clock into this clock. The widths are typical of MAC cores
 * (the GMII is 8 bits at 125 MHz, IEEE 802.3 Clause 35; the XGMII 32 bits on both edges of
 * 156.25 MHz, i.e. 64 bits per cycle, Clause 46; FPGA MAC cores at 40G and above use 256- to
 * 1024-bit buses at a few hundred MHz): an implementation choice, not a standard.
 */
export const CORE_DATAPATH_BITS: Readonly<Record<RateName, number>> = {
  '1G': 8, '10G': 64, '25G': 64, '40G': 256, '100G': 512, '400G': 1024,
};

/** Nominal core clock period of a port, ps: datapath bits at the MAC data rate. */
export function coreCyclePs(rate: RateName, bytePs: number): number {
  return (CORE_DATAPATH_BITS[rate] / 8) * bytePs;
}

import { encodedBitsPerSecond, RS_CODES, type FecName, type PhyRate } from './rates.ts';
import { frameTimePs, framesPerSecond, serialisationPs, wireBytes } from './frame.ts';
import { propagationPs, type Medium } from './medium.ts';

/** Per-stage latency of one link, ns, from the first bit leaving the sender's MAC to the last bit reaching the receiver's MAC. */
export interface LinkLatencyNs {
  /** Preamble, SFD and frame at the MAC data rate. */
  serialisation: number;
  /** Line coding: one code group / block encoded at the sender and decoded at the receiver. */
  pcs: number;
  /** RS-FEC: the receiver must hold every interleaved codeword before it can correct it. */
  fec: number;
  /** Flight time in the cable. */
  propagation: number;
  total: number;
}

/**
 * PCS latency: the structural minimum, one code unit (a 10-bit code group at 1G, a 66-bit block
 * on one lane above) at each end. Real PCS pipelines add registers; IEEE 802.3 bounds the sum in
 * each PCS clause's delay constraints. Pass `pcsNs` to `linkLatency` to use a measured value.
 */
export function pcsLatencyPs(rate: PhyRate): number {
  const unitBits = rate.encoding === '8b/10b' ? 10 : 66;
  return 2 * (unitBits / rate.laneBaud) * 1e12;
}

/**
 * RS-FEC latency: the decoder cannot correct a codeword before all of it has arrived, so the
 * minimum added latency is the time of `interleave` codewords at the encoded rate: RS(528,514)
 * at 100G, 5280 bits / 103.125 Gb/s = 51.2 ns; at 25G, 204.8 ns; RS(544,514) at 400G, two
 * interleaved 5440-bit codewords at 425 Gb/s = 25.6 ns.
 */
export function fecLatencyPs(rate: PhyRate, fec: FecName): number {
  if (fec === 'none') return 0;
  const code = RS_CODES[fec];
  const interleave = fec === rate.defaultFec ? rate.fecInterleave : 1;
  return (interleave * code.codewordBits / encodedBitsPerSecond(rate, fec)) * 1e12;
}

export interface PhyReport {
  rate: string;
  frameBytes: number;
  wireBytes: number;
  frameTimeNs: number;
  framesPerSecond: number;
  propagationNs: number;
  latencyNs: LinkLatencyNs;
}

/** Picoseconds to ns, rounded to 1 fs (6 decimals of ns): float noise such as 12.800000000000002 would otherwise show. */
function ns(ps: number): number {
  return Math.round(ps * 1000) / 1e6;
}

/** The timing of one frame over one link (what `chronotope phy` prints). */
export function phyReport(o: { rate: PhyRate; frameBytes: number; medium: Medium; lengthM: number; fec?: FecName; pcsNs?: number }): PhyReport {
  const fec = o.fec ?? o.rate.defaultFec;
  const serial = serialisationPs(o.rate, o.frameBytes);
  const pcs = o.pcsNs !== undefined ? o.pcsNs * 1000 : pcsLatencyPs(o.rate);
  const fecPs = fecLatencyPs(o.rate, fec);
  const prop = propagationPs(o.medium, o.lengthM);
  const latencyNs: LinkLatencyNs = {
    serialisation: ns(serial),
    pcs: ns(pcs),
    fec: ns(fecPs),
    propagation: ns(prop),
    total: ns(serial + pcs + fecPs + prop),
  };
  return {
    rate: o.rate.name,
    frameBytes: o.frameBytes,
    wireBytes: wireBytes(o.frameBytes),
    frameTimeNs: frameTimePs(o.rate, o.frameBytes) / 1000,
    framesPerSecond: Math.round(framesPerSecond(o.rate, o.frameBytes) * 100) / 100,
    propagationNs: ns(prop),
    latencyNs,
  };
}

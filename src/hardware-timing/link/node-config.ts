import { InputError } from '../../core/errors.ts';
import { linkMessages } from './messages.ts';

/** How a NIC or switch forwards: after the header (cut-through) or after the whole frame and its FCS (store-and-forward). */
export type ForwardingMode = 'cut-through' | 'store-and-forward';

export interface NodeConfig {
  mode: ForwardingMode;
  /** Lookup and switching pipeline, from the forwarding decision to the output FIFO, ns. */
  forwardingNs: number;
  /** Each output port's FIFO, bytes of frames waiting (a frame that would exceed it is tail-dropped). */
  fifoBytes: number;
  /** Receiver clock-domain crossing: cycles of the receiving port's core clock in the synchroniser. */
  cdcCycles: number;
}

/**
 * Defaults. These are modelling assumptions, not standards: set them for the hardware studied.
 * - Host NIC (the FPGA NIC of the octavalent mesh): cut-through, 20 ns pipeline (a few cycles of a
 *   few-hundred-MHz FPGA), 64 KiB per output port.
 * - Switch: cut-through, 300 ns port to port (the order of today's low-latency data-centre
 *   switch ASICs), 128 KiB per output port.
 * - Clock-domain crossing: a two-flop synchroniser (2 cycles), the standard minimum (Ginosar,
 *   "Metastability and synchronizers: a tutorial", IEEE Design & Test 28(5), 2011).
 */
export const DEFAULT_HOST_CONFIG: NodeConfig = { mode: 'cut-through', forwardingNs: 20, fifoBytes: 65536, cdcCycles: 2 };
export const DEFAULT_SWITCH_CONFIG: NodeConfig = { mode: 'cut-through', forwardingNs: 300, fifoBytes: 131072, cdcCycles: 2 };

/** MAC header bytes a cut-through node needs before it can decide: destination, source, EtherType (IEEE 802.3 Clause 3.2.3–3.2.6). */
export const MAC_HEADER_BYTES = 14;

export function resolveNodeConfig(base: NodeConfig, over: Partial<NodeConfig> | undefined, what: string): NodeConfig {
  const c = { ...base, ...over };
  if (c.mode !== 'cut-through' && c.mode !== 'store-and-forward') {
    throw new InputError(linkMessages.badConfig(`${what}.mode`, c.mode, "'cut-through' or 'store-and-forward'"));
  }
  if (!(Number.isFinite(c.forwardingNs) && c.forwardingNs >= 0)) throw new InputError(linkMessages.badConfig(`${what}.forwardingNs`, c.forwardingNs, 'a number ≥ 0'));
  if (!(Number.isSafeInteger(c.fifoBytes) && c.fifoBytes >= 64)) throw new InputError(linkMessages.badConfig(`${what}.fifoBytes`, c.fifoBytes, 'an integer ≥ 64'));
  if (!(Number.isSafeInteger(c.cdcCycles) && c.cdcCycles >= 0 && c.cdcCycles <= 16)) throw new InputError(linkMessages.badConfig(`${what}.cdcCycles`, c.cdcCycles, 'an integer from 0 to 16'));
  return c;
}

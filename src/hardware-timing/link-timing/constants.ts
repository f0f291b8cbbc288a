/** The spec's propagation figure, 5 ns per metre (fibre is 4.9 ns/m at n = 1.467). */
export const PROPAGATION_PS_PER_M = 5000;
/** 84 bytes on the wire at 10 Gb/s (IEEE 802.3 clause 4: 64 B frame, 8 B preamble and SFD, 12 B IPG). */
export const MIN_FRAME_WIRE_PS = 67_200;
/** Bits of a minimum frame on the wire (84 bytes), the unit exposed to bit errors. */
export const MIN_FRAME_WIRE_BITS = 84 * 8;
/** One cycle of the 10GBASE-R PCS clock, 156.25 MHz (IEEE 802.3 clause 49: 10.3125 GBd / 66). */
export const FPGA_CYCLE_PS = 6400;
/** Cycles a NIC takes to pass a frame from port to port (an assumption; the spec says 2–4). */
export const NIC_PIPELINE_CYCLES = 4;

/** Public API of PHY timing (IEEE 802.3): rates, encodings, FEC, frames on the wire, media, clock tolerance. */
export { PHY_RATES, RATE_NAMES, RS_CODES, phyRate, encodedBitsPerSecond, type PhyRate, type RateName, type FecName, type RsCode } from './rates.ts';
export {
  PREAMBLE_BYTES, SFD_BYTES, MIN_IPG_BYTES, MIN_FRAME_BYTES, MAX_UNTAGGED_FRAME_BYTES, MAX_TAGGED_FRAME_BYTES,
  MAX_ENVELOPE_FRAME_BYTES, JUMBO_MAX_FRAME_BYTES, WIRE_OVERHEAD_BYTES,
  maxFrameBytes, checkFrameBytes, wireBytes, frameTimePs, serialisationPs, framesPerSecond, frameLengthM,
} from './frame.ts';
export { MEDIA, MEDIUM_NAMES, medium, nsPerMetre, propagationPs, parseLengthM, type Medium, type MediumName } from './medium.ts';
export { CLOCK_TOLERANCE_PPM, IDLE_COLUMN_BYTES, checkPpm, elasticBuffer, type ElasticBuffer } from './clock-tolerance.ts';
export { pcsLatencyPs, fecLatencyPs, phyReport, type PhyReport, type LinkLatencyNs } from './latency.ts';
export { phyMessages } from './messages.ts';
export { handshakeUtilisation, framesInFlight, windowUtilisation, metcalfeBoggs, bilateralEfficiency } from './efficiency.ts';

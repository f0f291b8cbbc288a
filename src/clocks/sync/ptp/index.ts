/** PTP (IEEE 1588-2019): end-to-end and peer-to-peer delay, transparent clocks, asymmetry, rate ratio. */
export { ptpE2e } from './e2e.ts';
export type { E2eExchange, E2eResult } from './e2e.ts';
export { neighborRateRatio, ptpMeanLinkDelay, ptpP2pOffset } from './p2p.ts';
export type { PdelayExchange } from './p2p.ts';
export { p2pTransparentCorrection, residenceCorrection } from './transparent-clock.ts';

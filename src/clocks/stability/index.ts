/**
 * Frequency-stability statistics with Stable32 / NIST SP 1065 conventions: ADEV, OADEV, MDEV,
 * TDEV, HDEV, OHDEV, TOTDEV, MTIE and TIE rms, with EDF-based confidence intervals and
 * power-law noise identification.
 */
export { adev } from './adev.ts';
export { oadev } from './oadev.ts';
export { mdev } from './mdev.ts';
export { tdev } from './tdev.ts';
export { hdev } from './hdev.ts';
export { ohdev } from './ohdev.ts';
export { totdev } from './totdev.ts';
export { mtie } from './mtie.ts';
export { tierms } from './tierms.ts';
export { stability, statisticSpec } from './stability.ts';
export { STATISTIC_NAMES, type StatisticName } from './statistic.ts';
export type { StabilityOptions, StabilityResult } from './run-statistic.ts';
export { allFactors, decadeFactors, octaveFactors, parseTauSet, type TauSet } from './averaging-factors.ts';
export { frequencyToPhase, fractionalFrequency, type DataType } from './phase-data.ts';
export { chiSquaredCdf, chiSquaredQuantile } from './chi-squared.ts';
export { greenhallEdf, totdevEdf } from './edf.ts';
export { confidenceInterval, ONE_SIGMA_CONFIDENCE } from './confidence.ts';
export { identifyNoise, NOISE_NAMES } from './noise-id.ts';
export { readSeries, parseSeries, loadSeries, type SeriesSource, type ParseOptions as SeriesReadOptions } from './read-series.ts';
export { logLogSlope } from './log-log-slope.ts';

/** Relativistic clocks: velocity and gravitational time dilation, GPS, a probe swarm at 0.2 c. */
export * from './constants.ts';
export { circularOrbitRateParts, circularOrbitRateVsGeoid, lorentzFactor, properRateOffset } from './time-dilation.ts';
export { eccentricAnomaly, integrateOrbitClock } from './orbit-clock.ts';
export { swarmExchange, type SwarmExchange } from './probe-swarm.ts';

import type { DetectorName } from './experiment.ts';

/**
 * The timing assumption each detector rests on. In a purely asynchronous system no detector is
 * both complete and accurate (Chandra and Toueg, JACM 1996; Fischer, Lynch and Paterson 1985);
 * each one below places that assumption somewhere, and the QoS metrics show what it costs.
 */
export const TIMING_ASSUMPTIONS: Readonly<Record<DetectorName, string>> = {
  fixed: 'every gap between heartbeat arrivals is shorter than eta + delta',
  'nfd-s': 'q knows the send times (synchronised clocks); a heartbeat later than delta counts as a mistake',
  'nfd-e': 'a known eta and a stationary delay; clock offset cancels, drift does not',
  phi: 'inter-arrival times are normal with the window\'s mean and variance',
  'phi-akka': 'inter-arrival times roughly normal; a silence over mean + acceptable pause + y*·max(sigma, floor) is a crash',
  cassandra: 'heartbeats arrive as a Poisson process: a silence over threshold·ln 10 × the mean interval is a crash',
  swim: 'a probe round (direct and k indirect) completes within one protocol period',
  lifeguard: 'as SWIM, plus: independent members confirm within the suspicion timeout; a slow prober stretches its own timeouts',
  'link-count': 'none on a link with live neighbours: a count of events on the other ports, relative to the link\'s own rate; a node whose other ports are all silent still needs a clock (ENTL\'s HELLO watchdog)',
  'alternate-path': 'none beyond link-count: answers come back over other paths; with no path back and no loss-of-signal report, a crash and a silent complete partition look alike',
};

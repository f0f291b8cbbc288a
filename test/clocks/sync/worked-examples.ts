import { readFileSync } from 'node:fs';

/**
 * The worked synchronisation examples (data/reference/sync/worked-examples.json; sources in
 * data/reference/SOURCES.md: RFC 5905, IEEE 1588-2019, IEEE 802.1AS-2020, linuxptp pi.c and
 * config.c, Corbett et al. 2012, Lee et al. 2016).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const worked: any = JSON.parse(readFileSync('data/reference/sync/worked-examples.json', 'utf8'));

export const close = (actual: number, expected: number, tolerance: number, what: string) => {
  if (!(Math.abs(actual - expected) <= tolerance)) throw new Error(`${what}: ${actual} vs ${expected} (tolerance ${tolerance})`);
};

import type { RandomStream } from '../../core/random/index.ts';
import { LINK_STATES, type LinkState } from './link-state.ts';
import type { Detection } from './detection.ts';

/** A failure at a moment of a run (times in picoseconds). Failures are permanent for the run. */
export type Failure =
  | { readonly kind: 'link'; readonly atPs: number; readonly link: number; readonly state: Exclude<LinkState, 'up'>; readonly detection: Detection }
  | { readonly kind: 'node-crash'; readonly atPs: number; readonly node: number };

export interface NetworkLinks {
  readonly nodeCount: number;
  readonly links: readonly { readonly a: number; readonly b: number }[];
}

export interface RandomScheduleOptions {
  /** Probability that each link fails during the run. */
  readonly linkFailureRate: number;
  /** Probability that each node crashes during the run (default 0). */
  readonly nodeCrashRate?: number;
  /** Fraction of link failures the PHY reports (loss of signal); the rest are silent (default 0.5). */
  readonly lossOfSignalFraction?: number;
  readonly horizonPs: number;
}

/**
 * A random failure schedule: each link fails with probability `linkFailureRate` at a uniform
 * moment of [0, horizon), into one of its three failed states with equal probability; each node
 * crashes with probability `nodeCrashRate`. Draws are made for every link and node whatever the
 * rates, so changing a rate keeps the moments and states (the same seed, fewer or more failures).
 */
export function randomFailureSchedule(network: NetworkLinks, options: RandomScheduleOptions, rng: RandomStream): Failure[] {
  const failures: Failure[] = [];
  const los = options.lossOfSignalFraction ?? 0.5;
  for (let link = 0; link < network.links.length; link++) {
    const u = rng.uniform();
    const atPs = Math.floor(rng.uniform() * options.horizonPs);
    const state = LINK_STATES[1 + rng.uniformInt(3)] as Exclude<LinkState, 'up'>;
    const detection: Detection = rng.uniform() < los ? 'loss-of-signal' : 'silent';
    if (u < options.linkFailureRate) failures.push({ kind: 'link', atPs, link, state, detection });
  }
  const crashRate = options.nodeCrashRate ?? 0;
  for (let node = 0; node < network.nodeCount; node++) {
    const u = rng.uniform();
    const atPs = Math.floor(rng.uniform() * options.horizonPs);
    if (u < crashRate) failures.push({ kind: 'node-crash', atPs, node });
  }
  return failures.sort((x, y) => x.atPs - y.atPs);
}

/**
 * A partial partition: every link between `sideA` and `sideB` dies at `atPs` (silently), while
 * nodes in neither set keep their links to both, so A and B can still reach each other through
 * them, and each reaches the bridges (the case where "A can talk to C, C can talk to B, A cannot
 * talk to B" that breaks many failure detectors).
 */
export function partialPartition(network: NetworkLinks, sideA: readonly number[], sideB: readonly number[], atPs: number): Failure[] {
  const a = new Set(sideA);
  const b = new Set(sideB);
  return network.links.flatMap((l, link): Failure[] =>
    (a.has(l.a) && b.has(l.b)) || (a.has(l.b) && b.has(l.a))
      ? [{ kind: 'link', atPs, link, state: 'dead', detection: 'silent' }]
      : []);
}

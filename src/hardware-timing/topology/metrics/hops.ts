import { routingOf } from '../routing.ts';
import type { Topology } from '../topology.ts';

/**
 * Hop counts between hosts: the diameter (largest) and the mean over ordered pairs of distinct
 * hosts, counting links (a host–switch–host path is 2 hops). Infinity if some pair is disconnected.
 */
export function hostHops(t: Topology): { diameter: number; meanHops: number } {
  const r = routingOf(t);
  const h = t.hostCount;
  let max = 0;
  let sum = 0;
  for (let b = 0; b < h; b++) {
    const hops = r.hopsTo(b);
    for (let a = 0; a < h; a++) {
      if (a === b) continue;
      const d = hops[a];
      if (d < 0) return { diameter: Infinity, meanHops: Infinity };
      sum += d;
      if (d > max) max = d;
    }
  }
  return { diameter: max, meanHops: h > 1 ? sum / (h * (h - 1)) : 0 };
}

import type { Topology } from '../topology.ts';
import { bisectionLinks } from './bisection.ts';
import { hostHops } from './hops.ts';
import { spectrum } from './spectrum.ts';
import { triangleFraction } from './triangles.ts';

/** Every metric of a topology, as `chronotope topology` prints it (plus hosts, switches, ports). */
export interface TopologyMetrics {
  /** All nodes, hosts and switches. */
  nodes: number;
  links: number;
  diameter: number;
  meanHops: number;
  bisectionLinks: number;
  lambda2: number;
  log10SpanningTrees: number;
  /** Total cable length over hosts, metres per host. */
  cableMPerNode: number;
  triangleFraction: number;
  hosts: number;
  switches: number;
  /** Ports in use: two per link. */
  ports: number;
}

export function topologyMetrics(t: Topology): TopologyMetrics {
  const { diameter, meanHops } = hostHops(t);
  const connected = Number.isFinite(diameter) && t.nodes.every((n) => t.degree(n.id) > 0 || t.nodeCount === 1);
  const s = connected ? spectrum(t) : { lambda2: 0, log10SpanningTrees: -Infinity };
  return {
    nodes: t.nodeCount,
    links: t.linkCount,
    diameter,
    meanHops,
    bisectionLinks: bisectionLinks(t),
    lambda2: s.lambda2,
    log10SpanningTrees: s.log10SpanningTrees,
    cableMPerNode: t.cableM / t.hostCount,
    triangleFraction: triangleFraction(t),
    hosts: t.hostCount,
    switches: t.switchCount,
    ports: 2 * t.linkCount,
  };
}

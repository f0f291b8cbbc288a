import { InputError } from '../../core/errors.ts';
import { topologyMessages } from './messages.ts';
import { rackSlot, torSlot } from './racks.ts';
import { trayM, TopologyBuilder, type Topology } from './topology.ts';

/** Largest k the builder accepts (k³/4 = 8192 hosts). */
export const MAX_FAT_TREE_K = 32;

/** The host counts of k-ary fat-trees, k = 2, 4, …, MAX_FAT_TREE_K. */
export const FAT_TREE_HOST_COUNTS: readonly number[] = Array.from({ length: MAX_FAT_TREE_K / 2 }, (_, i) => (2 * (i + 1)) ** 3 / 4);

/** The k of the fat-tree with this many hosts, or throws an InputError listing the valid counts. */
export function fatTreeK(hosts: number): number {
  const i = FAT_TREE_HOST_COUNTS.indexOf(hosts);
  if (i < 0) throw new InputError(topologyMessages.fatTreeNodes(hosts, FAT_TREE_HOST_COUNTS));
  return 2 * (i + 1);
}

/**
 * The k-ary fat-tree of Al-Fares, Loukissas & Vahdat ("A scalable, commodity data center network
 * architecture", SIGCOMM 2008, §3.1): k pods, each with k/2 edge and k/2 aggregation switches of
 * k ports; each edge switch serves k/2 hosts and links to every aggregation switch of its pod;
 * (k/2)² core switches, core j linked to aggregation switch ⌊j / (k/2)⌋ of every pod.
 * k³/4 hosts, 5k²/4 switches, 3k³/4 links.
 *
 * Layout: each edge switch is the top-of-rack switch of a rack of k/2 hosts; a pod's racks stand
 * together followed by the pod's aggregation rack; the core rack ends the row.
 */
export function fatTree(o: { k: number }): Topology {
  const { k } = o;
  if (!Number.isSafeInteger(k) || k < 2 || k > MAX_FAT_TREE_K || k % 2 !== 0) {
    throw new InputError(topologyMessages.badInteger('k (even)', k, 2, MAX_FAT_TREE_K));
  }
  const half = k / 2;
  const racksPerPod = half + 1; // k/2 host racks and one aggregation rack
  const b = new TopologyBuilder();
  // Hosts: pod p, edge e, port i → host id (p·half + e)·half + i, in rack p·racksPerPod + e.
  for (let p = 0; p < k; p++) {
    for (let e = 0; e < half; e++) {
      for (let i = 0; i < half; i++) {
        const s = rackSlot(p * racksPerPod + e, i);
        b.addNode(`h${(p * half + e) * half + i}`, 'host', s.xM, s.yM, s.zM);
      }
    }
  }
  const edge: number[][] = [];
  const agg: number[][] = [];
  for (let p = 0; p < k; p++) {
    edge.push([]);
    agg.push([]);
    for (let e = 0; e < half; e++) {
      const t = torSlot(p * racksPerPod + e);
      edge[p].push(b.addNode(`edge${p}.${e}`, 'switch', t.xM, t.yM, t.zM));
    }
    for (let a = 0; a < half; a++) {
      const s = rackSlot(p * racksPerPod + half, a);
      agg[p].push(b.addNode(`agg${p}.${a}`, 'switch', s.xM, s.yM, s.zM));
    }
  }
  const core: number[] = [];
  for (let j = 0; j < half * half; j++) {
    const s = rackSlot(k * racksPerPod, j);
    core.push(b.addNode(`core${j}`, 'switch', s.xM, s.yM, s.zM));
  }
  for (let p = 0; p < k; p++) {
    for (let e = 0; e < half; e++) {
      for (let i = 0; i < half; i++) {
        const h = (p * half + e) * half + i;
        b.addLink(h, edge[p][e], trayM(b.node(h), b.node(edge[p][e])));
      }
      for (let a = 0; a < half; a++) b.addLink(edge[p][e], agg[p][a], trayM(b.node(edge[p][e]), b.node(agg[p][a])));
    }
  }
  for (let j = 0; j < half * half; j++) {
    const a = Math.floor(j / half);
    for (let p = 0; p < k; p++) b.addLink(agg[p][a], core[j], trayM(b.node(agg[p][a]), b.node(core[j])));
  }
  return b.build('fat-tree', `${k}-ary fat-tree: ${k ** 3 / 4} hosts, ${5 * k * k / 4} switches`);
}

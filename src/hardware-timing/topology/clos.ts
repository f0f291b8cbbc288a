import { InputError } from '../../core/errors.ts';
import { topologyMessages } from './messages.ts';
import { HOSTS_PER_RACK } from './physical.ts';
import { rackSlot, torSlot } from './racks.ts';
import { trayM, TopologyBuilder, type Topology } from './topology.ts';

export const MAX_CLOS_HOSTS = 8192;
export const MAX_CLOS_SPINES = 256;

export interface ClosOptions {
  hosts: number;
  /** Hosts under each leaf (its down-links), 1 to 40 (one rack); default 8. */
  hostsPerLeaf?: number;
  /** Spine switches; each leaf has one up-link to each. Default = hostsPerLeaf (1:1, non-blocking). */
  spines?: number;
}

export const CLOS_DEFAULT_HOSTS_PER_LEAF = 8;

/**
 * The two-tier leaf-spine Clos network (C. Clos, "A study of non-blocking switching networks",
 * Bell System Technical Journal 32(2), 1953; folded into leaf and spine as in today's data
 * centres): ⌈hosts / hostsPerLeaf⌉ leaves, each the top-of-rack switch of its rack of hosts, every
 * leaf linked to every spine. Spines stand in a network rack at the end of the row.
 * With spines ≥ hostsPerLeaf the network is rearrangeably non-blocking (Clos's m ≥ n; Beneš 1962).
 */
export function clos(o: ClosOptions): Topology {
  const { hosts } = o;
  if (!Number.isSafeInteger(hosts) || hosts < 1 || hosts > MAX_CLOS_HOSTS) {
    throw new InputError(topologyMessages.badInteger('hosts', hosts, 1, MAX_CLOS_HOSTS));
  }
  const perLeaf = o.hostsPerLeaf ?? CLOS_DEFAULT_HOSTS_PER_LEAF;
  if (!Number.isSafeInteger(perLeaf) || perLeaf < 1 || perLeaf > HOSTS_PER_RACK) {
    throw new InputError(topologyMessages.badInteger('hostsPerLeaf', perLeaf, 1, HOSTS_PER_RACK));
  }
  const spines = o.spines ?? perLeaf;
  if (!Number.isSafeInteger(spines) || spines < 1 || spines > MAX_CLOS_SPINES) {
    throw new InputError(topologyMessages.badInteger('spines', spines, 1, MAX_CLOS_SPINES));
  }
  const leaves = Math.ceil(hosts / perLeaf);
  const b = new TopologyBuilder();
  for (let h = 0; h < hosts; h++) {
    const s = rackSlot(Math.floor(h / perLeaf), h % perLeaf);
    b.addNode(`h${h}`, 'host', s.xM, s.yM, s.zM);
  }
  const leafIds: number[] = [];
  for (let l = 0; l < leaves; l++) {
    const t = torSlot(l);
    leafIds.push(b.addNode(`leaf${l}`, 'switch', t.xM, t.yM, t.zM));
  }
  const spineIds: number[] = [];
  for (let s = 0; s < spines; s++) {
    const slot = rackSlot(leaves, s);
    spineIds.push(b.addNode(`spine${s}`, 'switch', slot.xM, slot.yM, slot.zM));
  }
  for (let h = 0; h < hosts; h++) {
    const leaf = leafIds[Math.floor(h / perLeaf)];
    b.addLink(h, leaf, trayM(b.node(h), b.node(leaf)));
  }
  for (const leaf of leafIds) for (const spine of spineIds) b.addLink(leaf, spine, trayM(b.node(leaf), b.node(spine)));
  return b.build('clos', `leaf-spine Clos: ${hosts} hosts, ${leaves} leaves of ${perLeaf}, ${spines} spines`);
}

import { InputError } from '../../core/errors.ts';
import { topologyMessages } from './messages.ts';
import { HOSTS_PER_RACK } from './physical.ts';
import { rackSlot, torSlot } from './racks.ts';
import { trayM, TopologyBuilder, type Topology } from './topology.ts';

/** Most hosts on one star switch the builder accepts. */
export const MAX_STAR_HOSTS = 4096;

/**
 * N hosts on one switch: the top-of-rack star of today's data centres. Hosts fill racks of 40
 * (one per rack unit) in a row; the switch sits at the top of the first rack; cables run in trays
 * (Manhattan length). With more than 40 hosts this is still one switch (an end-of-row chassis).
 */
export function star(o: { hosts: number }): Topology {
  const { hosts } = o;
  if (!Number.isSafeInteger(hosts) || hosts < 1 || hosts > MAX_STAR_HOSTS) {
    throw new InputError(topologyMessages.badInteger('hosts', hosts, 1, MAX_STAR_HOSTS));
  }
  const b = new TopologyBuilder();
  for (let h = 0; h < hosts; h++) {
    const s = rackSlot(Math.floor(h / HOSTS_PER_RACK), h % HOSTS_PER_RACK);
    b.addNode(`h${h}`, 'host', s.xM, s.yM, s.zM);
  }
  const t = torSlot(0);
  const sw = b.addNode('tor0', 'switch', t.xM, t.yM, t.zM);
  for (let h = 0; h < hosts; h++) b.addLink(h, sw, trayM(b.node(h), b.node(sw)));
  return b.build('star', `star of ${hosts} hosts on one switch`);
}

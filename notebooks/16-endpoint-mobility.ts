/**
 * Notebook 16: a named endpoint that moves to another computer mid-stream, and a multicast group
 * whose active member fails, over the atomic mesh and over a conventional network. Run:
 * `chronotope run notebooks/16-endpoint-mobility.ts`.
 *
 * Sources:
 * - The claims tested: the Open Atomic Ethernet seed text (an endpoint named in the mesh can move
 *   without losing packets or its sessions; a group fails over without the sender noticing).
 * - The models: src/hardware-timing/endpoints/mobility.ts and group.ts (ours), on the atomic
 *   handshake of src/hardware-timing/protocols/handshake.ts; loss-of-signal detection after
 *   IEEE 802.3 clause 49.2.13.2.2 (16 invalid sync headers).
 * - The conventional side's rebinding and switchover times are parameters (assumptions), not
 *   measurements of any product.
 */
import * as Plot from '@observablehq/plot';
import { simulateEndpointMove, simulateGroupFailover, type DeliveryVerdict } from '../src/index.ts';
import { mesh8 } from '../src/hardware-timing/topology/index.ts';
import { notebook, type TableRow } from '../src/notebook/index.ts';

const MODES = ['atomic', 'conventional'] as const;
const COLORS = { old: '#1b9e77', new: '#d95f02', lost: '#e7298a' };

export default notebook(
  {
    title: 'Endpoints that move and groups that fail over',
    summary: 'A stream to a named endpoint that moves mid-stream, and to a group whose active member crashes: nothing lost, duplicated or reordered on the atomic mesh; losses on a conventional network.',
    params: {
      side: { value: 8, min: 3, max: 32, integer: true, description: 'mesh side (side × side nodes, wrap-around)' },
      messages: { value: 1500, min: 10, max: 1e6, integer: true, description: 'messages in each stream' },
      intervalNs: { value: 20, min: 1, description: 'time between messages (ns)' },
      eventAtNs: { value: 10000, min: 0, description: 'when the endpoint moves / the active member crashes (ns)' },
      rebindNs: { value: 5000, min: 0, description: 'conventional: time for the sender to learn the new address, and for the group address to move (ns)' },
    },
    seed: 16,
  },
  (nb, { side, messages, intervalNs, eventAtNs, rebindNs }) => {
    const network = mesh8({ rows: side, cols: side, wrap: true });
    const n = side * side;
    const source = 0;
    const from = Math.floor(n / 2) + Math.floor(side / 2);
    const to = (from + 2 * side + 2) % n;
    const standby = network.neighbours(from)[1];
    nb.md`
      A source on node ${source} streams ${messages.toLocaleString('en-US')} numbered messages, one every ${intervalNs} ns.
      **Mobility**: the endpoint they are addressed to lives on node ${from} and moves to node ${to} at ${eventAtNs} ns.
      **Failover**: the stream goes to a group whose active member is node ${from} and standby node ${standby}; the active
      member crashes at ${eventAtNs} ns. Each history is judged by the delivery judge, with the stream's order.

      On the atomic mesh every hop is the atomic handshake. The moving endpoint's session (next
      sequence number, reorder buffer) travels as one atomic transfer, the old node forwards
      latecomers, the endpoint delivers in sequence order. The group logs each message at the
      standby before the last signal of its hop goes back, so the node before the active member
      holds a copy of everything not yet safe in both members, and re-sends it to the standby when
      it sees the crash (loss of signal, 102.4 ns). On the conventional network the old address
      drops what reaches it until the sender learns the new one, ${rebindNs} ns after the move, and the
      group's address moves ${rebindNs} ns after the crash.
    `;

    const summary: TableRow[] = [];
    const points: Array<{ scenario: string; mode: string; seq: number; timeNs: number | null; where: string }> = [];
    const record = (scenario: string, mode: string, verdict: DeliveryVerdict, extra: TableRow) => summary.push({
      scenario, mode, sent: verdict.sent, delivered: verdict.delivered, lost: verdict.lost, duplicates: verdict.duplicates,
      reordered: verdict.reordered, semantics: verdict.semantics, ...extra,
    });
    for (const mode of MODES) {
      const r = simulateEndpointMove({ network, mode, source, from, to, messages, intervalNs, moveAtNs: eventAtNs, seed: nb.seed, rebindNs });
      record('endpoint moves', mode, r.verdict, { forwarded: r.forwarded, waited: r.waitedForOrder });
      for (let seq = 0; seq < messages; seq++) {
        const where = r.deliveredOn[seq] === from ? 'old' : r.deliveredOn[seq] === to ? 'new' : 'lost';
        points.push({ scenario: 'endpoint moves', mode, seq, timeNs: Number.isNaN(r.deliveredAtNs[seq]) ? null : r.deliveredAtNs[seq], where });
      }
      const g = simulateGroupFailover({ network, mode, source, active: from, standby, messages, intervalNs, crashAtNs: eventAtNs, seed: nb.seed, switchoverNs: rebindNs });
      record('group fails over', mode, g.verdict, { forwarded: g.resent, waited: g.alreadyLogged });
      for (let seq = 0; seq < messages; seq++) {
        const where = g.deliveredBy[seq] === from ? 'old' : g.deliveredBy[seq] === standby ? 'new' : 'lost';
        points.push({ scenario: 'group fails over', mode, seq, timeNs: Number.isNaN(g.deliveredAtNs[seq]) ? null : g.deliveredAtNs[seq], where });
      }
    }
    const summaryTable = nb.table('summary', summary, [
      { key: 'scenario', header: 'scenario' },
      { key: 'mode', header: 'network' },
      { key: 'sent', header: 'sent (1)' },
      { key: 'delivered', header: 'delivered (1)' },
      { key: 'lost', header: 'lost (1)' },
      { key: 'duplicates', header: 'duplicates (1)' },
      { key: 'reordered', header: 'out of order (1)' },
      { key: 'semantics', header: 'judged' },
      { key: 'forwarded', header: 'forwarded via old node / re-sent to standby (1)' },
      { key: 'waited', header: 'waited for order / already in the standby log (1)' },
    ], { caption: 'Both scenarios on both networks, judged by the delivery judge (order per stream).' });

    const scenarioFigure = (name: string, scenario: string, caption: string) => {
      const mine = points.filter((p) => p.scenario === scenario);
      nb.figure(name, {
        width: 720, height: 400, marginLeft: 70, marginRight: 100,
        x: { label: 'message number (1)' },
        y: { label: 'delivered at (ns)', grid: true },
        fy: { label: null },
        color: { domain: ['old', 'new'], range: [COLORS.old, COLORS.new] },
        marks: [
          Plot.tickX(mine.filter((p) => p.timeNs === null), { x: 'seq', fy: 'mode', stroke: COLORS.lost, strokeOpacity: 0.3 }),
          Plot.dot(mine.filter((p) => p.timeNs !== null), { x: 'seq', y: 'timeNs', fy: 'mode', fill: 'where', r: 1.2 }),
          Plot.ruleY([eventAtNs], { stroke: '#999', strokeDasharray: '4,3' }),
        ],
      } as Plot.PlotOptions, { caption, data: summaryTable });
    };
    scenarioFigure('endpoint-move', 'endpoint moves', `Each message's delivery time against its number (green: at the old node, orange: at the new node, pink band: lost); dashed: the move at ${eventAtNs} ns. On the atomic mesh every message arrives, in order, after a short stall while the session moves; conventionally what is sent before the rebinding is lost.`);
    scenarioFigure('group-failover', 'group fails over', `The same for the group (green: delivered by the active member, orange: by the standby, pink band: lost); dashed: the crash at ${eventAtNs} ns. The sender is told nothing in either case; on the atomic mesh it also loses nothing.`);
  },
);

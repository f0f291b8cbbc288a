import { InputError } from '../../core/errors.ts';
import { buildTopology } from '../../hardware-timing/index.ts';
import type { OscillatorClassName } from '../clock/oscillator-classes.ts';
import { DTP_TICK_NS_10G, simulateDtp } from './dtp.ts';
import { syncMessages } from './messages.ts';
import { chainGraph, type SyncGraph } from './network/graph.ts';
import { summariseOffsets, type SyncSummary } from './network/offset-metrics.ts';
import { simulateTwoWayNetwork } from './network/two-way-network.ts';

/**
 * One call for `chronotope sync`: an algorithm on a topology of N hosts with the hardware-timing
 * builders' cable lengths (mesh = the 8-neighbour mesh8 without wrap, star on one switch, a
 * leaf-spine Clos; chain = N hosts in a line, 1 m apart). The reference is host 0 (grandmaster,
 * NTP server, TrueTime master; for DTP, which has none, host 0's counter); switches carry clocks
 * (transparent or boundary clocks) but are not reported.
 */
export const SYNC_ALGORITHMS = ['ntp', 'ptp-e2e', 'ptp-p2p', 'dtp', 'huygens', 'truetime'] as const;
export type SyncAlgorithm = (typeof SYNC_ALGORITHMS)[number];
export const SYNC_TOPOLOGIES = ['mesh', 'star', 'clos', 'chain'] as const;
export type SyncTopology = (typeof SYNC_TOPOLOGIES)[number];

/**
 * Default sync interval per algorithm, s: PTP's default logSyncInterval 0 (1 s; IEEE 1588-2019
 * Annex J default profile), NTP's minimum poll 2^4 = 16 s (RFC 5905 §7.2 MINPOLL 4), Huygens'
 * 2 s windows (Geng et al. 2018 §3), Spanner's 30 s polls (Corbett et al. 2012 §3), DTP's beacon
 * every 200 ticks = 1.28 µs.
 */
export const DEFAULT_SYNC_INTERVAL_S: Readonly<Record<SyncAlgorithm, number>> = {
  ntp: 16, 'ptp-e2e': 1, 'ptp-p2p': 1, huygens: 2, truetime: 30, dtp: 200 * DTP_TICK_NS_10G * 1e-9,
};

export interface SyncRunOptions {
  readonly algorithm: SyncAlgorithm;
  readonly topology: SyncTopology;
  readonly nodes: number;
  readonly durationS: number;
  readonly syncIntervalS?: number;
  readonly oscillator?: OscillatorClassName;
  readonly asymmetryNs?: number;
  readonly seed: number;
  readonly onProgress?: (fraction: number) => void;
}

export interface SyncRun {
  readonly summary: SyncSummary;
  readonly graph: SyncGraph;
  readonly hosts: number;
  /** Message events delivered (PHY beacons for DTP, probes for Huygens). */
  readonly messageEvents: number;
}

export function syncGraph(topology: SyncTopology, nodes: number): { graph: SyncGraph; hosts: number } {
  if (!(SYNC_TOPOLOGIES as readonly string[]).includes(topology)) throw new InputError(syncMessages.badEnum('topology', topology, SYNC_TOPOLOGIES));
  if (!Number.isSafeInteger(nodes) || nodes < 2) throw new InputError(syncMessages.badNumber('nodes', 'an integer ≥ 2', nodes));
  if (topology === 'chain') return { graph: chainGraph(nodes, 1), hosts: nodes };
  const t = buildTopology({ kind: topology === 'mesh' ? 'mesh8' : topology, nodes });
  return { graph: t, hosts: t.hostCount };
}

/** Async only because the Huygens estimator's linear algebra (mathjs) is loaded when it is used. */
export async function runSync(o: SyncRunOptions): Promise<SyncRun> {
  if (!(SYNC_ALGORITHMS as readonly string[]).includes(o.algorithm)) throw new InputError(syncMessages.badEnum('algorithm', o.algorithm, SYNC_ALGORITHMS));
  const { graph, hosts } = syncGraph(o.topology, o.nodes);
  const reported = Array.from({ length: hosts - 1 }, (_, i) => i + 1);
  const interval = o.syncIntervalS ?? DEFAULT_SYNC_INTERVAL_S[o.algorithm];
  const oscillator = o.oscillator ?? 'tcxo';
  switch (o.algorithm) {
    case 'dtp': {
      const r = simulateDtp({
        graph, durationS: o.durationS, seed: o.seed, asymmetryNs: o.asymmetryNs, beaconIntervalTicks: Math.max(1, Math.round(interval / (DTP_TICK_NS_10G * 1e-9))),
      });
      const summary = summariseOffsets(r.timesS, r.offsetsNs, graph.nodeCount, 0, reported);
      return { summary, graph, hosts, messageEvents: r.messageEvents };
    }
    case 'huygens': {
      const { simulateHuygens } = await import('./huygens.ts');
      const r = simulateHuygens({ graph, durationS: o.durationS, windowS: interval, oscillator, seed: o.seed, reported, asymmetryNs: o.asymmetryNs });
      const { timesS: _t, errorsNs: _e, pureFraction: _p, probes, ...summary } = r;
      return { summary, graph, hosts, messageEvents: probes };
    }
    default: {
      const r = simulateTwoWayNetwork({
        graph, algorithm: o.algorithm, durationS: o.durationS, syncIntervalS: interval, oscillator, seed: o.seed, reported,
        asymmetryNs: o.asymmetryNs, onProgress: o.onProgress,
      });
      return { summary: { nodes: r.nodes, overall: r.overall, convergenceS: r.convergenceS }, graph, hosts, messageEvents: r.messageEvents };
    }
  }
}

import { InputError } from '../../core/errors.ts';
import { clos } from './clos.ts';
import { fatTree, fatTreeK } from './fat-tree.ts';
import { gridShape, mesh8, torus } from './grid.ts';
import { topologyMessages } from './messages.ts';
import { star } from './star.ts';
import { TOPOLOGY_KINDS, type Topology, type TopologyKind } from './topology.ts';

/** A topology named by kind and host count, as the CLI and notebooks ask for one. */
export interface TopologySpec {
  kind: TopologyKind | string;
  /** Hosts (the mesh and torus: all nodes). */
  nodes: number;
  /** mesh8 only: wrap-around links. */
  wrap?: boolean;
  /** mesh8, torus: node spacing in metres. */
  pitchM?: number;
  /** clos only. */
  hostsPerLeaf?: number;
  spines?: number;
}

/**
 * Builds a topology from a spec: mesh8 and torus lay N nodes on a √N × √N grid when N is a
 * square, else on the factor pair closest to square (`gridShape`); star puts N hosts on one
 * switch; clos uses hostsPerLeaf and spines; fat-tree needs N = k³/4 for an even k.
 */
export function buildTopology(spec: TopologySpec): Topology {
  const { kind, nodes } = spec;
  if (!(TOPOLOGY_KINDS as readonly string[]).includes(kind)) throw new InputError(topologyMessages.unknownKind(kind, TOPOLOGY_KINDS));
  if (!Number.isSafeInteger(nodes) || nodes < 1) throw new InputError(topologyMessages.badInteger('nodes', nodes, 1, Number.MAX_SAFE_INTEGER));
  switch (kind as TopologyKind) {
    case 'mesh8':
      return mesh8({ ...gridShape(nodes), wrap: spec.wrap ?? false, pitchM: spec.pitchM });
    case 'torus':
      return torus({ ...gridShape(nodes), pitchM: spec.pitchM });
    case 'star':
      return star({ hosts: nodes });
    case 'clos':
      return clos({ hosts: nodes, hostsPerLeaf: spec.hostsPerLeaf, spines: spec.spines });
    case 'fat-tree':
      return fatTree({ k: fatTreeK(nodes) });
    default:
      throw new InputError(topologyMessages.unknownKind(kind, TOPOLOGY_KINDS));
  }
}

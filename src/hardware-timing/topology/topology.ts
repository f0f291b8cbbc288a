import { UndirectedGraph } from 'graphology';

/** What a node is: an end host (it sources and sinks traffic; in the mesh it also forwards) or a switch. */
export type NodeKind = 'host' | 'switch';

/** The topologies the builders make; 'custom' is any other graph built with TopologyBuilder. */
export type TopologyKind = 'mesh8' | 'torus' | 'star' | 'clos' | 'fat-tree' | 'custom';
export const TOPOLOGY_KINDS: readonly Exclude<TopologyKind, 'custom'>[] = ['mesh8', 'torus', 'star', 'clos', 'fat-tree'];

/** A node and where it physically is (metres, in the building's frame: x along the row, y across, z up). */
export interface TopologyNode {
  /** 0 … nodeCount − 1; hosts come first (0 … hostCount − 1), then switches. */
  readonly id: number;
  /** Readable and unique: 'h12', 'leaf3', 'spine0', 'core4'... */
  readonly name: string;
  readonly kind: NodeKind;
  readonly xM: number;
  readonly yM: number;
  readonly zM: number;
}

/** A full-duplex link (one cable) between two nodes. */
export interface TopologyLink {
  /** 0 … linkCount − 1. */
  readonly id: number;
  /** The endpoints, a < b never assumed: `a` is the node that created the link. */
  readonly a: number;
  readonly b: number;
  /** Cable length in metres, from the nodes' positions and the topology's cable routing. */
  readonly lengthM: number;
}

/** One end of a link as seen from a node: the port number is the index in `ports(node)`. */
export interface Port {
  readonly link: number;
  readonly peer: number;
}

/**
 * An undirected network with physical positions. Immutable once built. Node and link ids are
 * dense integers so that simulations can index typed arrays with them.
 *
 * `graph` is the same network as a graphology `Graph` (keys are the node names; node attributes
 * `id`, `kind`, `xM`, `yM`, `zM`; edge key `String(link.id)` with attributes `id`, `lengthM`), for
 * graphology's algorithms.
 */
export class Topology {
  readonly kind: TopologyKind;
  /** A short description, e.g. 'mesh8 8×8 wrap, pitch 0.5 m'. */
  readonly description: string;
  readonly nodes: readonly TopologyNode[];
  readonly links: readonly TopologyLink[];
  readonly hostCount: number;
  readonly graph: UndirectedGraph;
  private readonly portLists: readonly (readonly Port[])[];

  constructor(kind: TopologyKind, description: string, nodes: TopologyNode[], links: TopologyLink[]) {
    this.kind = kind;
    this.description = description;
    this.nodes = nodes;
    this.links = links;
    let hosts = 0;
    while (hosts < nodes.length && nodes[hosts].kind === 'host') hosts++;
    for (let i = hosts; i < nodes.length; i++) if (nodes[i].kind === 'host') throw new Error('hosts must come before switches');
    this.hostCount = hosts;
    const ports: Port[][] = nodes.map(() => []);
    for (const link of links) {
      ports[link.a].push({ link: link.id, peer: link.b });
      ports[link.b].push({ link: link.id, peer: link.a });
    }
    this.portLists = ports;
    const graph = new UndirectedGraph({ multi: false, allowSelfLoops: false });
    for (const node of nodes) graph.addNode(node.name, { ...node });
    for (const link of links) graph.addEdgeWithKey(String(link.id), nodes[link.a].name, nodes[link.b].name, { id: link.id, lengthM: link.lengthM });
    this.graph = graph;
  }

  get nodeCount(): number {
    return this.nodes.length;
  }

  get linkCount(): number {
    return this.links.length;
  }

  get switchCount(): number {
    return this.nodes.length - this.hostCount;
  }

  /** The ports of a node, in a fixed order (port p is `ports(node)[p]`). */
  ports(node: number): readonly Port[] {
    return this.portLists[node];
  }

  /** The nodes one link away, in port order. */
  neighbours(node: number): number[] {
    return this.portLists[node].map((p) => p.peer);
  }

  /** Number of ports (links) of a node. */
  degree(node: number): number {
    return this.portLists[node].length;
  }

  /** The port of `node` whose link leads to `peer`, or -1. */
  portTo(node: number, peer: number): number {
    return this.portLists[node].findIndex((p) => p.peer === peer);
  }

  /** Total cable length in metres. */
  get cableM(): number {
    let sum = 0;
    for (const link of this.links) sum += link.lengthM;
    return sum;
  }
}

/** Collects nodes and links while a builder runs, then makes the Topology. */
export class TopologyBuilder {
  private readonly nodes: TopologyNode[] = [];
  private readonly links: TopologyLink[] = [];
  private readonly linkSet = new Set<string>();

  addNode(name: string, kind: NodeKind, xM: number, yM: number, zM = 0): number {
    const id = this.nodes.length;
    this.nodes.push({ id, name, kind, xM, yM, zM });
    return id;
  }

  /** Adds a link of the given cable length; a second link between the same pair is a builder bug. */
  addLink(a: number, b: number, lengthM: number): number {
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || this.linkSet.has(key)) throw new Error(`duplicate or self link ${key}`);
    this.linkSet.add(key);
    const id = this.links.length;
    this.links.push({ id, a, b, lengthM });
    return id;
  }

  hasLink(a: number, b: number): boolean {
    return this.linkSet.has(a < b ? `${a}-${b}` : `${b}-${a}`);
  }

  node(id: number): TopologyNode {
    return this.nodes[id];
  }

  build(kind: TopologyKind, description: string): Topology {
    return new Topology(kind, description, this.nodes, this.links);
  }
}

/** Straight-line distance between two nodes (a direct cable between neighbouring boxes). */
export function straightM(a: TopologyNode, b: TopologyNode): number {
  return Math.hypot(a.xM - b.xM, a.yM - b.yM, a.zM - b.zM);
}

/**
 * Distance along cable trays between two nodes in racks: cables run along the axes (up the rack,
 * along the row, across), so the length is the Manhattan distance.
 */
export function trayM(a: TopologyNode, b: TopologyNode): number {
  return Math.abs(a.xM - b.xM) + Math.abs(a.yM - b.yM) + Math.abs(a.zM - b.zM);
}

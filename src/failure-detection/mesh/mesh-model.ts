/**
 * What the timeout-free detectors need from the mesh, kept small so that they run over the
 * hardware-timing topologies (issue 6: `Topology.neighbours`, `hostCount`) and failure states
 * (issue 7: the four link states) as soon as those land, and over the stand-in grid
 * (`grid-mesh.ts`) until then.
 */
export interface MeshTopology {
  /** Nodes 0 … nodeCount − 1. */
  readonly nodeCount: number;
  /** Neighbour ids in port order. */
  neighbours(node: number): readonly number[];
}

/**
 * The four states of a full-duplex link (Open Atomic Ethernet spec., ch. 3 "It takes Two to
 * Tango": both ways {11}, one way {01}/{10}, neither {00}), as issue 7's failure injection
 * names them; "forward" is from the lower node id to the higher.
 */
export const LINK_STATES = ['up', 'forward-only', 'backward-only', 'dead'] as const;
export type LinkState = (typeof LINK_STATES)[number];

/**
 * The failures in force: crashed nodes, and per direction of each link whether frames get
 * through and, if not, whether the receiving PHY reports loss of signal (a physical break) or
 * sees nothing wrong (a silent failure). A crashed node sends nothing but its PHY keeps the
 * line up (no loss of signal): a software or logic hang, the failure timeouts exist for.
 */
export class MeshFailures {
  private readonly crashed = new Set<number>();
  /** Key from·n + to → 'silent' | 'los' for a direction that does not work. */
  private readonly deadDirections = new Map<number, 'silent' | 'los'>();

  constructor(readonly nodeCount: number) {}

  crash(node: number): void { this.crashed.add(node); }
  isCrashed(node: number): boolean { return this.crashed.has(node); }

  /** Breaks the direction from → to; `physical` makes the receiver `to` see loss of signal. */
  breakDirection(from: number, to: number, physical: boolean): void {
    this.deadDirections.set(from * this.nodeCount + to, physical ? 'los' : 'silent');
  }

  /** Sets link a–b to one of the four link states ("forward" = lower id → higher id). */
  setLinkState(a: number, b: number, state: LinkState, physical: boolean): void {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    if (state === 'dead' || state === 'backward-only') this.breakDirection(lo, hi, physical);
    if (state === 'dead' || state === 'forward-only') this.breakDirection(hi, lo, physical);
  }

  /** Whether a frame sent by `from` on its port to `to` is received and processed. */
  works(from: number, to: number): boolean {
    return !this.crashed.has(from) && !this.crashed.has(to) && !this.deadDirections.has(from * this.nodeCount + to);
  }

  /** Whether `to`'s PHY reports loss of signal on its port from `from`. */
  lossOfSignal(from: number, to: number): boolean {
    return this.deadDirections.get(from * this.nodeCount + to) === 'los';
  }

  /** Whether the ENTL token circulates on a–b: it needs both directions and both ends alive. */
  tokenCirculates(a: number, b: number): boolean {
    return this.works(a, b) && this.works(b, a);
  }
}

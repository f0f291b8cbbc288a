import { LINK_STATES, type LinkState } from '../../hardware-timing/failures/index.ts';

export { LINK_STATES, type LinkState };

/**
 * What the timeout-free detectors need from the mesh: hardware-timing's `Topology` (`mesh8`,
 * `torus`, …) has it, and so does anything else with numbered nodes and neighbour lists.
 */
export interface MeshTopology {
  /** Nodes 0 … nodeCount − 1. */
  readonly nodeCount: number;
  /** Neighbour ids in port order. */
  neighbours(node: number): readonly number[];
}

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

  /**
   * Sets link a–b to one of the four link states of hardware-timing/failures (Open Atomic
   * Ethernet spec. ch. 3: {11}, {01}, {10}, {00}); "forward" here is lower id → higher id.
   */
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

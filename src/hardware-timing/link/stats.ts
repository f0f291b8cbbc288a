/** The stages a frame's latency is made of, summed over its hops. */
export const STAGES = ['forwarding', 'fifoWait', 'serialisation', 'pcsFec', 'propagation', 'cdc'] as const;
export type Stage = (typeof STAGES)[number];

/** Per-stage latency in ns. */
export type StageNs = Record<Stage, number>;

/** One delivered frame, as `onDeliver` sees it. */
export interface Delivery {
  src: number;
  dst: number;
  flow: number;
  frameBytes: number;
  priority: number;
  hops: number;
  /** When the source made the frame and when its last bit was in the receiver's clock domain, ps (real-valued). */
  createdPs: number;
  deliveredPs: number;
  stagesNs: StageNs;
}

/** Totals of a run. */
export interface NetworkStats {
  generated: number;
  delivered: number;
  /** Tail drops, total and per port (global port id). */
  dropped: number;
  dropsPerPort: Int32Array;
  /** Frames sent on each port. */
  txFramesPerPort: Float64Array;
  /** PAUSE / PFC frames sent (XOFF and XON). */
  pauseFramesSent: number;
  /** Mean and maximum latency of delivered frames, ns, and the mean of each stage. */
  meanLatencyNs: number;
  maxLatencyNs: number;
  meanStagesNs: StageNs;
  /** Frames timed through a hop (one engine event each: generations and forwarding decisions). */
  frameEvents: number;
}

import { lusolve } from 'mathjs';
import { InputError } from '../../core/errors.ts';
import { RandomStream } from '../../core/random/index.ts';
import { CABLE_DELAY_NS_PER_M } from '../../core/units/index.ts';
import { Clock } from '../clock/clock.ts';
import { drawOscillator, type OscillatorClassName } from '../clock/oscillator-classes.ts';
import { syncMessages } from './messages.ts';
import { syncTree, type SyncGraph } from './network/graph.ts';
import { summariseOffsets, type SyncSummary } from './network/offset-metrics.ts';

/**
 * A Huygens-style estimator (Y. Geng, S. Liu, Z. Yin, A. Naik, B. Prabhakar, M. Rosenblum,
 * A. Vahdat, "Exploiting a Natural Network Effect for Scalable, Fine-grained Clock
 * Synchronization", NSDI 2018), over every link of the network:
 * - coded probes (§3.1): pairs sent a fixed spacing s apart; a pair is pure when it arrives with
 *   the same spacing within a tolerance, which a queued probe almost never does; impure pairs are
 *   dropped;
 * - per window (2 s in the paper) and link, a line fitted to each direction's one-way delays of
 *   the pure probes, their lower envelope (the paper uses an SVM; here the least-squares line
 *   through the pure probes lying within `envelopeNs` of the per-direction minimum); the offset
 *   and drift of the pair are half the difference of the two lines (§3.2);
 * - the network effect (§3.3): the pairwise offsets around any loop must sum to zero; the
 *   least-squares node offsets (reference fixed at 0) are the solution of the graph's Laplacian
 *   system, which removes much of each edge's error;
 * - each node then corrects its clock (step and frequency) at the end of the window.
 * The one-way-delay limit remains: a path asymmetry biases every edge alike and no loop sees it.
 */
export interface HuygensOptions {
  readonly graph: SyncGraph;
  readonly durationS: number;
  readonly windowS?: number;
  readonly oscillator: OscillatorClassName;
  readonly seed: number;
  readonly reference?: number;
  readonly reported?: readonly number[];
  /** Probe pairs per link and direction per window (default 100). */
  readonly pairsPerWindow?: number;
  /** Spacing of a probe pair, ns (default 4000). */
  readonly spacingNs?: number;
  /** A pair is pure when its received spacing differs from s by at most this, ns (default 20). */
  readonly purityNs?: number;
  /** Fixed latency per hop, ns (default 300), time-stamp resolution ns (default 8). */
  readonly fixedNs?: number;
  readonly timestampResolutionNs?: number;
  /** Probability a probe meets cross traffic, and the mean queueing it then sees, ns. */
  readonly queueProbability?: number;
  readonly queueMeanNs?: number;
  /** Forward (away from the reference) delay exceeds the return delay by this, ns. */
  readonly asymmetryNs?: number;
  /** Keep probes within this of the per-direction minimum delay for the fit, ns (default 50). */
  readonly envelopeNs?: number;
}

export interface HuygensResult extends SyncSummary {
  readonly timesS: Float64Array;
  readonly errorsNs: Float64Array;
  /** Fraction of probe pairs found pure. */
  readonly pureFraction: number;
  readonly probes: number;
}

/** Least-squares line y = a + b·t through points (t, y). */
function fitLine(t: number[], y: number[]): { a: number; b: number } {
  const n = t.length;
  let st = 0, sy = 0;
  for (let i = 0; i < n; i++) { st += t[i]; sy += y[i]; }
  const mt = st / n, my = sy / n;
  let stt = 0, sty = 0;
  for (let i = 0; i < n; i++) { stt += (t[i] - mt) ** 2; sty += (t[i] - mt) * (y[i] - my); }
  const b = stt > 0 ? sty / stt : 0;
  return { a: my - b * mt, b };
}

export function simulateHuygens(o: HuygensOptions): HuygensResult {
  for (const [field, v] of [['durationS', o.durationS], ['windowS', o.windowS ?? 2]] as const) {
    if (!(Number.isFinite(v) && v > 0)) throw new InputError(syncMessages.badNumber(field, 'a number > 0', v));
  }
  const n = o.graph.nodeCount;
  const reference = o.reference ?? 0;
  const tree = syncTree(o.graph, reference);
  const windowS = o.windowS ?? 2;
  const pairs = o.pairsPerWindow ?? 100;
  const spacingNs = o.spacingNs ?? 4000;
  const purityNs = o.purityNs ?? 20;
  const fixedNs = o.fixedNs ?? 300;
  const res = o.timestampResolutionNs ?? 8;
  const queueP = o.queueProbability ?? 0.3;
  const queueMeanNs = o.queueMeanNs ?? 5000;
  const asym = o.asymmetryNs ?? 0;
  const envelopeNs = o.envelopeNs ?? 50;
  const spanS = o.durationS + windowS + 2;
  const paramRng = new RandomStream(o.seed, 0);
  const clocks = Array.from({ length: n }, (_, i) => new Clock({ oscillator: drawOscillator(o.oscillator, paramRng, 1e-3), spanS, seed: o.seed, stream: 1 + i }));
  const probeRng = new RandomStream(o.seed, 3_000_000);
  const stamp = (v: number, tS: number) => Math.floor(clocks[v].localNs(tS) / res) * res;
  const links = o.graph.links.map((l) => {
    // Orient each link away from the reference (lower depth first), for the asymmetry.
    const [a, b] = tree.depth[l.a] <= tree.depth[l.b] ? [l.a, l.b] : [l.b, l.a];
    return { a, b, baseNs: l.lengthM * CABLE_DELAY_NS_PER_M + fixedNs };
  });
  const delayNs = (base: number) => base + probeRng.exponential(10) + (probeRng.uniform() < queueP ? probeRng.exponential(queueMeanNs) : 0);

  const samplesPerWindow = Math.max(1, Math.round(windowS));
  const windows = Math.ceil(o.durationS / windowS);
  const timesS: number[] = [];
  const errors: number[] = [];
  const record = (tS: number) => {
    timesS.push(tS);
    for (let v = 0; v < n; v++) errors.push(clocks[v].errorNs(tS));
  };
  let pure = 0, probes = 0;
  // Reduced Laplacian (reference row and column removed) is the same every window.
  const others = Array.from({ length: n }, (_, i) => i).filter((i) => i !== reference);
  const index = new Int32Array(n).fill(-1);
  others.forEach((v, k) => { index[v] = k; });
  const laplacian = others.map(() => new Array<number>(others.length).fill(0));
  for (const l of links) {
    const ia = index[l.a], ib = index[l.b];
    if (ia >= 0) laplacian[ia][ia] += 1;
    if (ib >= 0) laplacian[ib][ib] += 1;
    if (ia >= 0 && ib >= 0) { laplacian[ia][ib] -= 1; laplacian[ib][ia] -= 1; }
  }
  for (let w = 0; w < windows; w++) {
    const start = w * windowS;
    for (let s = 0; s < samplesPerWindow; s++) record(start + (s * windowS) / samplesPerWindow);
    const end = Math.min(o.durationS, start + windowS);
    const mid = (start + end) / 2;
    // Per link: θ_ab = clock_b − clock_a at mid, and its drift.
    const theta = new Float64Array(links.length);
    const drift = new Float64Array(links.length);
    links.forEach((l, k) => {
      const fit: Array<{ a: number; b: number }> = [];
      for (const [from, to, extra] of [[l.a, l.b, asym], [l.b, l.a, 0]] as const) {
        const t: number[] = [];
        const d: number[] = [];
        for (let p = 0; p < pairs; p++) {
          const sendS = start + (end - start) * probeRng.uniform();
          const tx1 = stamp(from, sendS);
          const tx2 = stamp(from, sendS + spacingNs * 1e-9);
          const rx1 = stamp(to, sendS + (delayNs(l.baseNs) + extra) * 1e-9);
          const rx2 = stamp(to, sendS + spacingNs * 1e-9 + (delayNs(l.baseNs) + extra) * 1e-9);
          probes += 2;
          if (Math.abs(rx2 - rx1 - (tx2 - tx1)) > purityNs) continue;
          pure++;
          t.push(sendS - mid);
          d.push(rx1 - tx1);
        }
        if (t.length < 2) throw new InputError(syncMessages.tooFewProbes(t.length, 2));
        // Lower envelope: the pure probes near the smallest delay.
        const floor = Math.min(...d);
        const keepT: number[] = [], keepD: number[] = [];
        for (let i = 0; i < t.length; i++) if (d[i] <= floor + envelopeNs) { keepT.push(t[i]); keepD.push(d[i]); }
        fit.push(fitLine(keepT.length >= 2 ? keepT : t, keepT.length >= 2 ? keepD : d));
      }
      // Forward: rx_b − tx_a = delay + θ_ab; reverse: rx_a − tx_b = delay − θ_ab.
      theta[k] = (fit[0].a - fit[1].a) / 2;
      drift[k] = (fit[0].b - fit[1].b) / 2; // ns per s = ppb
    });
    // Network effect: least-squares node offsets x (x_ref = 0) with x_b − x_a ≈ θ_ab.
    const solve = (values: Float64Array) => {
      const rhs = others.map(() => 0);
      links.forEach((l, k) => {
        if (index[l.b] >= 0) rhs[index[l.b]] += values[k];
        if (index[l.a] >= 0) rhs[index[l.a]] -= values[k];
      });
      const x = new Float64Array(n);
      const sol = lusolve(laplacian, rhs) as number[][];
      others.forEach((v, k) => { x[v] = sol[k][0]; });
      return x;
    };
    const offsets = solve(theta);
    const drifts = solve(drift);
    // Correct each clock at the end of the window: the offset carried forward by the drift.
    for (const v of others) {
      const c = clocks[v];
      c.step(end, -(offsets[v] + drifts[v] * (end - mid)));
      c.setFrequencyPpb(end, c.frequencyAdjustmentPpb - drifts[v]);
    }
  }
  record(o.durationS);
  const t = Float64Array.from(timesS);
  const e = Float64Array.from(errors);
  return { ...summariseOffsets(t, e, n, reference, o.reported), timesS: t, errorsNs: e, pureFraction: pure / (probes / 2), probes };
}

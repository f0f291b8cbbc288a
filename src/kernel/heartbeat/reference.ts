import { philox4x32 } from '../../core/random/philox.ts';
import { log } from '../../core/math/log.ts';
import { u53 } from '../random/normal-pair.ts';
import type { HeartbeatInputs, HeartbeatRaw } from './params.ts';

/**
 * The heartbeat-QoS kernel in plain TypeScript, the reference for the WebAssembly paths.
 *
 * In NFD-S the receiver trusts at time t ∈ [τ_i, τ_{i+1}) (τ_i = iη + δ) iff some heartbeat
 * m_j, j ≥ i, has arrived by t. With D_j the delay of m_j (∞ if lost), the earliest such arrival
 * relative to σ_i = iη is min_k (kη + D_{i+k}); heartbeats with kη ≥ δ + η arrive after τ_{i+1}
 * and change nothing, so k < ⌊δ/η⌋ + 2 = window suffices (it includes every k with kη < δ + η).
 * Period i is suspected for clamp(earliest − δ, 0, η), and a mistake starts at τ_i when period i − 1 ended trusted and period i starts suspected.
 */
export function heartbeatReference(p: HeartbeatInputs): HeartbeatRaw {
  const n = p.streams;
  const w = p.window;
  const ring = new Float64Array(w * n);
  const suspectS = new Float64Array(n);
  const mistakes = new Float64Array(n);
  const previous = new Float64Array(n);
  const block = new Uint32Array(4);
  const total = p.periods + w - 1;
  for (let j = 0; j < total; j++) {
    const slot = j % w;
    const period = j - w + 1;
    for (let i = 0; i < n; i++) {
      philox4x32(j, 0, i, p.task, p.key0, p.key1, block);
      ring[slot * n + i] = block[0] < p.lossThreshold ? Infinity : -(p.meanDelayS * log(u53(block[1], block[2])));
      if (period < 0) continue;
      let earliest = Infinity;
      for (let k = 0; k < w; k++) earliest = Math.min(earliest, k * p.etaS + ring[((period + k) % w) * n + i]);
      const late = earliest - p.deltaS;
      suspectS[i] += Math.min(Math.max(late, 0), p.etaS);
      if (period >= 1 && previous[i] - p.deltaS < p.etaS && late > 0) mistakes[i] += 1;
      previous[i] = earliest;
    }
  }
  return { suspectS, mistakes };
}

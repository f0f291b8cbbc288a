// Scalar WebAssembly kernels (AssemblyScript, no SIMD): the clock ensemble and the heartbeat QoS
// kernel, statement for statement the TypeScript references in ../clock-ensemble/reference.ts and
// ../heartbeat/reference.ts (algorithms: ../README.md). Built by `npm run build:kernels`.
// The caller (../wasm-kernels.ts) lays out the arrays in linear memory and passes their addresses.

import { philox, word0, word1, word2, word3, u53, log, normalPair, normal0, normal1 } from './scalar-math.as';

/**
 * Clock ensemble. Memory from `base`: x[lanes], y[lanes], sumX[lanes], sumX2[lanes] (f64),
 * spread[2] (f64: largest and summed pairwise spread), hist[bins] (u32).
 */
export function clockEnsemble(
  lanes: i32, steps: i32, syncEvery: i32, k0: u32, k1: u32, task: u32,
  tauS: f64, sigmaWhite: f64, sigmaWalk: f64, sigmaY0: f64, asymmetryS: f64, jitterS: f64,
  gain: f64, invSyncIntervalS: f64, histLowS: f64, histInvWidth: f64, bins: i32, base: usize,
): void {
  const xs = base;
  const ys = xs + (<usize>lanes << 3);
  const sx = ys + (<usize>lanes << 3);
  const sx2 = sx + (<usize>lanes << 3);
  const spread = sx2 + (<usize>lanes << 3);
  const hist = spread + 16;
  const lastBin = <f64>(bins - 1);
  for (let i = 0; i < lanes; i++) {
    philox(0, 2, <u32>i, task, k0, k1);
    normalPair(word0, word1, word2);
    const o = <usize>i << 3;
    store<f64>(xs + o, 0.0);
    store<f64>(ys + o, sigmaY0 * normal0);
    store<f64>(sx + o, 0.0);
    store<f64>(sx2 + o, 0.0);
  }
  for (let b = 0; b < bins; b++) store<u32>(hist + (<usize>b << 2), 0);
  let spreadMax = 0.0;
  let spreadSum = 0.0;
  let countdown = syncEvery;
  for (let s = 0; s < steps; s++) {
    countdown--;
    const sync = countdown == 0;
    if (sync) countdown = syncEvery;
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < lanes; i++) {
      const o = <usize>i << 3;
      philox(<u32>s, 0, <u32>i, task, k0, k1);
      normalPair(word0, word1, word2);
      const y = load<f64>(ys + o) + sigmaWalk * normal0;
      let x = load<f64>(xs + o) + (y + sigmaWhite * normal1) * tauS;
      let yNext = y;
      if (sync) {
        philox(<u32>s, 1, <u32>i, task, k0, k1);
        const forward = log(u53(word0, word1));
        const backward = log(u53(word2, word3));
        const measured = x + (asymmetryS + jitterS * (backward - forward)) * 0.5;
        x = x - measured;
        yNext = y - gain * measured * invSyncIntervalS;
      }
      store<f64>(xs + o, x);
      store<f64>(ys + o, yNext);
      store<f64>(sx + o, load<f64>(sx + o) + x);
      store<f64>(sx2 + o, load<f64>(sx2 + o) + x * x);
      const t = Math.floor((x - histLowS) * histInvWidth);
      const t0 = t < 0.0 ? 0.0 : t;
      const bin = <i32>(lastBin < t0 ? lastBin : t0);
      const h = hist + (<usize>bin << 2);
      store<u32>(h, load<u32>(h) + 1);
      low = x < low ? x : low;
      high = high < x ? x : high;
    }
    const width = high - low;
    spreadMax = Math.max(spreadMax, width);
    spreadSum += width;
  }
  store<f64>(spread, spreadMax);
  store<f64>(spread + 8, spreadSum);
}

/**
 * Heartbeat QoS (NFD-S). Memory from `base`: ring[window·lanes], suspectS[lanes],
 * mistakes[lanes], previous[lanes] (f64).
 */
export function heartbeat(
  lanes: i32, periods: i32, window: i32, k0: u32, k1: u32, task: u32,
  etaS: f64, deltaS: f64, meanDelayS: f64, lossThreshold: u32, base: usize,
): void {
  const ring = base;
  const suspect = ring + (<usize>(window * lanes) << 3);
  const mistakes = suspect + (<usize>lanes << 3);
  const previous = mistakes + (<usize>lanes << 3);
  for (let i = 0; i < lanes; i++) {
    const o = <usize>i << 3;
    store<f64>(suspect + o, 0.0);
    store<f64>(mistakes + o, 0.0);
    store<f64>(previous + o, 0.0);
  }
  const total = periods + window - 1;
  for (let j = 0; j < total; j++) {
    const slot = j % window;
    const period = j - window + 1;
    for (let i = 0; i < lanes; i++) {
      const o = <usize>i << 3;
      philox(<u32>j, 0, <u32>i, task, k0, k1);
      const delay = word0 < lossThreshold ? Infinity : -(meanDelayS * log(u53(word1, word2)));
      store<f64>(ring + ((<usize>(slot * lanes) << 3) + o), delay);
      if (period >= 0) {
        let earliest = Infinity;
        for (let k = 0; k < window; k++) {
          const at = (period + k) % window;
          earliest = Math.min(earliest, <f64>k * etaS + load<f64>(ring + ((<usize>(at * lanes) << 3) + o)));
        }
        const late = earliest - deltaS;
        store<f64>(suspect + o, load<f64>(suspect + o) + Math.min(Math.max(late, 0.0), etaS));
        if (period >= 1 && load<f64>(previous + o) - deltaS < etaS && late > 0.0) {
          store<f64>(mistakes + o, load<f64>(mistakes + o) + 1.0);
        }
        store<f64>(previous + o, earliest);
      }
    }
  }
}

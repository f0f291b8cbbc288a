import { philox4x32 } from '../../core/random/philox.ts';
import { log } from '../../core/math/log.ts';
import { normalPair, u53 } from '../random/normal-pair.ts';
import type { ClockEnsembleInputs, ClockEnsembleRaw } from './params.ts';

/** Philox counter word 1 ("purpose") of each use of randomness in the clock ensemble. */
export const CLOCK_PURPOSE = { noise: 0, syncDelays: 1, initialSkew: 2 } as const;

/**
 * The clock-ensemble kernel in plain TypeScript: the reference the WebAssembly paths must match
 * bit for bit, written for clarity (one block per call). Algorithm: src/kernel/README.md.
 */
export function clockEnsembleReference(p: ClockEnsembleInputs): ClockEnsembleRaw {
  const n = p.clocks;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const sumX = new Float64Array(n);
  const sumX2 = new Float64Array(n);
  const histogram = new Uint32Array(p.histogramBins);
  const block = new Uint32Array(4);
  const normals = new Float64Array(2);
  const lastBin = p.histogramBins - 1;
  for (let i = 0; i < n; i++) {
    philox4x32(0, CLOCK_PURPOSE.initialSkew, i, p.task, p.key0, p.key1, block);
    normalPair(block[0], block[1], block[2], normals);
    y[i] = p.initialSkewSigma * normals[0];
  }
  let spreadMaxS = 0;
  let spreadSumS = 0;
  let countdown = p.syncIntervalSteps;
  for (let s = 0; s < p.steps; s++) {
    countdown--;
    const sync = countdown === 0;
    if (sync) countdown = p.syncIntervalSteps;
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < n; i++) {
      philox4x32(s, CLOCK_PURPOSE.noise, i, p.task, p.key0, p.key1, block);
      normalPair(block[0], block[1], block[2], normals);
      const frequency = y[i] + p.randomWalkFmSigma * normals[0];
      let offset = x[i] + (frequency + p.whiteFmSigma * normals[1]) * p.stepS;
      let nextFrequency = frequency;
      if (sync) {
        // Two-way exchange: the measured offset is off by half the delay difference.
        philox4x32(s, CLOCK_PURPOSE.syncDelays, i, p.task, p.key0, p.key1, block);
        const forward = log(u53(block[0], block[1]));
        const backward = log(u53(block[2], block[3]));
        const measured = offset + (p.asymmetryS + p.jitterS * (backward - forward)) * 0.5;
        offset = offset - measured;
        nextFrequency = frequency - p.frequencyGain * measured * p.invSyncIntervalS;
      }
      x[i] = offset;
      y[i] = nextFrequency;
      sumX[i] += offset;
      sumX2[i] += offset * offset;
      // Comparisons written as the SIMD pmin/pmax instructions do them (b < a ? b : a).
      const t = Math.floor((offset - p.histogramLowS) * p.histogramInvBin);
      const t0 = t < 0 ? 0 : t;
      histogram[lastBin < t0 ? lastBin : t0]++;
      low = offset < low ? offset : low;
      high = high < offset ? offset : high;
    }
    const width = high - low;
    spreadMaxS = Math.max(spreadMaxS, width);
    spreadSumS += width;
  }
  return {
    sumOffsetS: sumX, sumSquaredOffsetS2: sumX2, finalOffsetS: x, finalFrequency: y,
    histogram, spreadMaxS, spreadSumS,
  };
}

// SIMD WebAssembly kernels (AssemblyScript, 128-bit SIMD: i32x4 Philox, f64x2 arithmetic; no
// relaxed SIMD). Lane for lane the same arithmetic as kernels-scalar.as.ts and the TypeScript
// references, so the results are bit-identical (tested): Philox4x32-10 for four lanes at once
// (the 32×32→64-bit products by i64x2.extmul), the spine's fdlibm log with its branches turned
// into selects, Box–Muller with fdlibm's sine/cosine kernels (../README.md).

// ---- Philox4x32-10 for lanes (c2 + 0..3): counter (c0, c1, c2 + lane, c3), key (k0, k1). ----

let P0: v128 = i32x4.splat(0);
let P1: v128 = i32x4.splat(0);
let P2: v128 = i32x4.splat(0);
let P3: v128 = i32x4.splat(0);

// @ts-ignore: decorator
@inline
function philox4(c0: u32, c1: u32, lane: u32, c3: u32, k0: u32, k1: u32): void {
  const m0 = i32x4.splat(0xd2511f53);
  const m1 = i32x4.splat(0xcd9e8d57);
  let x0 = i32x4.splat(c0);
  let x1 = i32x4.splat(c1);
  let x2 = i32x4.add(i32x4.splat(lane), i32x4(0, 1, 2, 3));
  let x3 = i32x4.splat(c3);
  let key0 = k0, key1 = k1;
  for (let round = 0; round < 10; round++) {
    const p0l = i64x2.extmul_low_i32x4_u(x0, m0);
    const p0h = i64x2.extmul_high_i32x4_u(x0, m0);
    const p1l = i64x2.extmul_low_i32x4_u(x2, m1);
    const p1h = i64x2.extmul_high_i32x4_u(x2, m1);
    const y0 = v128.xor(v128.xor(v128.shuffle<i32>(p1l, p1h, 1, 3, 5, 7), x1), i32x4.splat(key0));
    const y2 = v128.xor(v128.xor(v128.shuffle<i32>(p0l, p0h, 1, 3, 5, 7), x3), i32x4.splat(key1));
    x1 = v128.shuffle<i32>(p1l, p1h, 0, 2, 4, 6);
    x3 = v128.shuffle<i32>(p0l, p0h, 0, 2, 4, 6);
    x0 = y0;
    x2 = y2;
    key0 += 0x9e3779b9;
    key1 += 0xbb67ae85;
  }
  P0 = x0; P1 = x1; P2 = x2; P3 = x3;
}

/** Words of lanes 2, 3 moved to lanes 0, 1 (the f64x2 conversions read the low two lanes). */
// @ts-ignore: decorator
@inline
function high(v: v128): v128 {
  return v128.shuffle<i32>(v, v, 2, 3, 2, 3);
}

/** u53 of the low two lanes of a and b. */
// @ts-ignore: decorator
@inline
function u53x2(a: v128, b: v128): v128 {
  // Both shifted words are below 2^31, so the signed conversion (one SSE instruction) is exact.
  const hiPart = f64x2.convert_low_i32x4_s(i32x4.shr_u(a, 5));
  const loPart = f64x2.convert_low_i32x4_s(i32x4.shr_u(b, 6));
  return f64x2.mul(
    f64x2.add(f64x2.add(f64x2.mul(hiPart, f64x2.splat(67108864.0)), loPart), f64x2.splat(0.5)),
    f64x2.splat(1.1102230246251565e-16),
  );
}

// ---- fdlibm log for two positive normal doubles (the spine's src/core/math/log.ts) ----

const LN2_HI: f64 = 6.93147180369123816490e-01;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const LG1: f64 = 6.666666666666735130e-01;
const LG2: f64 = 3.999999999940941908e-01;
const LG3: f64 = 2.857142874366239149e-01;
const LG4: f64 = 2.222219843214978396e-01;
const LG5: f64 = 1.818357216161805012e-01;
const LG6: f64 = 1.531383769920937332e-01;
const LG7: f64 = 1.479819860511658591e-01;

/**
 * log of each lane, for positive normal inputs (the kernels pass u53 values in (0, 1)). The
 * scalar code's three final branches are all computed and selected; its k == 0 forms equal the
 * general forms with dk = 0 exactly (IEEE negation is exact), so they need no lane of their own.
 */
// @ts-ignore: decorator
@inline
function log2lanes(x: v128): v128 {
  // x > 0, so the high word's arithmetic and logical shifts agree: psrlq, which SSE has natively.
  let hx = i64x2.shr_u(x, 32);
  let k = i64x2.sub(i64x2.shr_u(hx, 20), i64x2.splat(1023));
  hx = v128.and(hx, i64x2.splat(0x000fffff));
  const i = v128.and(i64x2.add(hx, i64x2.splat(0x95f64)), i64x2.splat(0x100000));
  const newHigh = v128.or(hx, v128.xor(i, i64x2.splat(0x3ff00000)));
  const xr = v128.or(i64x2.shl(newHigh, 32), v128.and(x, i64x2.splat(0xffffffff)));
  k = i64x2.add(k, i64x2.shr_u(i, 20));
  const f = f64x2.sub(xr, f64x2.splat(1.0));
  const dk = f64x2.convert_low_i32x4_s(v128.shuffle<i32>(k, k, 0, 2, 0, 2));
  // The two branch conditions on 32-bit words (hx < 2^20 sits in each lane's low word), each
  // word's mask then copied over its 64-bit lane.
  const smallWords = i32x4.lt_s(v128.and(i32x4.add(hx, i32x4.splat(2)), i32x4.splat(0x000fffff)), i32x4.splat(3));
  const small = v128.shuffle<i32>(smallWords, smallWords, 0, 0, 2, 2);
  const bandWords = i32x4.gt_s(v128.or(i32x4.sub(hx, i32x4.splat(0x6147a)), i32x4.sub(i32x4.splat(0x6b851), hx)), i32x4.splat(0));
  const band = v128.shuffle<i32>(bandWords, bandWords, 0, 0, 2, 2);
  const dkHi = f64x2.mul(dk, f64x2.splat(LN2_HI));
  const dkLo = f64x2.mul(dk, f64x2.splat(LN2_LO));
  // |f| < 2^-20
  const rSmall = f64x2.mul(f64x2.mul(f, f), f64x2.sub(f64x2.splat(0.5), f64x2.mul(f64x2.splat(0.33333333333333333), f)));
  const smallResult = f64x2.sub(dkHi, f64x2.sub(f64x2.sub(rSmall, dkLo), f));
  const s = f64x2.div(f, f64x2.add(f64x2.splat(2.0), f));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const t1 = f64x2.mul(w, f64x2.add(f64x2.splat(LG2), f64x2.mul(w, f64x2.add(f64x2.splat(LG4), f64x2.mul(w, f64x2.splat(LG6))))));
  const t2 = f64x2.mul(z, f64x2.add(f64x2.splat(LG1), f64x2.mul(w,
    f64x2.add(f64x2.splat(LG3), f64x2.mul(w, f64x2.add(f64x2.splat(LG5), f64x2.mul(w, f64x2.splat(LG7))))))));
  const r = f64x2.add(t2, t1);
  const hfsq = f64x2.mul(f64x2.mul(f64x2.splat(0.5), f), f);
  const bandResult = f64x2.sub(dkHi, f64x2.sub(f64x2.sub(hfsq, f64x2.add(f64x2.mul(s, f64x2.add(hfsq, r)), dkLo)), f));
  const plainResult = f64x2.sub(dkHi, f64x2.sub(f64x2.sub(f64x2.mul(s, f64x2.sub(f, r)), dkLo), f));
  return v128.bitselect(smallResult, v128.bitselect(bandResult, plainResult, band), small);
}

// ---- Box–Muller pair for two lanes (scalar-math.as.ts normalPair) ----

const S1: f64 = -1.66666666666666324348e-01;
const S2: f64 = 8.33333333332248946124e-03;
const S3: f64 = -1.98412698298579493134e-04;
const S4: f64 = 2.75573137070700676789e-06;
const S5: f64 = -2.50507602534068634195e-08;
const S6: f64 = 1.58969099521155010221e-10;
const C1: f64 = 4.16666666666666019037e-02;
const C2: f64 = -1.38888888888741095749e-03;
const C3: f64 = 2.48015872894767294178e-05;
const C4: f64 = -2.75573143513906633035e-07;
const C5: f64 = 2.08757232129817482790e-09;
const C6: f64 = -1.13596475577881948265e-11;
const PIO2: f64 = 1.57079632679489655800e+00;

let N0: v128 = f64x2.splat(0);
let N1: v128 = f64x2.splat(0);

// @ts-ignore: decorator
@inline
function normalPair2(a: v128, b: v128, c: v128): void {
  const radius = f64x2.sqrt(f64x2.mul(f64x2.splat(-2.0), log2lanes(u53x2(a, b))));
  const q = i32x4.shr_u(c, 30);
  const frac = f64x2.convert_low_i32x4_s(v128.and(c, i32x4.splat(0x3fffffff)));
  const phi = f64x2.mul(
    f64x2.sub(f64x2.mul(f64x2.add(frac, f64x2.splat(0.5)), f64x2.splat(9.313225746154785e-10)), f64x2.splat(0.5)),
    f64x2.splat(PIO2));
  const z = f64x2.mul(phi, phi);
  const v = f64x2.mul(z, phi);
  // Horner from the innermost term outwards: S2 + z·(S3 + z·(S4 + z·(S5 + z·S6))), as k_sin.c.
  let sr = f64x2.add(f64x2.splat(S5), f64x2.mul(z, f64x2.splat(S6)));
  sr = f64x2.add(f64x2.splat(S4), f64x2.mul(z, sr));
  sr = f64x2.add(f64x2.splat(S3), f64x2.mul(z, sr));
  sr = f64x2.add(f64x2.splat(S2), f64x2.mul(z, sr));
  const sine = f64x2.add(phi, f64x2.mul(v, f64x2.add(f64x2.splat(S1), f64x2.mul(z, sr))));
  let cr = f64x2.add(f64x2.splat(C5), f64x2.mul(z, f64x2.splat(C6)));
  cr = f64x2.add(f64x2.splat(C4), f64x2.mul(z, cr));
  cr = f64x2.add(f64x2.splat(C3), f64x2.mul(z, cr));
  cr = f64x2.add(f64x2.splat(C2), f64x2.mul(z, cr));
  const poly = f64x2.mul(z, f64x2.add(f64x2.splat(C1), f64x2.mul(z, cr)));
  const cosine = f64x2.sub(f64x2.splat(1.0), f64x2.sub(f64x2.mul(f64x2.splat(0.5), z), f64x2.mul(z, poly)));
  // Quadrant logic on the 32-bit words of lanes 0, 1, spread to the two 64-bit lanes.
  const one = i32x4.splat(1);
  const oddWords = i32x4.eq(v128.and(q, one), one);
  const odd = v128.shuffle<i32>(oddWords, oddWords, 0, 0, 1, 1);
  const a1 = v128.bitselect(sine, cosine, odd);
  const b1 = v128.bitselect(cosine, sine, odd);
  const zero = i32x4.splat(0);
  const cosSign = v128.shuffle<i32>(zero, i32x4.shl(v128.and(v128.xor(q, i32x4.shr_u(q, 1)), one), 31), 0, 4, 0, 5);
  const sinSign = v128.shuffle<i32>(zero, i32x4.shl(i32x4.shr_u(q, 1), 31), 0, 4, 0, 5);
  N0 = f64x2.mul(radius, v128.xor(a1, cosSign));
  N1 = f64x2.mul(radius, v128.xor(b1, sinSign));
}

/** Test hook: log of `count` doubles at `at`, in place (count even). */
export function logInPlace(at: usize, count: i32): void {
  for (let i = 0; i < count; i += 2) {
    const p = at + (<usize>i << 3);
    v128.store(p, log2lanes(v128.load(p)));
  }
}

/** Clock ensemble, SIMD: memory layout and arithmetic as kernels-scalar.as.ts; lanes % 4 == 0. */
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
  const zero = f64x2.splat(0.0);
  for (let g = 0; g < lanes; g += 4) {
    philox4(0, 2, <u32>g, task, k0, k1);
    const o = <usize>g << 3;
    normalPair2(P0, P1, P2);
    v128.store(ys + o, f64x2.mul(f64x2.splat(sigmaY0), N0));
    normalPair2(high(P0), high(P1), high(P2));
    v128.store(ys + o + 16, f64x2.mul(f64x2.splat(sigmaY0), N0));
    v128.store(xs + o, zero); v128.store(xs + o + 16, zero);
    v128.store(sx + o, zero); v128.store(sx + o + 16, zero);
    v128.store(sx2 + o, zero); v128.store(sx2 + o + 16, zero);
  }
  for (let b = 0; b < bins; b++) store<u32>(hist + (<usize>b << 2), 0);
  const walk = f64x2.splat(sigmaWalk);
  const white = f64x2.splat(sigmaWhite);
  const tau = f64x2.splat(tauS);
  const asym = f64x2.splat(asymmetryS);
  const jitter = f64x2.splat(jitterS);
  const half = f64x2.splat(0.5);
  const gainV = f64x2.splat(gain);
  const invT = f64x2.splat(invSyncIntervalS);
  const lowV = f64x2.splat(histLowS);
  const invW = f64x2.splat(histInvWidth);
  const lastBin = f64x2.splat(<f64>(bins - 1));
  let spreadMax = 0.0;
  let spreadSum = 0.0;
  let countdown = syncEvery;
  for (let s = 0; s < steps; s++) {
    countdown--;
    const sync = countdown == 0;
    if (sync) countdown = syncEvery;
    let lowest = f64x2.splat(Infinity);
    let highest = f64x2.splat(-Infinity);
    for (let g = 0; g < lanes; g += 4) {
      philox4(<u32>s, 0, <u32>g, task, k0, k1);
      const w0 = P0, w1 = P1, w2 = P2;
      let d0 = w0, d1 = w0, d2 = w0, d3 = w0;
      if (sync) {
        philox4(<u32>s, 1, <u32>g, task, k0, k1);
        d0 = P0; d1 = P1; d2 = P2; d3 = P3;
      }
      // Lanes g, g+1 then g+2, g+3: the same block written twice (unrolled by hand: V8 keeps the
      // vectors in registers across it; a loop over the halves was about 25% slower).
      {
        const o = (<usize>(g + 0)) << 3;
        const a = w0;
        const b = w1;
        const c = w2;
        normalPair2(a, b, c);
        const y = f64x2.add(v128.load(ys + o), f64x2.mul(walk, N0));
        let x = f64x2.add(v128.load(xs + o), f64x2.mul(f64x2.add(y, f64x2.mul(white, N1)), tau));
        let yNext = y;
        if (sync) {
          const forward = log2lanes(u53x2(d0, d1));
          const backward = log2lanes(u53x2(d2, d3));
          const measured = f64x2.add(x, f64x2.mul(f64x2.add(asym, f64x2.mul(jitter, f64x2.sub(backward, forward))), half));
          x = f64x2.sub(x, measured);
          yNext = f64x2.sub(y, f64x2.mul(f64x2.mul(gainV, measured), invT));
        }
        v128.store(xs + o, x);
        v128.store(ys + o, yNext);
        v128.store(sx + o, f64x2.add(v128.load(sx + o), x));
        v128.store(sx2 + o, f64x2.add(v128.load(sx2 + o), f64x2.mul(x, x)));
        const bin = i32x4.trunc_sat_f64x2_s_zero(
          f64x2.pmin(f64x2.pmax(f64x2.floor(f64x2.mul(f64x2.sub(x, lowV), invW)), zero), lastBin));
        const h0 = hist + (<usize>i32x4.extract_lane(bin, 0) << 2);
        store<u32>(h0, load<u32>(h0) + 1);
        const h1 = hist + (<usize>i32x4.extract_lane(bin, 1) << 2);
        store<u32>(h1, load<u32>(h1) + 1);
        lowest = f64x2.pmin(lowest, x);
        highest = f64x2.pmax(highest, x);
      }
      {
        const o = (<usize>(g + 2)) << 3;
        const a = high(w0);
        const b = high(w1);
        const c = high(w2);
        normalPair2(a, b, c);
        const y = f64x2.add(v128.load(ys + o), f64x2.mul(walk, N0));
        let x = f64x2.add(v128.load(xs + o), f64x2.mul(f64x2.add(y, f64x2.mul(white, N1)), tau));
        let yNext = y;
        if (sync) {
          const forward = log2lanes(u53x2(high(d0), high(d1)));
          const backward = log2lanes(u53x2(high(d2), high(d3)));
          const measured = f64x2.add(x, f64x2.mul(f64x2.add(asym, f64x2.mul(jitter, f64x2.sub(backward, forward))), half));
          x = f64x2.sub(x, measured);
          yNext = f64x2.sub(y, f64x2.mul(f64x2.mul(gainV, measured), invT));
        }
        v128.store(xs + o, x);
        v128.store(ys + o, yNext);
        v128.store(sx + o, f64x2.add(v128.load(sx + o), x));
        v128.store(sx2 + o, f64x2.add(v128.load(sx2 + o), f64x2.mul(x, x)));
        const bin = i32x4.trunc_sat_f64x2_s_zero(
          f64x2.pmin(f64x2.pmax(f64x2.floor(f64x2.mul(f64x2.sub(x, lowV), invW)), zero), lastBin));
        const h0 = hist + (<usize>i32x4.extract_lane(bin, 0) << 2);
        store<u32>(h0, load<u32>(h0) + 1);
        const h1 = hist + (<usize>i32x4.extract_lane(bin, 1) << 2);
        store<u32>(h1, load<u32>(h1) + 1);
        lowest = f64x2.pmin(lowest, x);
        highest = f64x2.pmax(highest, x);
      }
    }
    const low0 = f64x2.extract_lane(lowest, 0), low1 = f64x2.extract_lane(lowest, 1);
    const high0 = f64x2.extract_lane(highest, 0), high1 = f64x2.extract_lane(highest, 1);
    const low = low1 < low0 ? low1 : low0;
    const highValue = high0 < high1 ? high1 : high0;
    const width = highValue - low;
    spreadMax = Math.max(spreadMax, width);
    spreadSum += width;
  }
  store<f64>(spread, spreadMax);
  store<f64>(spread + 8, spreadSum);
}

/** Heartbeat QoS (NFD-S), SIMD: memory layout and arithmetic as kernels-scalar.as.ts; lanes % 4 == 0. */
export function heartbeat(
  lanes: i32, periods: i32, window: i32, k0: u32, k1: u32, task: u32,
  etaS: f64, deltaS: f64, meanDelayS: f64, lossThreshold: u32, base: usize,
): void {
  const ring = base;
  const suspect = ring + (<usize>(window * lanes) << 3);
  const mistakes = suspect + (<usize>lanes << 3);
  const previous = mistakes + (<usize>lanes << 3);
  const zero = f64x2.splat(0.0);
  for (let i = 0; i < lanes; i += 2) {
    const o = <usize>i << 3;
    v128.store(suspect + o, zero);
    v128.store(mistakes + o, zero);
    v128.store(previous + o, zero);
  }
  const eta = f64x2.splat(etaS);
  const delta = f64x2.splat(deltaS);
  const mean = f64x2.splat(meanDelayS);
  const inf = f64x2.splat(Infinity);
  const one = f64x2.splat(1.0);
  const threshold = i32x4.splat(lossThreshold);
  const total = periods + window - 1;
  for (let j = 0; j < total; j++) {
    const slot = j % window;
    const period = j - window + 1;
    for (let g = 0; g < lanes; g += 4) {
      philox4(<u32>j, 0, <u32>g, task, k0, k1);
      const lost4 = i32x4.lt_u(P0, threshold);
      const w1 = P1, w2 = P2;
      // Streams g, g+1 then g+2, g+3, unrolled by hand as in clockEnsemble.
      {
        const o = (<usize>(g + 0)) << 3;
        const lost = i64x2.extend_low_i32x4_s(lost4);
        const u = u53x2(w1, w2);
        const delay = v128.bitselect(inf, f64x2.neg(f64x2.mul(mean, log2lanes(u))), lost);
        v128.store(ring + ((<usize>(slot * lanes) << 3) + o), delay);
        if (period >= 0) {
          let earliest = inf;
          for (let k = 0; k < window; k++) {
            const at = (period + k) % window;
            earliest = f64x2.min(earliest,
              f64x2.add(f64x2.splat(<f64>k * etaS), v128.load(ring + ((<usize>(at * lanes) << 3) + o))));
          }
          const late = f64x2.sub(earliest, delta);
          v128.store(suspect + o, f64x2.add(v128.load(suspect + o), f64x2.min(f64x2.max(late, zero), eta)));
          if (period >= 1) {
            const mistake = v128.and(f64x2.lt(f64x2.sub(v128.load(previous + o), delta), eta), f64x2.gt(late, zero));
            v128.store(mistakes + o, f64x2.add(v128.load(mistakes + o), v128.and(one, mistake)));
          }
          v128.store(previous + o, earliest);
        }
      }
      {
        const o = (<usize>(g + 2)) << 3;
        const lost = i64x2.extend_low_i32x4_s(high(lost4));
        const u = u53x2(high(w1), high(w2));
        const delay = v128.bitselect(inf, f64x2.neg(f64x2.mul(mean, log2lanes(u))), lost);
        v128.store(ring + ((<usize>(slot * lanes) << 3) + o), delay);
        if (period >= 0) {
          let earliest = inf;
          for (let k = 0; k < window; k++) {
            const at = (period + k) % window;
            earliest = f64x2.min(earliest,
              f64x2.add(f64x2.splat(<f64>k * etaS), v128.load(ring + ((<usize>(at * lanes) << 3) + o))));
          }
          const late = f64x2.sub(earliest, delta);
          v128.store(suspect + o, f64x2.add(v128.load(suspect + o), f64x2.min(f64x2.max(late, zero), eta)));
          if (period >= 1) {
            const mistake = v128.and(f64x2.lt(f64x2.sub(v128.load(previous + o), delta), eta), f64x2.gt(late, zero));
            v128.store(mistakes + o, f64x2.add(v128.load(mistakes + o), v128.and(one, mistake)));
          }
          v128.store(previous + o, earliest);
        }
      }
    }
  }
}

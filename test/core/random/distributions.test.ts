import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RandomStream } from '../../../src/core/random/stream.ts';
import { spawnSync } from 'node:child_process';
import { exponential, standardExponential, zigguratExponentialEdges } from '../../../src/core/random/distributions/exponential.ts';
import { logNormal } from '../../../src/core/random/distributions/lognormal.ts';
import { pareto } from '../../../src/core/random/distributions/pareto.ts';
import { bernoulli } from '../../../src/core/random/distributions/bernoulli.ts';
import { EmpiricalDistribution } from '../../../src/core/random/distributions/empirical.ts';

// Each sampler is checked against its analytic CDF with a one-sample Kolmogorov–Smirnov test.
// Critical value at significance 0.001 for large n: 1.949/sqrt(n) (Massey, "The Kolmogorov–Smirnov
// test for goodness of fit", JASA 46, 1951, Table 1 asymptotic row). Seeds are fixed, so the test is
// deterministic; a wrong transformation gives D far above the bound.
const N = 20000;
const KS_CRITICAL = 1.949 / Math.sqrt(N);

function ksStatistic(samples: number[], cdf: (x: number) => number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs(f - i / sorted.length), Math.abs((i + 1) / sorted.length - f));
  });
  return d;
}

/** Standard normal CDF. */
function normalCdf(x: number): number {
  // W. J. Cody's rational approximation is overkill here: the KS bound is ~0.014, so the
  // Zelen & Severo approximation (Abramowitz & Stegun 26.2.17, |error| < 7.5e-8) suffices.
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = (Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI)) * poly;
  return x >= 0 ? 1 - tail : tail;
}

function draw(n: number, f: () => number): number[] {
  return Array.from({ length: n }, f);
}

test('normal(): Kolmogorov–Smirnov against the standard normal CDF, mean 0 and variance 1', () => {
  const rng = new RandomStream(7, 1);
  const xs = draw(N, () => rng.normal());
  assert.ok(ksStatistic(xs, normalCdf) < KS_CRITICAL);
  const mean = xs.reduce((a, b) => a + b, 0) / N;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (N - 1);
  assert.ok(Math.abs(mean) < 5 / Math.sqrt(N)); // 5 standard errors
  assert.ok(Math.abs(variance - 1) < 5 * Math.sqrt(2 / N));
});

test('fillNormal gives the same values, in order, as repeated normal()', () => {
  const a = new RandomStream(3, 9);
  const b = new RandomStream(3, 9);
  const filled = b.fillNormal(new Float64Array(101));
  for (let i = 0; i < 101; i++) assert.equal(filled[i], a.normal());
});

test('exponential(mean): KS against 1 − exp(−x/mean)', () => {
  const rng = new RandomStream(7, 2);
  const xs = draw(N, () => exponential(rng, 2.5));
  assert.ok(ksStatistic(xs, (x) => 1 - Math.exp(-x / 2.5)) < KS_CRITICAL);
  assert.ok(xs.every((x) => x >= 0));
});

test('logNormal(mu, sigma): KS against Φ((ln x − μ)/σ)', () => {
  const rng = new RandomStream(7, 3);
  const xs = draw(N, () => logNormal(rng, 0.5, 0.75));
  assert.ok(ksStatistic(xs, (x) => normalCdf((Math.log(x) - 0.5) / 0.75)) < KS_CRITICAL);
});

test('pareto(xMin, alpha): KS against 1 − (xMin/x)^alpha', () => {
  const rng = new RandomStream(7, 4);
  const xs = draw(N, () => pareto(rng, 3, 1.7));
  assert.ok(ksStatistic(xs, (x) => 1 - (3 / x) ** 1.7) < KS_CRITICAL);
  assert.ok(xs.every((x) => x >= 3));
});

test('bernoulli(p): frequency within 5 standard errors of p', () => {
  const rng = new RandomStream(7, 5);
  const p = 0.3;
  const hits = draw(N, () => (bernoulli(rng, p) ? 1 : 0)).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(hits / N - p) < 5 * Math.sqrt((p * (1 - p)) / N));
});

test('empirical: quantiles follow Hyndman & Fan definition 7 (R and NumPy default)', () => {
  // R: quantile(c(1, 2, 4, 8), c(0, 0.25, 0.5, 0.9, 1)) gives 1, 1.75, 3, 6.8, 8 (type 7).
  const d = new EmpiricalDistribution([8, 1, 4, 2]);
  assert.deepEqual([0, 0.25, 0.5, 0.9, 1].map((q) => d.quantile(q)).map((x) => +x.toFixed(12)), [1, 1.75, 3, 6.8, 8]);
});

test('empirical: resampling returns only observed values, with equal frequencies', () => {
  const rng = new RandomStream(7, 6);
  const d = new EmpiricalDistribution([10, 20, 30, 40], 'resample');
  const counts = new Map<number, number>();
  for (let i = 0; i < N; i++) {
    const x = d.sample(rng);
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  assert.deepEqual([...counts.keys()].sort((a, b) => a - b), [10, 20, 30, 40]);
  for (const c of counts.values()) assert.ok(Math.abs(c / N - 0.25) < 5 * Math.sqrt(0.1875 / N));
});

test('empirical interpolated sampling: KS against the piecewise-linear CDF of a uniform grid', () => {
  // Sample points 0, 1, ..., 10 interpolated linearly are exactly Uniform(0, 10).
  const rng = new RandomStream(7, 7);
  const d = new EmpiricalDistribution(Array.from({ length: 11 }, (_, i) => i));
  const xs = draw(N, () => d.sample(rng));
  assert.ok(ksStatistic(xs, (x) => x / 10) < KS_CRITICAL);
});

test('every distribution draws the same numbers with the WebAssembly and the TypeScript Philox', () => {
  const run = (env: Record<string, string>) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/core/random/draws-digest.ts'], { encoding: 'utf8', env: { ...process.env, ...env } });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as (number | string)[];
  };
  const wasm = run({ CHRONOTOPE_NO_WASM: '0' });
  const ts = run({ CHRONOTOPE_NO_WASM: '1' });
  assert.equal(wasm[0], 'wasm');
  assert.equal(ts[0], 'ts');
  assert.equal(wasm.length, ts.length);
  assert.deepEqual(wasm.slice(1), ts.slice(1)); // JSON round-trips doubles exactly
});

test('ziggurat tables: X[1] = r, every layer has area v, and the top layer closes at 0', () => {
  // Marsaglia & Tsang (2000), §4: with f(x) = e^−x, the base strip is v = r·f(r) + ∫_r^∞ f, so
  // X[0] = v/f(r); each layer i ≥ 1 is the rectangle X[i]·(f(X[i+1]) − f(X[i])) = v. The published
  // r and v make the recursion end at x = 0 after 255 layers, which is what the last check tests.
  const X = zigguratExponentialEdges();
  const r = 7.69711747013104972;
  const v = 3.9496598225815571993e-3;
  assert.equal(X.length, 257);
  assert.equal(X[1], r);
  assert.equal(X[256], 0);
  assert.ok(Math.abs(X[0] * Math.exp(-r) - v) < 1e-15);
  assert.ok(Math.abs(r * Math.exp(-r) + Math.exp(-r) - v) < 1e-12); // the base strip's area is v
  for (let i = 1; i < 255; i++) {
    assert.ok(X[i + 1] < X[i]);
    assert.ok(Math.abs(X[i] * (Math.exp(-X[i + 1]) - Math.exp(-X[i])) / v - 1) < 1e-9, `layer ${i}`);
  }
  assert.ok(Math.abs(X[255] * (1 - Math.exp(-X[255])) / v - 1) < 1e-6, `top layer: ${X[255]}`);
});

test('exponential: the tail beyond r is r + Exp(1), and 10^6 draws pass KS (wedges included)', () => {
  // P(X > r) = e^−r ≈ 4.5e-4: 4·10^6 draws give ~1800 tail samples, each from the tail branch.
  const r = 7.69711747013104972;
  const rng = new RandomStream(11, 8);
  const tail: number[] = [];
  const n = 4_000_000;
  const first: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = standardExponential(rng);
    if (x > r) tail.push(x - r);
    if (i < 1_000_000) first.push(x);
  }
  const p = Math.exp(-r);
  assert.ok(Math.abs(tail.length / n - p) < 5 * Math.sqrt(p / n), `tail fraction ${tail.length / n}`);
  assert.ok(ksStatistic(tail, (x) => 1 - Math.exp(-x)) < 1.949 / Math.sqrt(tail.length));
  // 1.1% of draws reach a wedge test; at n = 10^6 the KS bound (0.0019) sees a wedge that always
  // accepts (checked by mutation), though not every subtler error.
  assert.ok(ksStatistic(first, (x) => 1 - Math.exp(-x)) < 1.949 / Math.sqrt(first.length));
});

test('empirical: a probability outside [0, 1] or an unknown mode is an error, not NaN', () => {
  const d = new EmpiricalDistribution([1, 2, 3]);
  for (const q of [-0.1, 1.5, NaN]) assert.throws(() => d.quantile(q), RangeError);
  assert.equal(d.quantile(1), 3);
  assert.equal(new EmpiricalDistribution([5]).quantile(0.7), 5);
  assert.throws(() => new EmpiricalDistribution([1], 'bootstrap' as 'resample'), RangeError);
});

test('distribution parameters out of range throw instead of returning NaN', () => {
  const rng = new RandomStream(1, 1);
  assert.throws(() => pareto(rng, 0, 1), RangeError);
  assert.throws(() => pareto(rng, 1, -2), RangeError);
  assert.throws(() => logNormal(rng, 0, -1), RangeError);
  assert.throws(() => logNormal(rng, NaN, 1), RangeError);
  assert.throws(() => bernoulli(rng, 1.5), RangeError);
  assert.throws(() => bernoulli(rng, NaN), RangeError);
  assert.equal(bernoulli(rng, 0), false);
  assert.equal(bernoulli(rng, 1), true);
});

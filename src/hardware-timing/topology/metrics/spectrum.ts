import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Topology } from '../topology.ts';

/** Above this many nodes the full eigendecomposition (O(n³) with a large constant) is skipped. */
export const FULL_SPECTRUM_MAX_NODES = 128;

/** Rounds to 1e-9: a tree's log10 τ = 0 otherwise shows as ±1e-15 of rounding. */
function clean(log10: number): number {
  return Math.round(log10 * 1e9) / 1e9;
}

/** The graph Laplacian L = D − A of the topology (every node, hosts and switches). */
export function laplacian(t: Topology): Matrix {
  const n = t.nodeCount;
  const L = Matrix.zeros(n, n);
  for (const link of t.links) {
    L.set(link.a, link.b, L.get(link.a, link.b) - 1);
    L.set(link.b, link.a, L.get(link.b, link.a) - 1);
    L.set(link.a, link.a, L.get(link.a, link.a) + 1);
    L.set(link.b, link.b, L.get(link.b, link.b) + 1);
  }
  return L;
}

/** Laplacian eigenvalues in increasing order (ml-matrix's symmetric eigendecomposition). */
export function laplacianEigenvalues(t: Topology): number[] {
  const e = new EigenvalueDecomposition(laplacian(t), { assumeSymmetric: true });
  return [...e.realEigenvalues].sort((a, b) => a - b);
}

export interface Spectrum {
  /** Algebraic connectivity: the second-smallest Laplacian eigenvalue (Fiedler 1973); 0 if disconnected. */
  lambda2: number;
  /** log10 of the number of spanning trees (Kirchhoff's matrix-tree theorem); −Infinity if disconnected. */
  log10SpanningTrees: number;
  /** 'eigen' (full decomposition) or 'cholesky' (large graphs). */
  method: 'eigen' | 'cholesky';
}

/**
 * λ₂ and the spanning-tree count.
 *
 * Small graphs (≤ FULL_SPECTRUM_MAX_NODES): all eigenvalues; τ = (1/n) ∏_{i≥2} λ_i (Kirchhoff 1847,
 * in the eigenvalue form of e.g. Godsil & Royle, "Algebraic Graph Theory", 2001, §13.2).
 *
 * Large graphs: M = L + J (J all ones) is positive definite for a connected graph, with
 * eigenvalues n (eigenvector 1) and λ₂ … λ_n, so det M = n² τ (Temperley's identity, 1964):
 * one Cholesky factorisation (ml-matrix) gives log τ = log det M − 2 log n. λ₂ = the smallest
 * eigenvalue of M (λ₂ ≤ n always), found by inverse iteration with that factor: the Rayleigh
 * quotient converges at rate (λ₂/λ₃)², to 1e-12 relative or 2000 iterations.
 */
export function spectrum(t: Topology, method: 'auto' | 'eigen' | 'cholesky' = 'auto'): Spectrum {
  const n = t.nodeCount;
  if (n === 1) return { lambda2: 0, log10SpanningTrees: 0, method: 'eigen' };
  const useEigen = method === 'eigen' || (method === 'auto' && n <= FULL_SPECTRUM_MAX_NODES);
  if (useEigen) {
    const ev = laplacianEigenvalues(t);
    // Eigenvalues that are zero up to rounding mean the graph is disconnected.
    const tolerance = 1e-9 * Math.max(1, ev[n - 1]);
    if (ev[1] <= tolerance) return { lambda2: 0, log10SpanningTrees: -Infinity, method: 'eigen' };
    let log10 = -Math.log10(n);
    for (let i = 1; i < n; i++) log10 += Math.log10(ev[i]);
    return { lambda2: ev[1], log10SpanningTrees: clean(log10), method: 'eigen' };
  }
  const M = laplacian(t).add(1);
  const chol = new CholeskyDecomposition(M);
  if (!chol.isPositiveDefinite()) return { lambda2: 0, log10SpanningTrees: -Infinity, method: 'cholesky' };
  const Lmat = chol.lowerTriangularMatrix;
  // The factor's rows as plain arrays: triangular solves by hand read them directly, ~10× faster
  // than ml-matrix's element accessors for the thousands of solves inverse iteration needs.
  const rows: Float64Array[] = [];
  let logDet = 0;
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(i + 1);
    for (let j = 0; j <= i; j++) row[j] = Lmat.get(i, j);
    rows.push(row);
    logDet += 2 * Math.log10(row[i]);
  }
  const log10SpanningTrees = clean(logDet - 2 * Math.log10(n));
  // Inverse iteration: x ← M⁻¹ x = L⁻ᵀ L⁻¹ x. Start from a fixed vector orthogonal to 1.
  let x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.sin(1 + i * 0.7548776662466927) ; // deterministic, not aligned with 1
  const mean = x.reduce((a, b) => a + b, 0) / n;
  for (let i = 0; i < n; i++) x[i] -= mean;
  const y = new Float64Array(n);
  let lambda = Infinity;
  for (let iter = 0; iter < 2000; iter++) {
    let norm = 0;
    for (let i = 0; i < n; i++) norm += x[i] * x[i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) x[i] /= norm;
    // Forward: L y = x.
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      let s = x[i];
      for (let j = 0; j < i; j++) s -= row[j] * y[j];
      y[i] = s / row[i];
    }
    // Backward: Lᵀ z = y (z into y, column access of L = row access of Lᵀ).
    for (let i = n - 1; i >= 0; i--) {
      y[i] /= rows[i][i];
      const yi = y[i];
      const row = rows[i];
      for (let j = 0; j < i; j++) y[j] -= row[j] * yi;
    }
    // Rayleigh quotient of M⁻¹: xᵀ M⁻¹ x / xᵀ x = x · y (x is unit).
    let rq = 0;
    for (let i = 0; i < n; i++) rq += x[i] * y[i];
    const next = 1 / rq;
    const done = Math.abs(next - lambda) <= 1e-12 * next;
    lambda = next;
    const swap = x;
    x = y.slice();
    y.set(swap.fill(0));
    if (done) break;
  }
  return { lambda2: lambda, log10SpanningTrees, method: 'cholesky' };
}

// cpu.weight: proportional sharing among the active children of one parent
// (docs/model/containers.md, "cpu.weight").

import { waterFill } from '../cpu/entitlement.js';
import { EPS } from '../../eps.js';

/** The kernel's conversion to CFS shares: round(weight × 1024 / 100), so 100 is nice 0 (TV-1.5b). */
export function weightToShares(weight: number): number {
  return Math.round((weight * 1024) / 100);
}

/** A child competing for its parent's CPU: what it can use this quantum and its weight. */
export interface Claim {
  want: number;
  shares: number;
}

/**
 * divide's inputs to waterFill, reused from call to call (it runs every contended quantum, and
 * allocated three arrays each time before). `none` stays all zeros: cgroups reserve nothing.
 */
let wantScratch = new Float64Array(16);
let sharesScratch = new Float64Array(16);
let none = new Float64Array(16);

/**
 * Divide `capacity` ms among siblings by shares, none above what it wants, what a satisfied one
 * leaves going to the others (work-conserving, as cgroup v2 weights are). Runs every quantum for
 * every kernel and service: `out` (the caller's, reused) receives the result when it is long
 * enough, and nothing else is allocated.
 */
export function divide(claims: readonly Claim[], capacity: number, out?: Float64Array): Float64Array {
  const n = claims.length;
  const result = out !== undefined && out.length >= n ? out : new Float64Array(n);
  const cap = Math.max(0, capacity);
  // waterFill's own first case, without copying the claims into arrays first
  let sumWant = 0;
  for (let i = 0; i < n; i++) sumWant += claims[i].want;
  if (sumWant <= cap + EPS) {
    for (let i = 0; i < n; i++) result[i] = claims[i].want;
    return result;
  }
  if (wantScratch.length < n) {
    const size = Math.max(2 * n, 16);
    wantScratch = new Float64Array(size);
    sharesScratch = new Float64Array(size);
    none = new Float64Array(size);
  }
  const want = wantScratch;
  const shares = sharesScratch;
  for (let i = 0; i < n; i++) {
    want[i] = claims[i].want;
    shares[i] = claims[i].shares;
  }
  waterFill(n, want, none, shares, cap, result);
  return result;
}

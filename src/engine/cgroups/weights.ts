// cpu.weight: proportional sharing among the active children of one parent (reference model §1.5).

import { waterFill } from '../cpu/entitlement.js';

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
 * Divide `capacity` ms among siblings by shares, none above what it wants, what a satisfied one
 * leaves going to the others (work-conserving, as cgroup v2 weights are).
 */
export function divide(claims: readonly Claim[], capacity: number): Float64Array {
  const n = claims.length;
  const want = new Float64Array(n);
  const shares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    want[i] = claims[i].want;
    shares[i] = claims[i].shares;
  }
  const out = new Float64Array(n);
  waterFill(n, want, new Float64Array(n), shares, Math.max(0, capacity), out);
  return out;
}

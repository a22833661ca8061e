// ESXi proportional share (docs/model/cpu.md, "Entitlement"): under contention each VM is entitled
// to the host's capacity in proportion to its shares, but never below its reservation and never
// above what it wants (its demand, bounded by its limit and by its vCPUs). What a satisfied VM does
// not take goes to the others, so the result is work-conserving.
//
// Formally: find the level λ with Σ clamp(λ·shares_i, lo_i, want_i) = capacity, where
// lo_i = min(reservation_i, want_i). Each term is piecewise linear in λ, so the sum is too; its
// breakpoints are sorted and the crossing segment solved exactly.

import { EPS } from '../../eps.js';

/** waterFill's breakpoints, reused from call to call */
let points = new Float64Array(64);
/** views of the first n breakpoints, for every n: sorting them then allocates no view per call */
let prefixes = prefixViews(points);

function prefixViews(a: Float64Array): Float64Array[] {
  return Array.from({ length: a.length + 1 }, (_, n) => a.subarray(0, n));
}

/**
 * All arrays have length >= n; `out` receives each VM's entitlement.
 * `want[i]` must already be min(demand, limit, vcpus x MHz); `res[i]` is the reservation.
 */
export function waterFill(
  n: number,
  want: ArrayLike<number>,
  res: ArrayLike<number>,
  shares: ArrayLike<number>,
  capacity: number,
  out: Float64Array,
): void {
  let sumWant = 0;
  let sumLo = 0;
  for (let i = 0; i < n; i++) {
    sumWant += want[i];
    sumLo += Math.min(res[i], want[i]);
  }
  if (sumWant <= capacity + EPS) {
    for (let i = 0; i < n; i++) out[i] = want[i];
    return;
  }
  if (sumLo >= capacity - EPS) {
    // Admission control should prevent this; if reservations exceed the host, scale them.
    const k = sumLo > 0 ? capacity / sumLo : 0;
    for (let i = 0; i < n; i++) out[i] = Math.min(res[i], want[i]) * k;
    return;
  }
  // Breakpoints of λ where some term starts or stops growing. The scratch array is reused: this
  // runs on every contended host each entitlement period, and allocated on every call before.
  if (points.length < 2 * n) {
    points = new Float64Array(Math.max(4 * n, 64));
    prefixes = prefixViews(points);
  }
  let np = 0;
  for (let i = 0; i < n; i++) {
    if (shares[i] <= 0) continue;
    points[np++] = Math.min(res[i], want[i]) / shares[i];
    points[np++] = want[i] / shares[i];
  }
  const sorted = prefixes[np].sort();
  let lo = 0;
  let fLo = total(0, n, want, res, shares);
  let lambda = np > 0 ? sorted[np - 1] : 0;
  for (let k = 0; k < np; k++) {
    const p = sorted[k];
    const fP = total(p, n, want, res, shares);
    if (fP >= capacity) {
      lambda = fP - fLo > EPS ? lo + ((capacity - fLo) * (p - lo)) / (fP - fLo) : p;
      break;
    }
    lo = p;
    fLo = fP;
  }
  for (let i = 0; i < n; i++) out[i] = clamp(lambda * shares[i], Math.min(res[i], want[i]), want[i]);
}

/** Σ clamp(λ·shares_i, lo_i, want_i): what the VMs take at level λ. */
function total(lambda: number, n: number, want: ArrayLike<number>, res: ArrayLike<number>, shares: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += clamp(lambda * shares[i], Math.min(res[i], want[i]), want[i]);
  return s;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

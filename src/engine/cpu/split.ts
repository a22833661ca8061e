// A group's grant for one quantum, shared among its vCPUs (docs/model/cpu.md,
// "Relaxed co-scheduling and work conservation (ESXi 3 and later)", its step "Within a VM").
//
// Co-scheduled (ESXi) VMs: the vCPUs without work (idle loop, housekeeping) are served first, then
// the busy ones least-progressed-first: the grant raises the laggards' progress before the
// leaders', which keeps skew from growing wherever the grant allows. Groups scheduled
// independently share equally, each thread capped at what it wants (CFS-like).
//
// What a vCPU wanted and did not get is refused by the group's limit (%MLMTD) in the proportion
// the limit refused the group, else by capacity. Under relaxed co-scheduling the capacity part
// splits into %RDY and %CSTP: see costop().

import type { CpuState } from './cpu-state.js';
import { EPS } from '../../eps.js';

/** Give group g `G` ms of pCPU time this quantum; `limited` ms of its want were refused by its limit. */
export function splitGrant(s: CpuState, g: number, G: number, limited: number, relaxed: boolean): void {
  const { want, granted, limCut } = s;
  const start = s.gStart[g];
  const end = start + s.gCount[g];
  const W = s.gWantMs[g];
  if (G >= W - EPS) {
    for (let v = start; v < end; v++) granted[v] = want[v];
    return;
  }
  const gang = s.gGang[g] === 1;
  let left = G;
  if (gang) {
    // housekeeping first: a waking idle vCPU is boosted; it is tiny beside the busy ones
    let hk = 0;
    for (let v = start; v < end; v++) if (!s.busy[v]) hk += want[v];
    const k = hk > left ? left / hk : 1;
    for (let v = start; v < end; v++) {
      if (s.busy[v]) continue;
      const x = want[v] * k;
      granted[v] = x;
      left -= x;
    }
  }
  fillLevel(s, start, end, left, gang);
  // the refusal: by the limit in the group's proportion, the rest by capacity
  const refused = W - G;
  const rho = refused > EPS ? Math.min(1, limited / refused) : 0;
  let short = 0;
  for (let v = start; v < end; v++) {
    const u = want[v] - granted[v];
    limCut[v] = u * rho;
    if (gang && s.busy[v] && u > EPS) short++;
  }
  if (!relaxed || !gang || left <= EPS) return;
  costop(s, start, end, 1 - rho, short);
}

/**
 * Relaxed co-scheduling's co-stop of the siblings that had to wait. A vCPU already θ ahead of its
 * slowest busy sibling is held until that one catches up: all its wait is co-stop. When two or
 * more busy siblings are short, they rotate on the pCPUs the group holds, and the rotation's
 * share of their wait is co-stop (rotationCostop). Only the capacity part of a wait (1 - rho of
 * it) can be co-stop; the limit's part stays %MLMTD.
 */
function costop(s: CpuState, start: number, end: number, capShare: number, short: number): void {
  const { want, granted, cstp, skew, busy } = s;
  const theta = s.skewThresholdMs;
  const rot = short >= 2 ? s.rotation : 0;
  for (let v = start; v < end; v++) {
    if (!busy[v]) continue;
    const u = (want[v] - granted[v]) * capShare;
    if (u <= EPS) continue;
    cstp[v] = skew[v] >= theta - EPS ? u : u * rot;
  }
}

/**
 * Water-fill `G` over the vCPUs [start, end) (busy ones only when `gang`): x_v = clamp(L - b_v, 0,
 * want_v) with Σ x_v = G. For a co-scheduled VM b_v is the progress the vCPU makes anyway (its
 * skew plus its idle time this quantum), so the level raises the least progressed first; for
 * independent threads b_v = 0 (equal shares).
 */
function fillLevel(s: CpuState, start: number, end: number, G: number, gang: boolean): void {
  const { want, granted, skew, busy, fillBase: base } = s;
  const q = s.quantumMs;
  // each candidate's base, once (NaN: not a candidate); alike bases and wants (the usual busy
  // VM) share G equally
  let n = 0;
  let b0 = NaN;
  let w0 = NaN;
  let same = true;
  for (let v = start; v < end; v++) {
    const b = gang && !busy[v] ? NaN : gang ? skew[v] + q - want[v] : 0;
    base[v - start] = b;
    if (b !== b) continue;
    if (n === 0) { b0 = b; w0 = want[v]; } else if (Math.abs(b - b0) > EPS || Math.abs(want[v] - w0) > EPS) same = false;
    n++;
  }
  if (n === 0) return;
  if (same) {
    const x = Math.min(w0, G / n);
    for (let v = start; v < end; v++) if (base[v - start] === base[v - start]) granted[v] = x;
    return;
  }
  // breakpoints of the piecewise linear Σ clamp(L - b_v, 0, w_v), sorted in place (groups are small)
  const pts = s.fillPoints;
  let np = 0;
  for (let v = start; v < end; v++) {
    const b = base[v - start];
    if (b !== b) continue;
    np = insert(pts, np, b);
    np = insert(pts, np, b + want[v]);
  }
  let lo = pts[0];
  let fLo = 0;
  let level = pts[np - 1];
  for (let k = 1; k < np; k++) {
    const p = pts[k];
    const fP = filled(s, start, end, p);
    if (fP >= G - EPS) {
      level = fP - fLo > EPS ? lo + ((G - fLo) * (p - lo)) / (fP - fLo) : p;
      break;
    }
    lo = p;
    fLo = fP;
  }
  for (let v = start; v < end; v++) {
    const b = base[v - start];
    if (b === b) granted[v] = clampTo(level - b, want[v]);
  }
}

/** Σ clamp(level - b_v, 0, want_v) over the candidates fillLevel based. */
function filled(s: CpuState, start: number, end: number, level: number): number {
  const { want, fillBase: base } = s;
  let sum = 0;
  for (let v = start; v < end; v++) {
    const b = base[v - start];
    if (b === b) sum += clampTo(level - b, want[v]);
  }
  return sum;
}

function clampTo(x: number, hi: number): number {
  return x < 0 ? 0 : x > hi ? hi : x;
}

/** Insert x into the sorted first n entries of a; returns n + 1. */
function insert(a: Float64Array, n: number, x: number): number {
  let j = n - 1;
  while (j >= 0 && a[j] > x) {
    a[j + 1] = a[j];
    j--;
  }
  a[j + 1] = x;
  return n + 1;
}

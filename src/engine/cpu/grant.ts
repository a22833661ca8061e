// Handing out one quantum of pCPU time: the hypervisor's own work first, then the vCPUs, either
// one by one by priority (relaxed co-scheduling) or a VM's busy vCPUs all together (strict).

import { EPS, type CpuState } from './cpu-state.js';

/**
 * The hypervisor's own work for the groups runs first (the VMkernel serves I/O ahead of vCPUs),
 * scaled down only if it alone would exceed the host. Returns the pCPU-ms it takes.
 */
export function grantSys(s: CpuState): number {
  if (!s.sysOn) return 0;
  const q = s.quantumMs;
  let total = 0;
  for (let g = 0; g < s.ng; g++) total += s.gOn[g] ? s.sysDemand[g] : 0;
  const k = total > s.pcpus ? s.pcpus / total : 1;
  for (let g = 0; g < s.ng; g++) {
    const x = s.gOn[g] ? s.sysDemand[g] * k * q : 0;
    s.gSys[g] = x;
    s.cSysG[g] += x;
  }
  return total * k * q;
}

export function grantRelaxed(s: CpuState, sysMs: number): void {
  const q = s.quantumMs;
  const { want, order, cstpPart, gRunStart, gRunLen, gOrder } = s;
  let n = 0;
  let ngr = 0;
  let sum = 0;
  const { gOn, gBlocked, gStart, gCount } = s;
  for (let g = 0; g < s.ng; g++) {
    if (!gOn[g] || gBlocked[g]) continue;
    const n0 = n;
    const start = gStart[g];
    const end = start + gCount[g];
    for (let v = start; v < end; v++) {
      const w = want[v] - cstpPart[v];
      if (w > EPS) {
        order[n++] = v;
        sum += w;
      }
    }
    if (n > n0) {
      // each group's vCPUs are one run of `order`
      gRunStart[g] = n0;
      gRunLen[g] = n - n0;
      gOrder[ngr++] = g;
    }
  }
  let capLeft = s.pcpus * q - sysMs;
  if (sum > capLeft + EPS) sortByPriority(s, n, ngr);
  let total = sysMs;
  const { vGroup, gBudget, granted, limCut } = s;
  for (let k = 0; k < n; k++) {
    const v = order[k];
    const g = vGroup[v];
    const gc = Math.min(want[v] - cstpPart[v], capLeft);
    const x = Math.min(gc, gBudget[g]);
    granted[v] = x;
    limCut[v] = gc - x;
    gBudget[g] -= x;
    capLeft -= x;
    total += x;
  }
  // Wrap-around assignment (McNaughton) makes the fluid grant a valid per-pCPU schedule; the
  // starting pCPU rotates so that busy time spreads over all pCPUs like a real balancer.
  const P = s.pcpus;
  const off = s.quanta % P;
  for (let i = 0; i < P && total > EPS; i++) {
    // Math.min rather than a conditional: V8 does not know the field `q` came from is a number,
    // and the conditional made `x` a boxed number, allocated every quantum.
    const x = Math.min(total, q);
    s.pcpuBusy[(off + i) % P] += x;
    total -= x;
  }
}

/**
 * The first `ngr` entries of `gOrder` by credit, then time waited, then index (a unique order, so
 * any correct sort gives the same one). Insertion sort in place: few groups, no allocation.
 */
function sortGroups(s: CpuState, ngr: number): void {
  const { gOrder, gCredit, gWaited } = s;
  for (let i = 1; i < ngr; i++) {
    const a = gOrder[i];
    let j = i - 1;
    for (; j >= 0; j--) {
      const b = gOrder[j];
      // b after a: the comparator (b, a) is positive
      const c = gCredit[a] - gCredit[b] || gWaited[a] - gWaited[b] || b - a;
      if (!(c > 0)) break;
      gOrder[j + 1] = b;
    }
    gOrder[j + 1] = a;
  }
}

/**
 * VMs by credit (the VM that waited longest among equals), siblings side by side; inside a VM
 * the laggards of a co-stop first, then the vCPU that waited longest, then the least
 * progressed (reference §1.3). The order is total (ties end on the index) and compares groups
 * before vCPUs, so it is sorted in two levels: the groups (`gOrder`, `ngr` of them), each
 * group's run of vCPUs in place, then the runs laid out in the groups' order. In place, by
 * insertion: the runs are short, and the typed-array sort copies and calls a closure.
 */
function sortByPriority(s: CpuState, n: number, ngr: number): void {
  const { order, orderTmp, gOrder, gRunStart, gRunLen, boost, progress, cRdy } = s;
  sortGroups(s, ngr);
  let k = 0;
  for (let i = 0; i < ngr; i++) {
    const g = gOrder[i];
    const start = gRunStart[g];
    const end = start + gRunLen[g];
    for (let p = start + 1; p < end; p++) {
      const a = order[p];
      let j = p - 1;
      for (; j >= start; j--) {
        const b = order[j];
        const c = boost[a] - boost[b] || cRdy[a] - cRdy[b] || progress[b] - progress[a] || b - a;
        if (!(c > 0)) break;
        order[j + 1] = b;
      }
      order[j + 1] = a;
    }
    for (let p = start; p < end; p++) orderTmp[k++] = order[p];
  }
  for (let p = 0; p < n; p++) order[p] = orderTmp[p];
}

/** Strict (ESX 2.x) co-scheduling: a VM's runnable vCPUs each need a pCPU at the same time. */
export function grantStrict(s: CpuState, sysMs: number): void {
  const { want } = s;
  // system work is spread over all pCPUs, leaving each vCPU's slot the rest of the quantum
  const room = s.quantumMs - sysMs / s.pcpus;
  if (sysMs > 0) for (let k = 0; k < s.pcpus; k++) s.pcpuBusy[k] += sysMs / s.pcpus;
  let ngr = 0;
  for (let g = 0; g < s.ng; g++) {
    s.gRunnable[g] = 0;
    if (!s.gOn[g] || s.gBlocked[g]) continue;
    let c = 0;
    const end = s.gStart[g] + s.gCount[g];
    for (let v = s.gStart[g]; v < end; v++) if (want[v] > 0) c++;
    if (c === 0) continue;
    s.gRunnable[g] = c;
    s.gOrder[ngr++] = g;
  }
  sortGroups(s, ngr);
  let slots = s.pcpus;
  const off = s.quanta % s.pcpus;
  let slot = 0;
  for (let k = 0; k < ngr && slots > 0; k++) {
    const g = s.gOrder[k];
    // A guest's busy vCPUs go all together or not at all; independent threads take what is left.
    if (s.gGang[g] && s.gRunnable[g] > slots) continue;
    const end = s.gStart[g] + s.gCount[g];
    for (let v = s.gStart[g]; v < end && slots > 0; v++) {
      if (want[v] <= 0) continue;
      slots--;
      const fits = Math.min(want[v], room);
      const x = Math.min(fits, s.gBudget[g]);
      s.granted[v] = x;
      s.limCut[v] = fits - x;
      s.gBudget[g] -= x;
      s.pcpuBusy[(off + slot++) % s.pcpus] += x;
    }
  }
}

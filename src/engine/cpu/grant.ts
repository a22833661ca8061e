// Handing out one quantum of pCPU time: the hypervisor's own work first, then the groups, either
// by credit with each group's grant shared among its vCPUs (relaxed co-scheduling, and every
// hypervisor that schedules vCPUs independently) or a VM's busy vCPUs all together (strict).

import type { CpuState } from './cpu-state.js';
import { EPS } from '../../eps.js';
import { splitGrant } from './split.js';

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

/**
 * The groups that may run and want to, into gOrder; returns how many. Each group's total want
 * (gWantMs) was summed as the work arrived; a blocked group's is cleared here.
 */
function runnableGroups(s: CpuState): number {
  const { gOn, gBlocked, gWantMs, gOrder } = s;
  let ngr = 0;
  for (let g = 0; g < s.ng; g++) {
    if (!gOn[g] || gBlocked[g]) {
      gWantMs[g] = 0;
      continue;
    }
    if (gWantMs[g] > EPS) gOrder[ngr++] = g;
  }
  return ngr;
}

/** Priority of a group that wants no more than its entitlement: ahead of every contended one. */
const SATISFIED = 1e15;

/**
 * Work-conserving proportional share: first the groups that want no more than they are entitled
 * to (a light VM's waking vCPUs preempt, as the VMkernel boosts a vCPU waking with credit left),
 * then the others by credit (most behind their entitlement first), each taking what it wants of
 * what is left, within its limit. Whatever a group does not take goes to the next, so no pCPU
 * idles while a vCPU that may run is ready.
 */
export function grantRelaxed(s: CpuState, sysMs: number): void {
  const q = s.quantumMs;
  const ngr = runnableGroups(s);
  const { gOrder, gWantMs, gBudget } = s;
  s.gShort.fill(0);
  let capLeft = s.pcpus * q - sysMs;
  let sum = 0;
  for (let k = 0; k < ngr; k++) sum += gWantMs[gOrder[k]];
  if (sum > capLeft + EPS) {
    const { gPrio, gCredit, gEnt, gWant } = s;
    for (let k = 0; k < ngr; k++) {
      const g = gOrder[k];
      gPrio[g] = gCredit[g] + (gEnt[g] >= gWant[g] - EPS ? SATISFIED : 0);
    }
    sortGroups(s, ngr, gPrio, -1);
  }
  let total = sysMs;
  const relaxed = !s.strict;
  for (let k = 0; k < ngr; k++) {
    const g = gOrder[k];
    const gc = Math.min(gWantMs[g], capLeft);
    const x = Math.min(gc, gBudget[g]);
    gBudget[g] -= x;
    capLeft -= x;
    total += x;
    s.gShort[g] = x < gWantMs[g] - EPS ? 1 : 0;
    splitGrant(s, g, x, gc - x, relaxed);
  }
  // Wrap-around assignment (McNaughton) makes the fluid grant a valid per-pCPU schedule (no vCPU
  // gets more than a quantum); the starting pCPU rotates so that busy time spreads over all pCPUs.
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
 * The first `ngr` entries of `gOrder` by `key` (ascending for sign 1, descending for -1), then by
 * time waited (longest first), then index: a unique order, so any correct sort gives the same one.
 * Insertion sort in place: few groups, no allocation.
 */
function sortGroups(s: CpuState, ngr: number, key: Float64Array, sign: number): void {
  const { gOrder, gWaited } = s;
  for (let i = 1; i < ngr; i++) {
    const a = gOrder[i];
    let j = i - 1;
    for (; j >= 0; j--) {
      const b = gOrder[j];
      // b after a: the comparator (b, a) is positive
      const c = sign * (key[b] - key[a]) || gWaited[a] - gWaited[b] || b - a;
      if (!(c > 0)) break;
      gOrder[j + 1] = b;
    }
    gOrder[j + 1] = a;
  }
}

/**
 * Strict co-scheduling (ESX 2.x, simplified): a VM's busy vCPUs each need a pCPU at the same time,
 * or none of them runs. A gang of several starts only on pCPUs that nothing else has run on in the
 * quantum; a single busy vCPU, vCPUs without work (housekeeping) and independent threads run
 * one by one wherever time is left.
 * Fairness is consumption over shares (virtual time): the group that has used least per share goes
 * first. While a gang waits its busy vCPUs are co-stopped (%CSTP) if some pCPU is left idle,
 * ready (%RDY) if none is.
 */
export function grantStrict(s: CpuState, sysMs: number): void {
  const { want, busy, gRunnable, gOrder, gStart, gCount, gGang, slotLeft, slotIdx } = s;
  const P = s.pcpus;
  // system work is spread over all pCPUs, leaving each pCPU the rest of the quantum
  const room = s.quantumMs - sysMs / P;
  for (let k = 0; k < P; k++) {
    if (sysMs > 0) s.pcpuBusy[k] += sysMs / P;
    slotLeft[k] = room;
    slotIdx[k] = k;
  }
  const ngr = runnableGroups(s);
  for (let k = 0; k < ngr; k++) {
    const g = gOrder[k];
    let c = 0;
    if (gGang[g]) {
      const end = gStart[g] + gCount[g];
      for (let v = gStart[g]; v < end; v++) if (want[v] > 0 && busy[v]) c++;
    }
    gRunnable[g] = c;
  }
  sortGroups(s, ngr, s.gVtime, 1);
  let waiting = false;
  for (let k = 0; k < ngr; k++) {
    const g = gOrder[k];
    const c = gRunnable[g];
    const start = gStart[g];
    const end = start + gCount[g];
    if (c > 0) {
      // One busy vCPU takes the pCPU with the longest free time left; a gang of several needs
      // c pCPUs that nothing has run on this quantum: their free times would not line up
      // [assumption]. Those are found by a scan, not a sort: this runs for every group.
      let n = 0;
      if (c === 1) {
        let at = 0;
        for (let i = 1; i < P; i++) if (slotLeft[i] > slotLeft[at]) at = i;
        if (slotLeft[at] > EPS) slotIdx[n++] = at;
      } else if (c <= P) {
        for (let i = 0; i < P && n < c; i++) if (slotLeft[i] >= room - EPS) slotIdx[n++] = i;
      }
      if (n === c) {
        const span = c === 1 ? slotLeft[slotIdx[0]] : room;
        let slot = 0;
        for (let v = start; v < end; v++) if (want[v] > 0 && busy[v]) place(s, g, v, slotIdx[slot++], span);
      } else {
        gRunnable[g] = -c; // waiting: settled below, once the idle pCPUs are known
        waiting = true;
      }
    }
    for (let v = start; v < end; v++) {
      if (want[v] <= 0 || (c !== 0 && busy[v])) continue;
      let at = 0;
      for (let i = 1; i < P; i++) if (slotLeft[i] > slotLeft[at]) at = i;
      if (slotLeft[at] > EPS) place(s, g, v, at, slotLeft[at]);
    }
  }
  if (!waiting) return;
  let idle = 0;
  for (let i = 0; i < P; i++) idle += slotLeft[i];
  if (idle <= EPS) return;
  s.gangIdleMs += idle;
  for (let k = 0; k < ngr; k++) {
    const g = gOrder[k];
    if (gRunnable[g] >= 0) continue;
    const end = gStart[g] + gCount[g];
    for (let v = gStart[g]; v < end; v++) if (busy[v]) s.cstp[v] = want[v];
  }
}

/** vCPU v of group g runs on pCPU `at` for up to `span` ms, within the group's limit. */
function place(s: CpuState, g: number, v: number, at: number, span: number): void {
  const fits = Math.min(s.want[v], span);
  const x = Math.min(fits, s.gBudget[g]);
  s.granted[v] = x;
  s.limCut[v] = fits - x;
  s.gBudget[g] -= x;
  s.slotLeft[at] -= x;
  s.pcpuBusy[(s.quanta + at) % s.pcpus] += x;
}

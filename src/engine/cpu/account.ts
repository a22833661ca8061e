// After the grant: every vCPU's quantum goes into exactly one esxtop state (RUN, RDY, CSTP or
// WAIT), which is what the counters accumulate; then skew, credit and load are brought up to date.

import { CREDIT_BOUND, type CpuState } from './cpu-state.js';
import { EPS } from '../../eps.js';

export function account(s: CpuState): void {
  const q = s.quantumMs;
  const {
    want, granted, gOn, gUsed, gSys, gOvh, stallSwap, stallGuest, stallSleep, gStart, gCount, gBlocked, gWaited,
    cIdle, cSwpwt, cSleep, cBlocked, cstp, cCstp, cRdy, limCut, cMlmtd, cRun, backlog, cWork, useful,
  } = s;
  // runnable or running, in pCPU-ms: the load average's numerator (the VMkernel's own work included)
  let load = 0;
  gUsed.fill(0);
  for (let g = 0; g < s.ng; g++) {
    if (!gOn[g]) continue;
    let used = gSys[g]; // the VM pays for the hypervisor work done on its behalf
    load += used;
    const guest = 1 - gOvh[g];
    const swp = q * stallSwap[g];
    const gst = q * stallGuest[g];
    const slp = q * stallSleep[g];
    const blocked = gBlocked[g];
    // what a vCPU with work has left after its memory stall and the VMkernel's sleep
    const qa = q - swp - gst - slp;
    const start = gStart[g];
    const end = start + gCount[g];
    for (let v = start; v < end; v++) {
      const w = want[v];
      if (w <= 0 || blocked) {
        // Idle, or held (a VServer context on hold, a throttled cgroup): a vCPU with work first
        // waits out its memory stall, then is held for the rest. Both cases share these stores,
        // each adding 0 where it does not apply: a group's first hold then runs code V8 has
        // already seen, instead of throwing away the optimised accounting.
        const held = w > 0;
        cSwpwt[v] += held ? swp : 0;
        cSleep[v] += held ? slp : 0;
        cIdle[v] += held ? gst : q;
        cBlocked[v] += held ? qa : 0;
        load += held ? qa : 0;
        continue;
      }
      // A vCPU with work first waits out its memory stall (%SWPWT; the guest's own paging is
      // idle to the hypervisor), then is in one state per ms of what it wanted, idle for the rest.
      const x = granted[v];
      const c = cstp[v];
      // Math.max: want and the stall-free time are computed along different float paths, and a
      // difference of -4e-17 would show as a negative %IDLE or %RDY
      const rdy = Math.max(0, w - x - c);
      cSwpwt[v] += swp;
      cSleep[v] += slp;
      cIdle[v] += gst + Math.max(0, qa - w);
      // The virtualization overhead (traps, binary translation, hypercalls) runs in the vCPU's
      // own world: all of x is %RUN, of which the guest progresses `guest`.
      cRun[v] += x;
      cRdy[v] += rdy;
      cCstp[v] += c;
      cMlmtd[v] += limCut[v];
      gWaited[g] += rdy;
      backlog[v] -= x * guest;
      cWork[v] += x * guest * useful[v];
      load += w;
      used += x;
    }
    gUsed[g] = used;
  }
  if (!s.strict) updateSkew(s);
  const n = load / q / s.pcpus;
  for (let i = 0; i < 3; i++) s.loadAvg[i] = s.loadAvg[i] * s.loadDecay[i] + n * (1 - s.loadDecay[i]);
}

/**
 * Relaxed co-scheduling's skew (docs/model/cpu.md): a busy vCPU progresses while it runs or halts,
 * not while it is ready or co-stopped; skew is its progress beyond its slowest busy sibling's. A
 * vCPU without work counts as progressing with the slowest, so it neither accrues skew nor causes
 * it. Skew beyond a quantum is forgotten [assumption]: it bounds how long a leader is held.
 */
function updateSkew(s: CpuState): void {
  const q = s.quantumMs;
  const { want, granted, skew, busy, gOn, gGang, gBlocked, gStart, gCount, gShort, gSkewed } = s;
  for (let g = 0; g < s.ng; g++) {
    const count = gCount[g];
    // a VM whose busy vCPUs all got what they wanted, with no skew left, keeps none: the usual case
    if (!gGang[g] || count < 2 || (!gShort[g] && !gSkewed[g])) continue;
    const start = gStart[g];
    const end = start + count;
    if (!gOn[g] || gBlocked[g]) {
      for (let v = start; v < end; v++) skew[v] = 0;
      gSkewed[g] = 0;
      continue;
    }
    let min = Infinity;
    for (let v = start; v < end; v++) {
      if (!busy[v]) continue;
      const p = skew[v] + q - (want[v] - granted[v]);
      skew[v] = p;
      if (p < min) min = p;
    }
    let any = 0;
    for (let v = start; v < end; v++) {
      const k = busy[v] ? skew[v] - min : 0;
      skew[v] = k > q ? q : k;
      if (k > 0) any = 1;
    }
    gSkewed[g] = any;
  }
}

/**
 * Each VM earns its entitled share of the time handed out and pays for what it used: credit is
 * zero-sum, so a VM's credit says how far it is behind (positive) or ahead of its entitlement.
 * Strict co-scheduling's virtual time advances by use per share; a group with nothing to run
 * keeps up with the least advanced runnable one, so it banks nothing while idle.
 */
export function settleCredit(s: CpuState): void {
  const q = s.quantumMs;
  const { gOn, gBlocked, gUsed, gEnt, gCredit, gCount, gVtime, gShares, gWantMs } = s;
  if (s.strict) {
    let minV = Infinity;
    for (let g = 0; g < s.ng; g++) {
      if (!gOn[g] || gBlocked[g] || gWantMs[g] <= EPS) continue;
      gVtime[g] += gUsed[g] / (gShares[g] > 0 ? gShares[g] : 1);
      if (gVtime[g] < minV) minV = gVtime[g];
    }
    if (minV === Infinity) return;
    for (let g = 0; g < s.ng; g++) {
      if (gOn[g] && !gBlocked[g] && gWantMs[g] > EPS) continue;
      if (gVtime[g] < minV) gVtime[g] = minV;
    }
    return;
  }
  let total = 0;
  let sumEnt = 0;
  // A blocked group (held, throttled) is off the run queue: it neither earns nor pays, so it
  // does not come back with credit banked against the groups that kept running.
  for (let g = 0; g < s.ng; g++) {
    if (!gOn[g] || gBlocked[g]) continue;
    total += gUsed[g];
    sumEnt += gEnt[g];
  }
  for (let g = 0; g < s.ng; g++) {
    if (!gOn[g] || gBlocked[g]) continue;
    const earned = sumEnt > 0 ? (total * gEnt[g]) / sumEnt : 0;
    const bound = CREDIT_BOUND * q * gCount[g];
    const c = gCredit[g] + earned - gUsed[g];
    gCredit[g] = c > bound ? bound : c < -bound ? -bound : c;
  }
}

// After the grant: every vCPU's quantum goes into exactly one esxtop state (RUN, RDY, CSTP or
// WAIT), which is what the counters accumulate; then each VM's credit is settled.

import { CREDIT_BOUND, EPS, type CpuState } from './cpu-state.js';

export function account(s: CpuState): void {
  const q = s.quantumMs;
  const {
    want, granted, gOn, gUsed, gSys, gOvh, stallSwap, stallGuest, gStart, gCount, gBlocked, gWaited,
    cIdle, progress, cSwpwt, cBlocked, cstpPart, cCstp, cRdy, limCut, cMlmtd, cRun, cSys, backlog, cWork, useful,
  } = s;
  let busy = 0;
  gUsed.fill(0);
  for (let g = 0; g < s.ng; g++) {
    if (!gOn[g]) continue;
    let used = gSys[g]; // the VM pays for the hypervisor work done on its behalf
    const ovh = gOvh[g];
    const swp = q * stallSwap[g];
    const gst = q * stallGuest[g];
    const blocked = gBlocked[g];
    // what a vCPU with work has left after its memory stall
    const qa = q - swp - gst;
    const start = gStart[g];
    const end = start + gCount[g];
    for (let v = start; v < end; v++) {
      const w = want[v];
      if (w <= 0 || blocked) {
        // Idle, or held (a VServer context on hold): a vCPU with work first waits out its memory
        // stall, then is blocked for the rest. Both cases share these stores, each adding 0 where
        // it does not apply: a group's first hold then runs code V8 has already seen, instead of
        // throwing away the optimised accounting.
        const held = w > 0;
        cSwpwt[v] += held ? swp : 0;
        cIdle[v] += held ? gst : q;
        cBlocked[v] += held ? qa : 0;
        progress[v] += q;
        continue;
      }
      // A vCPU with work first waits out its memory stall, then is in one state per ms left.
      cSwpwt[v] += swp;
      cIdle[v] += gst;
      const c = cstpPart[v];
      cCstp[v] += c;
      const x = granted[v];
      if (w - c <= EPS) {
        // co-stopped for all it wanted
        cIdle[v] += qa - w;
        progress[v] += q - w;
        busy += w;
        continue;
      }
      if (x <= EPS) {
        // Not scheduled at all: ready for the rest of the quantum, held back by the limit if
        // that is what refused it.
        const rdy = qa - c;
        cRdy[v] += rdy;
        gWaited[g] += rdy;
        if (limCut[v] > EPS) cMlmtd[v] += rdy;
        progress[v] += swp + gst;
        busy += qa;
        continue;
      }
      const run = x * (1 - ovh);
      const rdy = w - c - x;
      cRun[v] += run;
      cSys[v] += x * ovh;
      cRdy[v] += rdy;
      gWaited[g] += rdy;
      cMlmtd[v] += limCut[v];
      cIdle[v] += qa - w;
      progress[v] += q - rdy - c;
      backlog[v] -= run;
      cWork[v] += run * useful[v];
      used += x;
    }
    gUsed[g] = used;
  }
  const n = busy / q / s.pcpus;
  for (let i = 0; i < 3; i++) s.loadAvg[i] = s.loadAvg[i] * s.loadDecay[i] + n * (1 - s.loadDecay[i]);
}

/**
 * Each VM earns its entitled share of the time handed out and pays for what it used: credit is
 * zero-sum, so a VM's credit says how far it is behind (positive) or ahead of its entitlement.
 */
export function settleCredit(s: CpuState): void {
  const q = s.quantumMs;
  let total = 0;
  let sumEnt = 0;
  // A blocked group (held, throttled) is off the run queue: it neither earns nor pays, so it
  // does not come back with credit banked against the groups that kept running.
  for (let g = 0; g < s.ng; g++) {
    if (!s.gOn[g] || s.gBlocked[g]) continue;
    total += s.gUsed[g];
    sumEnt += s.gEnt[g];
  }
  for (let g = 0; g < s.ng; g++) {
    if (!s.gOn[g] || s.gBlocked[g]) continue;
    const earned = sumEnt > 0 ? (total * s.gEnt[g]) / sumEnt : 0;
    const bound = CREDIT_BOUND * q * s.gCount[g];
    const c = s.gCredit[g] + earned - s.gUsed[g];
    s.gCredit[g] = c > bound ? bound : c < -bound ? -bound : c;
  }
}

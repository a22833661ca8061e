// After the grant: every vCPU's quantum goes into exactly one esxtop state (RUN, RDY, CSTP or
// WAIT), which is what the counters accumulate; then each VM's credit is settled.

import { CREDIT_BOUND, EPS, type CpuState } from './cpu-state.js';

export function account(s: CpuState): void {
  const q = s.quantumMs;
  const { want, granted } = s;
  let busy = 0;
  s.gUsed.fill(0);
  for (let g = 0; g < s.ng; g++) {
    if (!s.gOn[g]) continue;
    s.gUsed[g] = s.gSys[g]; // the VM pays for the hypervisor work done on its behalf
    const ovh = s.gOvh[g];
    const swp = q * s.stallSwap[g];
    const gst = q * s.stallGuest[g];
    const end = s.gStart[g] + s.gCount[g];
    for (let v = s.gStart[g]; v < end; v++) {
      const w = want[v];
      if (w <= 0) {
        s.cIdle[v] += q;
        s.progress[v] += q;
        continue;
      }
      // A vCPU with work first waits out its memory stall, then is in one state per ms left.
      s.cSwpwt[v] += swp;
      s.cIdle[v] += gst;
      const qa = q - swp - gst;
      if (s.gBlocked[g]) {
        s.cBlocked[v] += qa;
        s.progress[v] += q;
        continue;
      }
      const c = s.cstpPart[v];
      s.cCstp[v] += c;
      const x = granted[v];
      if (w - c <= EPS) {
        // co-stopped for all it wanted
        s.cIdle[v] += qa - w;
        s.progress[v] += q - w;
        busy += w;
        continue;
      }
      if (x <= EPS) {
        // Not scheduled at all: ready for the rest of the quantum, held back by the limit if
        // that is what refused it.
        const rdy = qa - c;
        s.cRdy[v] += rdy;
        s.gWaited[g] += rdy;
        if (s.limCut[v] > EPS) s.cMlmtd[v] += rdy;
        s.progress[v] += swp + gst;
        busy += qa;
        continue;
      }
      const run = x * (1 - ovh);
      const rdy = w - c - x;
      s.cRun[v] += run;
      s.cSys[v] += x * ovh;
      s.cRdy[v] += rdy;
      s.gWaited[g] += rdy;
      s.cMlmtd[v] += s.limCut[v];
      s.cIdle[v] += qa - w;
      s.progress[v] += q - rdy - c;
      s.backlog[v] -= run;
      s.cWork[v] += run * s.useful[v];
      s.gUsed[g] += x;
      busy += w;
    }
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

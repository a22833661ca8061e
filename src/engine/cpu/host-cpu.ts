// One host's CPU scheduler, stepped one quantum at a time (docs/model/cpu.md).
//
// Each quantum: work arrives on every vCPU; VMs' entitlements come from water-filling over
// shares, reservations and limits; each VM earns credit at its entitled rate and spends it when
// its vCPUs run; the VMs most behind their entitlement get the host's pCPU time first, and each
// VM's grant is shared among its vCPUs, least progressed first. Co-scheduling shapes the waits:
// relaxed (ESXi 3+) co-stops a busy vCPU too far ahead of its slowest busy sibling, strict
// (ESX 2.x) runs a VM's vCPUs together or not at all; other hypervisors schedule vCPUs
// independently. Every vCPU's quantum ends up in exactly one esxtop state (RUN, RDY, CSTP or
// WAIT), which is what the counters accumulate.
//
// The arrays live in CpuState (cpu-state.ts); the phases of a quantum in grant.ts, split.ts and
// account.ts. Hot path: typed arrays, no allocation per quantum.

import { account, settleCredit } from './account.js';
import { CpuState, IDLE_DEMAND, MAX_BACKLOG_MS } from './cpu-state.js';
import { EPS } from '../../eps.js';
import { waterFill } from './entitlement.js';
import { grantRelaxed, grantStrict, grantSys } from './grant.js';

export {
  ENTITLEMENT_PERIOD_MS, MAX_BACKLOG_MS, SKEW_THRESHOLD_MS, type CpuGroupConfig,
} from './cpu-state.js';

export class HostCpu extends CpuState {
  setSysDemand(g: number, pcpus: number): void {
    this.sysDemand[g] = pcpus;
    if (pcpus > 0) this.sysOn = true;
  }

  /** A group's shares change (a soft-scheduled VServer guest's priority); entitlements follow. */
  setShares(g: number, shares: number): void {
    if (this.gShares[g] === shares) return;
    this.gShares[g] = shares;
    this.entStale = true;
  }

  /**
   * Forget a group's queued work. For a group whose caller keeps the queues itself (a host's
   * containers): what it sets in `demand` is then exactly what the group wants this quantum.
   */
  clearBacklog(g: number): void {
    this.backlog.fill(0, this.gStart[g], this.gStart[g] + this.gCount[g]);
  }

  /** Switch a group on or off (a VM powered off, suspended, down): off, it neither runs nor waits. */
  setOn(g: number, on: boolean): void {
    if (!!this.gOn[g] === on) return;
    this.gOn[g] = on ? 1 : 0;
    this.entStale = true;
    if (!on) {
      this.clearBacklog(g);
      this.gCredit[g] = 0;
    }
  }

  /** Advance one quantum. */
  step(): void {
    const q = this.quantumMs;
    const { ng, mhz } = this;
    const want = this.want;
    let sumWantMHz = 0;

    // 1. Work arrives; what each vCPU could use this quantum and at what rate.
    const { gOn, gOvh, stallSwap, stallGuest, stallSleep, gStart, gCount, backlog, demand, cDmd, gLimitMHz, gWant, sysDemand, busy, gWantMs } = this;
    for (let g = 0; g < ng; g++) {
      gWantMs[g] = 0;
      if (!gOn[g]) continue;
      const inv = 1 / (1 - gOvh[g]);
      const avail = q * (1 - stallSwap[g] - stallGuest[g] - stallSleep[g]);
      let rateSum = 0;
      let wantMs = 0;
      const start = gStart[g];
      const end = start + gCount[g];
      for (let v = start; v < end; v++) {
        const d = demand[v];
        // Math.min, not `if (b > MAX) b = MAX`: V8 does not know an imported constant is a number,
        // so that form made `b` a boxed number, allocated for every vCPU every quantum.
        const b = Math.min(backlog[v] + d * q, MAX_BACKLOG_MS);
        backlog[v] = b;
        const need = b * inv;
        const w = need > avail ? avail : need > EPS ? need : 0;
        want[v] = w;
        wantMs += w;
        busy[v] = d > IDLE_DEMAND ? 1 : 0;
        let r = d * inv;
        if (r > 1) r = 1;
        rateSum += r;
        cDmd[v] += r * q;
      }
      gWantMs[g] = wantMs;
      const cap = Math.min(gLimitMHz[g], gCount[g] * mhz);
      const w = Math.min(rateSum * mhz, cap) + sysDemand[g] * mhz;
      gWant[g] = w;
      sumWantMHz += w;
    }

    // 2. Entitlements: what each VM should get of the host while demand exceeds it. Demand moves
    // slowly next to the quantum, so they are recomputed on a period, as the VMkernel does.
    const contended = sumWantMHz > this.pcpus * mhz + EPS;
    if (!contended) {
      this.gEnt.set(this.gWant);
      this.entStale = true;
    } else if (this.entStale || this.quanta % this.entPeriod === 0) {
      waterFill(ng, this.gWant, this.gRes, this.gShares, this.pcpus * mhz, this.gEnt);
      this.entStale = false;
    }
    const { gBudget, gCapMs } = this;
    for (let g = 0; g < ng; g++) gBudget[g] = Math.min((gLimitMHz[g] / mhz) * q, gCapMs[g]);

    // 3. Hand out pCPU time, and with it the co-stops.
    this.granted.fill(0);
    this.limCut.fill(0);
    this.cstp.fill(0);
    const sysMs = grantSys(this);
    if (this.strict) grantStrict(this, sysMs);
    else grantRelaxed(this, sysMs);

    // 4. Account every vCPU's quantum in exactly one state; skew, credit and load follow.
    account(this);
    settleCredit(this);
    this.quanta++;
  }
}

// One host's CPU scheduler, stepped one quantum at a time (reference model §1.1–1.3).
//
// Each quantum: work arrives on every vCPU; VMs' entitlements come from water-filling over
// shares, reservations and limits; each VM earns credit at its entitled rate and spends it when
// its vCPUs run; the VMs with the most credit get the host's pCPU time, their vCPUs side by side
// (the scheduler keeps siblings together where it can, so skew arises only when it cannot). Co-scheduling
// decides who may run at all: relaxed co-stops a vCPU that got too far ahead of its slowest
// sibling, strict runs a VM's busy vCPUs together or not at all. Every vCPU's quantum ends up
// in exactly one esxtop state (RUN, RDY, CSTP or WAIT), which is what the counters accumulate.
//
// Hot path: typed arrays, no allocation per quantum.

import { waterFill } from './entitlement.js';

/** Skew (ms of progress ahead of the slowest sibling) that co-stops a vCPU [assumption, §1.3]. */
export const SKEW_THRESHOLD_MS = 3;
/** Work a guest queues on a vCPU before it stops generating more (its run queue is full). */
export const MAX_BACKLOG_MS = 100;

/** How often entitlements are recomputed under contention [assumption]. */
export const ENTITLEMENT_PERIOD_MS = 100;

/** Credit a vCPU may bank or owe, in quanta: bounds how long an idle spell is remembered. */
const CREDIT_BOUND = 5;

const EPS = 1e-9;

export interface CpuGroupConfig {
  vcpus: number;
  shares: number;
  reservationMHz: number;
  limitMHz: number | null;
  /** fraction of pCPU time spent in the hypervisor for this group's guest work (cpu_virt) */
  overhead: number;
  /**
   * The vCPUs of one guest, which co-scheduling keeps together (the default). False for groups of
   * independent threads: a host OS's processes, containers, VServer guests.
   */
  gang?: boolean;
}

export class HostCpu {
  readonly nv: number;
  readonly ng: number;
  readonly gStart: Int32Array;
  readonly gCount: Int32Array;
  private readonly gShares: Float64Array;
  private readonly gRes: Float64Array;
  private readonly gLimitMHz: Float64Array;
  private readonly gOvh: Float64Array;
  readonly gOn: Uint8Array;
  /**
   * Share of each quantum a VM's working vCPUs spend blocked on memory, set by the memory model:
   * waiting for the hypervisor to bring pages back (%SWPWT), or for the guest's own paging (idle).
   */
  readonly stallSwap: Float64Array;
  readonly stallGuest: Float64Array;
  /**
   * Groups that may not run this quantum although they have work: a VServer guest on hold, a
   * cgroup throttled by cpu.max. Set by the engine each quantum; their time counts as blocked.
   */
  readonly gBlocked: Uint8Array;
  /**
   * CPU ms a group may use this quantum at most, beyond its limit: what a VServer guest's tokens
   * allow before its bucket empties. Infinity unless the engine sets it, which it does each quantum.
   */
  readonly gCapMs: Float64Array;
  /**
   * Hypervisor work done for a group outside its vCPUs (device emulation, I/O back ends), in
   * pCPUs; set by the I/O model through setSysDemand. Granted ahead of the vCPUs and charged to
   * the group as %SYS.
   */
  readonly sysDemand: Float64Array;
  /** some group has had system demand: until then the quantum skips it (most hosts do no I/O) */
  private sysOn = false;
  /** this quantum's grant of it, ms */
  private readonly gSys: Float64Array;
  private readonly gGang: Uint8Array;
  private readonly gWant: Float64Array;
  private readonly gEnt: Float64Array;
  private readonly gBudget: Float64Array;
  private readonly gCredit: Float64Array;
  private readonly gWaited: Float64Array;
  private readonly gUsed: Float64Array;
  private readonly gRunnable: Int32Array;

  private readonly vGroup: Int32Array;
  /** work arriving per ms, as a fraction of one pCPU; the engine sets it every quantum */
  readonly demand: Float64Array;
  private readonly backlog: Float64Array;
  /** share of each vCPU's work that is the guest's application rather than its housekeeping */
  readonly useful: Float64Array;
  private readonly progress: Float64Array;
  /** ms of this quantum a vCPU spends co-stopped while its laggard siblings catch up */
  private readonly cstpPart: Float64Array;
  private readonly boost: Uint8Array;
  private readonly want: Float64Array;
  private readonly granted: Float64Array;
  private readonly limCut: Float64Array;
  private readonly order: Int32Array;
  private readonly gOrder: Int32Array;

  // cumulative counters, ms
  readonly cRun: Float64Array;
  readonly cRdy: Float64Array;
  readonly cCstp: Float64Array;
  readonly cMlmtd: Float64Array;
  readonly cIdle: Float64Array;
  readonly cSys: Float64Array;
  readonly cSwpwt: Float64Array;
  /** time with work but blocked by the group's own limit (held, throttled), ms */
  readonly cBlocked: Float64Array;
  /** hypervisor time charged to each group (not to any vCPU), ms */
  readonly cSysG: Float64Array;
  /** application work done, ms of pCPU (excludes guest housekeeping and hypervisor overhead) */
  readonly cWork: Float64Array;
  /** demand in pCPU-ms (what the vCPU would have used unconstrained), for %DMD */
  readonly cDmd: Float64Array;
  readonly pcpuBusy: Float64Array;
  readonly loadAvg = new Float64Array(3);
  private readonly loadDecay: Float64Array;
  private quanta = 0;
  private entStale = true;
  private readonly entPeriod: number;

  constructor(
    readonly pcpus: number,
    readonly mhz: number,
    readonly quantumMs: number,
    readonly strict: boolean,
    groups: readonly CpuGroupConfig[],
    readonly skewThresholdMs = SKEW_THRESHOLD_MS,
  ) {
    const ng = (this.ng = groups.length);
    this.gStart = new Int32Array(ng);
    this.gCount = new Int32Array(ng);
    this.gShares = new Float64Array(ng);
    this.gRes = new Float64Array(ng);
    this.gLimitMHz = new Float64Array(ng);
    this.gOvh = new Float64Array(ng);
    this.gOn = new Uint8Array(ng).fill(1);
    this.stallSwap = new Float64Array(ng);
    this.stallGuest = new Float64Array(ng);
    this.gBlocked = new Uint8Array(ng);
    this.gCapMs = new Float64Array(ng).fill(Infinity);
    this.sysDemand = new Float64Array(ng);
    this.gSys = new Float64Array(ng);
    this.cSysG = new Float64Array(ng);
    this.gGang = new Uint8Array(ng);
    this.gWant = new Float64Array(ng);
    this.gEnt = new Float64Array(ng);
    this.gBudget = new Float64Array(ng);
    this.gCredit = new Float64Array(ng);
    this.gWaited = new Float64Array(ng);
    this.gUsed = new Float64Array(ng);
    this.gRunnable = new Int32Array(ng);
    this.gOrder = new Int32Array(ng);
    let nv = 0;
    groups.forEach((g, i) => {
      this.gStart[i] = nv;
      this.gCount[i] = g.vcpus;
      this.gShares[i] = g.shares;
      this.gRes[i] = g.reservationMHz;
      this.gLimitMHz[i] = g.limitMHz ?? Infinity;
      this.gOvh[i] = g.overhead;
      this.gGang[i] = g.gang === false ? 0 : 1;
      nv += g.vcpus;
    });
    this.nv = nv;
    this.vGroup = new Int32Array(nv);
    groups.forEach((g, i) => this.vGroup.fill(i, this.gStart[i], this.gStart[i] + g.vcpus));
    const f = () => new Float64Array(nv);
    this.demand = f(); this.backlog = f(); this.progress = f(); this.useful = f().fill(1);
    this.want = f(); this.granted = f(); this.limCut = f();
    this.cstpPart = new Float64Array(nv);
    this.boost = new Uint8Array(nv);
    this.order = new Int32Array(nv);
    this.cRun = f(); this.cRdy = f(); this.cCstp = f(); this.cMlmtd = f();
    this.cIdle = f(); this.cSys = f(); this.cDmd = f(); this.cWork = f(); this.cSwpwt = f(); this.cBlocked = f();
    this.pcpuBusy = new Float64Array(pcpus);
    // Load averages decay like the kernel's, per quantum instead of per 5 s.
    this.entPeriod = Math.max(1, Math.round(ENTITLEMENT_PERIOD_MS / quantumMs));
    this.loadDecay = Float64Array.from([60_000, 300_000, 900_000], (w) => Math.exp(-quantumMs / w));
  }

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

  /** Advance one quantum. */
  step(): void {
    const q = this.quantumMs;
    const { ng, mhz } = this;
    const want = this.want;
    let sumWantMHz = 0;

    // 1. Work arrives; what each vCPU could use this quantum and at what rate.
    for (let g = 0; g < ng; g++) {
      if (!this.gOn[g]) continue;
      const inv = 1 / (1 - this.gOvh[g]);
      const avail = q * (1 - this.stallSwap[g] - this.stallGuest[g]);
      let rateSum = 0;
      const end = this.gStart[g] + this.gCount[g];
      for (let v = this.gStart[g]; v < end; v++) {
        let b = this.backlog[v] + this.demand[v] * q;
        if (b > MAX_BACKLOG_MS) b = MAX_BACKLOG_MS;
        this.backlog[v] = b;
        const need = b * inv;
        want[v] = need > avail ? avail : need > EPS ? need : 0;
        let r = this.demand[v] * inv;
        if (r > 1) r = 1;
        rateSum += r;
        this.cDmd[v] += r * q;
      }
      const cap = Math.min(this.gLimitMHz[g], this.gCount[g] * mhz);
      this.gWant[g] = Math.min(rateSum * mhz, cap) + this.sysDemand[g] * mhz;
      sumWantMHz += this.gWant[g];
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
    for (let g = 0; g < ng; g++) this.gBudget[g] = Math.min((this.gLimitMHz[g] / mhz) * q, this.gCapMs[g]);

    // 3. Relaxed co-scheduling: co-stop the vCPUs too far ahead, boost the laggards.
    if (!this.strict) this.coschedule();

    // 4. Hand out pCPU time.
    this.granted.fill(0);
    this.limCut.fill(0);
    const sysMs = this.grantSys();
    if (this.strict) this.grantStrict(sysMs);
    else this.grantRelaxed(sysMs);

    // 5. Account every vCPU's quantum in exactly one state.
    this.account();
    this.settleCredit();
    this.quanta++;
  }

  /**
   * Each VM earns its entitled share of the time handed out and pays for what it used: credit is
   * zero-sum, so a VM's credit says how far it is behind (positive) or ahead of its entitlement.
   */
  private settleCredit(): void {
    const q = this.quantumMs;
    let total = 0;
    let sumEnt = 0;
    // A blocked group (held, throttled) is off the run queue: it neither earns nor pays, so it
    // does not come back with credit banked against the groups that kept running.
    for (let g = 0; g < this.ng; g++) {
      if (!this.gOn[g] || this.gBlocked[g]) continue;
      total += this.gUsed[g];
      sumEnt += this.gEnt[g];
    }
    for (let g = 0; g < this.ng; g++) {
      if (!this.gOn[g] || this.gBlocked[g]) continue;
      const earned = sumEnt > 0 ? (total * this.gEnt[g]) / sumEnt : 0;
      const bound = CREDIT_BOUND * q * this.gCount[g];
      const c = this.gCredit[g] + earned - this.gUsed[g];
      this.gCredit[g] = c > bound ? bound : c < -bound ? -bound : c;
    }
  }

  /**
   * A vCPU whose skew reached the threshold is co-stopped until its slowest sibling catches up:
   * for `skew` ms of this quantum (all of it if the skew is a quantum or more), after which it
   * is co-started and may run the rest. The laggards are boosted meanwhile.
   */
  private coschedule(): void {
    const theta = this.skewThresholdMs;
    for (let g = 0; g < this.ng; g++) {
      const count = this.gCount[g];
      if (!this.gOn[g] || !this.gGang[g] || count < 2) continue;
      const start = this.gStart[g];
      const end = start + count;
      let minP = Infinity;
      for (let v = start; v < end; v++) if (this.progress[v] < minP) minP = this.progress[v];
      let anyStopped = false;
      for (let v = start; v < end; v++) {
        const skew = (this.progress[v] -= minP); // keep progress relative: skew is all that matters
        const stop = skew >= theta - EPS && this.want[v] > 0 ? Math.min(this.want[v], skew) : 0;
        this.cstpPart[v] = stop;
        if (stop > 0) anyStopped = true;
      }
      for (let v = start; v < end; v++) this.boost[v] = anyStopped && this.progress[v] <= EPS ? 1 : 0;
    }
  }

  /**
   * The hypervisor's own work for the groups runs first (the VMkernel serves I/O ahead of vCPUs),
   * scaled down only if it alone would exceed the host. Returns the pCPU-ms it takes.
   */
  private grantSys(): number {
    if (!this.sysOn) return 0;
    const q = this.quantumMs;
    let total = 0;
    for (let g = 0; g < this.ng; g++) total += this.gOn[g] ? this.sysDemand[g] : 0;
    const k = total > this.pcpus ? this.pcpus / total : 1;
    for (let g = 0; g < this.ng; g++) {
      const x = this.gOn[g] ? this.sysDemand[g] * k * q : 0;
      this.gSys[g] = x;
      this.cSysG[g] += x;
    }
    return total * k * q;
  }

  private grantRelaxed(sysMs: number): void {
    const q = this.quantumMs;
    const { want, order } = this;
    let n = 0;
    let sum = 0;
    for (let g = 0; g < this.ng; g++) {
      if (!this.gOn[g] || this.gBlocked[g]) continue;
      const end = this.gStart[g] + this.gCount[g];
      for (let v = this.gStart[g]; v < end; v++) {
        const w = want[v] - this.cstpPart[v];
        if (w > EPS) {
          order[n++] = v;
          sum += w;
        }
      }
    }
    let capLeft = this.pcpus * q - sysMs;
    if (sum > capLeft + EPS) this.sortByPriority(n);
    let total = sysMs;
    for (let k = 0; k < n; k++) {
      const v = order[k];
      const g = this.vGroup[v];
      const gc = Math.min(want[v] - this.cstpPart[v], capLeft);
      const x = Math.min(gc, this.gBudget[g]);
      this.granted[v] = x;
      this.limCut[v] = gc - x;
      this.gBudget[g] -= x;
      capLeft -= x;
      total += x;
    }
    // Wrap-around assignment (McNaughton) makes the fluid grant a valid per-pCPU schedule; the
    // starting pCPU rotates so that busy time spreads over all pCPUs like a real balancer.
    const P = this.pcpus;
    const off = this.quanta % P;
    for (let i = 0; i < P && total > EPS; i++) {
      const x = total < q ? total : q;
      this.pcpuBusy[(off + i) % P] += x;
      total -= x;
    }
  }

  private sortByPriority(n: number): void {
    // VMs by credit (the VM that waited longest among equals), siblings side by side; inside a VM
    // the laggards of a co-stop first, then the vCPU that waited longest, then the least
    // progressed (reference §1.3).
    const { boost, progress, cRdy, vGroup, gCredit, gWaited } = this;
    const view = this.order.subarray(0, n);
    view.sort((a, b) => {
      const ga = vGroup[a];
      const gb = vGroup[b];
      if (ga !== gb) return gCredit[gb] - gCredit[ga] || gWaited[gb] - gWaited[ga] || ga - gb;
      return boost[b] - boost[a] || cRdy[b] - cRdy[a] || progress[a] - progress[b] || a - b;
    });
  }

  /** Strict (ESX 2.x) co-scheduling: a VM's runnable vCPUs each need a pCPU at the same time. */
  private grantStrict(sysMs: number): void {
    const { want } = this;
    // system work is spread over all pCPUs, leaving each vCPU's slot the rest of the quantum
    const room = this.quantumMs - sysMs / this.pcpus;
    if (sysMs > 0) for (let k = 0; k < this.pcpus; k++) this.pcpuBusy[k] += sysMs / this.pcpus;
    let ngr = 0;
    for (let g = 0; g < this.ng; g++) {
      this.gRunnable[g] = 0;
      if (!this.gOn[g] || this.gBlocked[g]) continue;
      let c = 0;
      const end = this.gStart[g] + this.gCount[g];
      for (let v = this.gStart[g]; v < end; v++) if (want[v] > 0) c++;
      if (c === 0) continue;
      this.gRunnable[g] = c;
      this.gOrder[ngr++] = g;
    }
    const { gCredit, gWaited } = this;
    this.gOrder.subarray(0, ngr).sort((a, b) => gCredit[b] - gCredit[a] || gWaited[b] - gWaited[a] || a - b);
    let slots = this.pcpus;
    const off = this.quanta % this.pcpus;
    let slot = 0;
    for (let k = 0; k < ngr && slots > 0; k++) {
      const g = this.gOrder[k];
      // A guest's busy vCPUs go all together or not at all; independent threads take what is left.
      if (this.gGang[g] && this.gRunnable[g] > slots) continue;
      const end = this.gStart[g] + this.gCount[g];
      for (let v = this.gStart[g]; v < end && slots > 0; v++) {
        if (want[v] <= 0) continue;
        slots--;
        const fits = Math.min(want[v], room);
        const x = Math.min(fits, this.gBudget[g]);
        this.granted[v] = x;
        this.limCut[v] = fits - x;
        this.gBudget[g] -= x;
        this.pcpuBusy[(off + slot++) % this.pcpus] += x;
      }
    }
  }

  private account(): void {
    const q = this.quantumMs;
    const { want, granted } = this;
    let busy = 0;
    this.gUsed.fill(0);
    for (let g = 0; g < this.ng; g++) {
      if (!this.gOn[g]) continue;
      this.gUsed[g] = this.gSys[g]; // the VM pays for the hypervisor work done on its behalf
      const ovh = this.gOvh[g];
      const swp = q * this.stallSwap[g];
      const gst = q * this.stallGuest[g];
      const end = this.gStart[g] + this.gCount[g];
      for (let v = this.gStart[g]; v < end; v++) {
        const w = want[v];
        if (w <= 0) {
          this.cIdle[v] += q;
          this.progress[v] += q;
          continue;
        }
        // A vCPU with work first waits out its memory stall, then is in one state per ms left.
        this.cSwpwt[v] += swp;
        this.cIdle[v] += gst;
        const qa = q - swp - gst;
        if (this.gBlocked[g]) {
          this.cBlocked[v] += qa;
          this.progress[v] += q;
          continue;
        }
        const c = this.cstpPart[v];
        this.cCstp[v] += c;
        const x = granted[v];
        if (w - c <= EPS) {
          // co-stopped for all it wanted
          this.cIdle[v] += qa - w;
          this.progress[v] += q - w;
          busy += w;
          continue;
        }
        if (x <= EPS) {
          // Not scheduled at all: ready for the rest of the quantum, held back by the limit if
          // that is what refused it.
          const rdy = qa - c;
          this.cRdy[v] += rdy;
          this.gWaited[g] += rdy;
          if (this.limCut[v] > EPS) this.cMlmtd[v] += rdy;
          this.progress[v] += swp + gst;
          busy += qa;
          continue;
        }
        const run = x * (1 - ovh);
        const rdy = w - c - x;
        this.cRun[v] += run;
        this.cSys[v] += x * ovh;
        this.cRdy[v] += rdy;
        this.gWaited[g] += rdy;
        this.cMlmtd[v] += this.limCut[v];
        this.cIdle[v] += qa - w;
        this.progress[v] += q - rdy - c;
        this.backlog[v] -= run;
        this.cWork[v] += run * this.useful[v];
        this.gUsed[g] += x;
        busy += w;
      }
    }
    const n = busy / q / this.pcpus;
    for (let i = 0; i < 3; i++) this.loadAvg[i] = this.loadAvg[i] * this.loadDecay[i] + n * (1 - this.loadDecay[i]);
  }
}

// The arrays one host's CPU scheduler works on: per group (a VM, a system partition, a cgroup)
// and per vCPU, laid out group after group. Typed arrays throughout: the scheduler steps every
// quantum and allocates nothing while it does.

export { IDLE_DEMAND } from '../../profile/housekeeping.js';

/**
 * Skew (ms of progress ahead of the slowest busy sibling) that co-stops a vCPU [assumption,
 * docs/model/cpu.md].
 */
export const SKEW_THRESHOLD_MS = 3;
/** Work a guest queues on a vCPU before it stops generating more (its run queue is full). */
export const MAX_BACKLOG_MS = 100;
/** How often entitlements are recomputed under contention [assumption]. */
export const ENTITLEMENT_PERIOD_MS = 100;
/** Credit a vCPU may bank or owe, in quanta: bounds how long an idle spell is remembered. */
export const CREDIT_BOUND = 5;

/**
 * Share of a short sibling's wait spent co-stopped while a VM's busy vCPUs rotate on fewer pCPUs
 * than they number, for a whole quantum q held by the neighbours: none for the first θ (skew has
 * not reached the threshold), then half (the leaders co-stopped, the laggards ready, in turn).
 * The derivation is in docs/model/cpu.md.
 */
export function rotationCostop(quantumMs: number, thetaMs: number): number {
  return quantumMs > thetaMs ? (quantumMs - thetaMs) / (2 * quantumMs) : 0;
}

export interface CpuGroupConfig {
  vcpus: number;
  shares: number;
  reservationMHz: number;
  limitMHz: number | null;
  /** fraction of pCPU time spent in the hypervisor for this group's guest work (cpu_virt) */
  overhead: number;
  /**
   * The vCPUs of one guest that the hypervisor co-schedules (a VM's on ESXi; the default). False
   * for vCPUs scheduled independently (Xen, KVM, Hyper-V, VirtualBox) and for groups of independent
   * threads: a host OS's processes, containers, VServer guests.
   */
  gang?: boolean;
}

/** Per-vCPU arrays that belong to the vCPU (they move with its VM to another host). */
export const VCPU_ARRAYS = [
  'demand', 'backlog', 'useful', 'skew',
  'cRun', 'cRdy', 'cCstp', 'cMlmtd', 'cIdle', 'cSwpwt', 'cSleep', 'cBlocked', 'cWork', 'cDmd',
] as const;
/** Per-group arrays that belong to the group (configuration aside). */
export const GROUP_ARRAYS = [
  'gOn', 'stallSwap', 'stallGuest', 'stallSleep', 'gBlocked', 'gSkewed', 'gCapMs', 'sysDemand', 'cSysG', 'gCredit', 'gVtime', 'gWaited',
] as const;

export class CpuState {
  readonly nv: number;
  readonly ng: number;
  readonly gStart: Int32Array;
  readonly gCount: Int32Array;
  readonly gShares: Float64Array;
  readonly gRes: Float64Array;
  readonly gLimitMHz: Float64Array;
  readonly gOvh: Float64Array;
  readonly gOn: Uint8Array;
  /**
   * Share of each quantum a VM's working vCPUs spend blocked on memory, set by the memory model:
   * waiting for the hypervisor to bring pages back (%SWPWT), or for the guest's own paging (idle).
   */
  readonly stallSwap: Float64Array;
  readonly stallGuest: Float64Array;
  /**
   * Share of each quantum the VMkernel holds a VM's vCPUs asleep (vMotion's Stun During Page
   * Send): blocked on an event, so %VMWAIT, never %RDY, %MLMTD or %IDLE.
   */
  readonly stallSleep: Float64Array;
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
  sysOn = false;
  /** this quantum's grant of it, ms */
  readonly gSys: Float64Array;
  /** 1 for a group whose vCPUs are co-scheduled (a VM's on an ESXi host), else 0 */
  readonly gGang: Uint8Array;
  readonly gWant: Float64Array;
  readonly gEnt: Float64Array;
  readonly gBudget: Float64Array;
  readonly gCredit: Float64Array;
  /** the relaxed grant's order of groups, highest first (scratch) */
  readonly gPrio: Float64Array;
  /** strict co-scheduling's fairness: pCPU-ms used per share (virtual time) */
  readonly gVtime: Float64Array;
  readonly gWaited: Float64Array;
  readonly gUsed: Float64Array;
  /** this quantum: 1 if some busy vCPU of the group got less than it wanted (its skew may change) */
  readonly gShort: Uint8Array;
  /** 1 while some vCPU of the group has skew: with gShort, whether updateSkew has work to do */
  readonly gSkewed: Uint8Array;
  /** this quantum: what the group's vCPUs want in all, ms */
  readonly gWantMs: Float64Array;
  readonly gRunnable: Int32Array;
  readonly gOrder: Int32Array;

  readonly vGroup: Int32Array;
  /** work arriving per ms, as a fraction of one pCPU; the engine sets it every quantum */
  readonly demand: Float64Array;
  readonly backlog: Float64Array;
  /** share of each vCPU's work that is the guest's application rather than its housekeeping */
  readonly useful: Float64Array;
  /**
   * How far a busy vCPU has progressed (run or halted) ahead of its slowest busy sibling, ms.
   * 0 for a vCPU without work and in groups that are not co-scheduled.
   */
  readonly skew: Float64Array;
  /** this quantum: 1 if the vCPU has work beyond housekeeping (demand above IDLE_DEMAND) */
  readonly busy: Uint8Array;
  readonly want: Float64Array;
  readonly granted: Float64Array;
  /** this quantum: ms of the want refused by the group's limit (%MLMTD, inside %RDY) */
  readonly limCut: Float64Array;
  /** this quantum: ms of the want spent co-stopped (%CSTP) */
  readonly cstp: Float64Array;
  /** scratch for the within-group water-fill: breakpoints, and each vCPU's base (NaN: left out) */
  readonly fillPoints: Float64Array;
  readonly fillBase: Float64Array;
  /** scratch for strict co-scheduling: each pCPU's free time left this quantum, and pCPUs by it */
  readonly slotLeft: Float64Array;
  readonly slotIdx: Int32Array;

  // cumulative counters, ms
  readonly cRun: Float64Array;
  readonly cRdy: Float64Array;
  readonly cCstp: Float64Array;
  readonly cMlmtd: Float64Array;
  readonly cIdle: Float64Array;
  readonly cSwpwt: Float64Array;
  /** time held asleep by the VMkernel (stallSleep), ms */
  readonly cSleep: Float64Array;
  /** time with work but blocked by the group's own limit (held, throttled), ms */
  readonly cBlocked: Float64Array;
  /** hypervisor time charged to each group (not to any vCPU), ms */
  readonly cSysG: Float64Array;
  /**
   * Guest progress: application work done, ms of pCPU (RUN less the virtualization overhead that
   * ran in the vCPU's world and less guest housekeeping); sampled as workMHz.
   */
  readonly cWork: Float64Array;
  /** demand in pCPU-ms (what the vCPU would have used unconstrained), for %DMD */
  readonly cDmd: Float64Array;
  readonly pcpuBusy: Float64Array;
  readonly loadAvg = new Float64Array(3);
  readonly loadDecay: Float64Array;
  /**
   * Strict co-scheduling's fragmentation: pCPU-ms left idle in quanta where a gang waited for
   * pCPUs (cumulative). The host's idle time that the gangs' all-or-nothing rule cost.
   */
  gangIdleMs = 0;
  /** rotationCostop for this scheduler's quantum and threshold */
  readonly rotation: number;
  quanta = 0;
  entStale = true;
  readonly entPeriod: number;

  constructor(
    readonly pcpus: number,
    readonly mhz: number,
    readonly quantumMs: number,
    readonly strict: boolean,
    readonly configs: readonly CpuGroupConfig[],
    readonly skewThresholdMs = SKEW_THRESHOLD_MS,
  ) {
    const ng = (this.ng = configs.length);
    const nvAll = configs.reduce((a, g) => a + g.vcpus, 0);
    // The per-group and per-vCPU float arrays side by side in one buffer: a host's quantum then
    // reads a few contiguous kilobytes rather than thirty separate allocations.
    const pool = new Float64Array(23 * ng + 21 * nvAll);
    let used = 0;
    const take = (n: number) => {
      if (used + n > pool.length) return new Float64Array(n);
      const a = pool.subarray(used, used + n);
      used += n;
      return a;
    };
    const fg = () => take(ng);
    this.gStart = new Int32Array(ng);
    this.gCount = new Int32Array(ng);
    this.gShares = fg(); this.gRes = fg(); this.gLimitMHz = fg(); this.gOvh = fg();
    this.gOn = new Uint8Array(ng).fill(1);
    this.stallSwap = fg(); this.stallGuest = fg(); this.stallSleep = fg();
    this.gBlocked = new Uint8Array(ng);
    this.gCapMs = fg().fill(Infinity);
    this.sysDemand = fg(); this.gSys = fg(); this.cSysG = fg();
    this.gGang = new Uint8Array(ng);
    this.gWant = fg(); this.gEnt = fg(); this.gBudget = fg(); this.gCredit = fg(); this.gVtime = fg(); this.gPrio = fg();
    this.gWaited = fg(); this.gUsed = fg(); this.gWantMs = fg();
    this.gShort = new Uint8Array(ng);
    this.gSkewed = new Uint8Array(ng);
    this.gRunnable = new Int32Array(ng);
    this.gOrder = new Int32Array(ng);
    let nv = 0;
    configs.forEach((g, i) => {
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
    configs.forEach((g, i) => this.vGroup.fill(i, this.gStart[i], this.gStart[i] + g.vcpus));
    const f = () => take(nv);
    this.demand = f(); this.backlog = f(); this.skew = f(); this.useful = f().fill(1);
    this.busy = new Uint8Array(nv);
    this.want = f(); this.granted = f(); this.limCut = f(); this.cstp = f();
    let widest = 0;
    for (const g of configs) widest = Math.max(widest, g.vcpus);
    this.fillPoints = new Float64Array(2 * widest);
    this.fillBase = new Float64Array(widest);
    this.cRun = f(); this.cRdy = f(); this.cCstp = f(); this.cMlmtd = f();
    this.cIdle = f(); this.cDmd = f(); this.cWork = f(); this.cSwpwt = f(); this.cSleep = f(); this.cBlocked = f();
    this.pcpuBusy = new Float64Array(pcpus);
    this.slotLeft = new Float64Array(pcpus);
    this.slotIdx = new Int32Array(pcpus);
    // Load averages decay like the kernel's, per quantum instead of per 5 s.
    this.rotation = rotationCostop(quantumMs, skewThresholdMs);
    this.entPeriod = Math.max(1, Math.round(ENTITLEMENT_PERIOD_MS / quantumMs));
    this.loadDecay = Float64Array.from([60_000, 300_000, 900_000], (w) => Math.exp(-quantumMs / w));
  }
}

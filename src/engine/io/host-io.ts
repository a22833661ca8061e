// One host's network and disk, stepped every IO_STEP_MS (docs/model/io.md).
//
// Each step first settles the one that ended: what the VMs planned to move, cut by what the CPU
// actually gave it (guest-cpu.ts), into the groups' counters. Then it plans the next step: demand
// from the workloads, device-model caps, the uplink split by vNIC shares (NIOC, the rest
// dropped), the datastore split FIFO or by disk shares (SIOC) — another host's for a disk Storage
// vMotion moved there (remote-disks.ts), none while the driver partition is down (driver-ring.ts)
// — and the CPU that costs, handed to the scheduler as the VMs' system demand and the partition's
// load.

import type { HostSpec, VmSpec } from '../../profile/types.js';
import type { HostCpu } from '../cpu/host-cpu.js';
import type { GroupRuntime } from '../runtime.js';
import { DISK_SHARES, EMULATED_CAP_MBIT, IO_BLOCKED_WAIT, IO_SIZE_KIB, IO_STEP_MS, KAVG_BASE_MS, NET_SHARES } from './constants.js';
import { ioCost } from './cost.js';
import { AS_DOUBLE } from '../shapes.js';
import { IO_COUNTERS, ioCounters, type IoCounters } from './counters.js';
import { Datastore } from './datastore.js';
import { DriverRing } from './driver-ring.js';
import { GuestCpu } from './guest-cpu.js';
import { GuestPaging } from './guest-paging.js';
import { shareBandwidth } from './nioc.js';
import { setPartitionLoad } from './partition.js';
import { RemoteDisks } from './remote-disks.js';

const PACE_PROBE = 1.1;
const PACE_MIN = 1e-3;
const EMULATED_CAP_IOPS = (EMULATED_CAP_MBIT * 1e6) / 8 / (IO_SIZE_KIB * 1024);

export class HostIo {
  /**
   * false when no VM on the host does any I/O: nothing to step. It turns true, for good, once a
   * guest starts paging to its own disk (its counters then run on without a break).
   */
  active: boolean;
  /** the host turned active because a guest paged, not for its VMs' workloads */
  private pagingOnly = false;
  /** index of the driver partition among the host's groups, or -1 */
  readonly partition: number;
  readonly datastore: Datastore;
  readonly counters: IoCounters;
  /** the counters at the previous sample, copied in place (no allocation per sample) */
  readonly sampled: IoCounters;
  /** simulated time the counters reach, and the time they started from (the first plan), ms */
  // perf: double field (a host whose guests start paging runs all of this late, once V8 has compiled the loop)
  settledMs = AS_DOUBLE;
  startedMs = AS_DOUBLE;
  /** simulated time of the previous sample's counters; null before the first sample */
  sampledMs: number | null = null;
  /**
   * VM groups doing I/O, as host group indices, then those that could only page under their
   * balloon (no workload I/O); everything below is indexed by position here
   */
  readonly vm: Int32Array;
  private readonly n: number;
  private readonly txDemand: Float64Array;
  private readonly rxDemand: Float64Array;
  private readonly iopsDemand: Float64Array;
  private readonly netShares: Float64Array;
  /** 1 for a passthrough NIC (its own port), per VM doing I/O */
  private readonly ownNic: Uint8Array;
  /** what each vNIC asks of the shared uplink */
  private readonly upTx: Float64Array;
  private readonly upRx: Float64Array;
  private readonly diskShares: Float64Array;
  private readonly capMbit: Float64Array;
  private readonly capIops: Float64Array;
  /** hypervisor CPU per Mbit/s sent and received (a host's offloads make them differ) */
  private readonly perMbit: Float64Array;
  private readonly perMbitRx: Float64Array;
  private readonly perCmd: Float64Array;
  private readonly pShare: Float64Array;
  // the step in progress: what the guests would move, what reaches the uplink (after the
  // partition's pace), what the uplink and the datastore accepted, and what that costs
  private readonly offTx: Float64Array;
  private readonly nicTx: Float64Array;
  private readonly planTx: Float64Array;
  private readonly offRx: Float64Array;
  private readonly nicRx: Float64Array;
  private readonly planRx: Float64Array;
  private readonly offIops: Float64Array;
  /** the share of offIops that is the guest's paging, reads and writes */
  private readonly pageReadShare: Float64Array;
  private readonly pageWriteShare: Float64Array;
  private readonly paging: GuestPaging;
  private readonly served: Float64Array;
  private readonly sysPlan: Float64Array;
  private backendPlan = AS_DOUBLE;
  /**
   * The pace a saturated partition sets: the share of the routed guests' I/O it keeps up with,
   * probed upward 10 % a step so it finds its level again when the partition gets CPU back.
   */
  private pace = AS_DOUBLE;
  private planned = false;
  /** what the CPU gave the step that ended */
  private readonly guestCpu: GuestCpu;
  private readonly zero: Float64Array;
  private readonly remote: RemoteDisks;
  private readonly ring: DriverRing;
  /** the step being planned runs with the driver partition down */
  private outage = false;
  /**
   * Mbit/s of the link taken by the cluster's own traffic — migrations, fault-tolerance logging —
   * per direction: the VMs' traffic shares what is left. Set by the cluster model.
   */
  clusterTx = AS_DOUBLE;
  clusterRx = AS_DOUBLE;

  constructor(
    readonly spec: HostSpec,
    readonly groups: readonly GroupRuntime[],
    vmSpecs: ReadonlyMap<string, VmSpec>,
    readonly cpu: HostCpu,
    partitionIndex: number,
  ) {
    this.partition = partitionIndex;
    this.settledMs = this.startedMs = this.backendPlan = this.clusterTx = this.clusterRx = 0;
    this.pace = 1;
    const doing = groups.flatMap((g, i) => {
      const s = vmSpecs.get(g.name);
      return g.kind === 'vm' && s && (s.workload.netMbit > 0 || rxOf(s) > 0 || s.workload.iops > 0) ? [i] : [];
    });
    // perf: not a constant (a guest that starts paging turns them on; V8 keeps a field constant
    // through a store of the same value, so each gets both)
    this.active = true;
    this.active = doing.length > 0;
    this.pagingOnly = true;
    this.pagingOnly = false;
    // after them, so the workloads' claims come first as before and a host none pages steps as before
    const mayPage = groups.flatMap((g, i) => (g.kind === 'vm' && vmSpecs.has(g.name) && g.memory !== null
      && g.memory.balloonMax > 0 && !doing.includes(i) ? [i] : []));
    const n = (this.n = doing.length + mayPage.length);
    this.vm = Int32Array.from([...doing, ...mayPage]);
    const f = () => new Float64Array(n);
    this.txDemand = f(); this.rxDemand = f(); this.iopsDemand = f(); this.netShares = f(); this.diskShares = f();
    this.capMbit = f(); this.capIops = f(); this.perMbit = f(); this.perMbitRx = f(); this.perCmd = f(); this.pShare = f();
    this.offTx = f(); this.nicTx = f(); this.planTx = f(); this.offRx = f(); this.nicRx = f(); this.planRx = f();
    this.offIops = f(); this.served = f(); this.pageReadShare = f(); this.pageWriteShare = f();
    this.paging = new GuestPaging(groups, this.vm);
    this.sysPlan = f(); this.zero = f();
    this.guestCpu = new GuestCpu(cpu, this.vm, partitionIndex);
    this.ownNic = new Uint8Array(n); this.upTx = f(); this.upRx = f();
    this.remote = new RemoteDisks(spec, groups, this.vm);
    this.ring = new DriverRing(n);
    this.vm.forEach((gi, k) => {
      const s = vmSpecs.get(groups[gi].name)!;
      const cost = ioCost(spec, s.io);
      this.txDemand[k] = s.workload.netMbit;
      this.rxDemand[k] = rxOf(s);
      this.iopsDemand[k] = s.workload.iops;
      this.netShares[k] = s.netShares ?? NET_SHARES.normal;
      this.ownNic[k] = s.io === 'passthrough' ? 1 : 0;
      this.diskShares[k] = s.diskShares ?? DISK_SHARES.normal;
      this.capMbit[k] = s.io === 'emulated' ? EMULATED_CAP_MBIT : Infinity;
      this.capIops[k] = s.io === 'emulated' ? EMULATED_CAP_IOPS : Infinity;
      this.perMbit[k] = cost.perMbitTx;
      this.perMbitRx[k] = cost.perMbitRx;
      this.perCmd[k] = cost.perCmd;
      this.pShare[k] = partitionIndex >= 0 ? cost.partitionShare : 0;
    });
    this.datastore = new Datastore(spec.disk, n);
    this.counters = ioCounters(groups.length);
    this.sampled = ioCounters(groups.length);
  }

  /**
   * Take over from `old`, this host's previous I/O model, when its groups changed: every group
   * keeps its counters (from `sources[i]`, the model it was on, or `old` itself), so rates carry on.
   */
  adopt(old: HostIo, sources: readonly ({ io: HostIo; g: number } | null)[]): void {
    this.settledMs = old.settledMs;
    this.startedMs = old.startedMs;
    this.sampledMs = old.sampledMs;
    this.pace = old.pace;
    this.planned = old.planned && old.active;
    if (old.active && old.pagingOnly && !this.active) {
      this.active = this.pagingOnly = true;
      this.planned = false;
    }
    this.paging.seenMs = old.paging.seenMs;
    this.guestCpu.prevPartitionRun = old.guestCpu.prevPartitionRun;
    this.clusterTx = old.clusterTx;
    this.clusterRx = old.clusterRx;
    this.datastore.foreign = old.datastore.foreign;
    sources.forEach((src, g) => {
      if (!src) return;
      for (const k of IO_COUNTERS) {
        this.counters[k][g] = src.io.counters[k][src.g];
        this.sampled[k][g] = src.io.sampled[k][src.g];
      }
      const from = src.io.vm.indexOf(src.g);
      const to = this.vm.indexOf(g);
      if (from < 0 || to < 0) return;
      this.guestCpu.adopt(src.io.guestCpu, from, to);
      this.paging.adopt(src.io.paging, from, to);
      this.ring.adopt(src.io.ring, from, to);
    });
    this.outage = old.outage;
  }

  /** After a pause (the host was down): the next step starts now, not where the last one ended. */
  resumeAt(tMs: number): void {
    this.settledMs = tMs;
    this.planned = false; // what was planned before the pause is void
    this.paging.read(tMs); // and what its guests paged before it is not this step's
    for (const f of this.datastore.foreign.values()) { f.served = 0; f.queued = 0; }
  }

  /** Disk commands per second planned for group `g` this step (0 if it does no I/O). */
  diskRate(g: number): number {
    const k = this.vm.indexOf(g);
    return k < 0 ? 0 : this.served[k];
  }

  /** Settle the step that ends at `tMs` and plan the next one. */
  settle(tMs: number): void {
    // a host whose VMs do no I/O still steps its datastore while others use it
    if (!this.active && this.paging.started(tMs)) this.active = this.pagingOnly = true;
    if (!this.active && this.datastore.foreign.size === 0) return;
    const dtMs = tMs - this.settledMs;
    if (!this.planned) {
      this.guestCpu.measure(0, this.backendPlan);
      this.startedMs = tMs;
    } else if (dtMs > 0) this.deliver(dtMs);
    this.settledMs = tMs;
    this.plan();
    this.planned = true;
  }

  private deliver(dtMs: number): void {
    const backend = this.guestCpu.measure(dtMs, this.backendPlan);
    // at most halved a step: a partition starved for one step should not stall the guests for long;
    // a partition that is down sets no pace (nothing reaches it), so it resumes where it was
    const down = this.outage || (this.partition >= 0 && this.groups[this.partition].state !== 'running');
    if (!down) this.pace = Math.min(1, Math.max(PACE_MIN, this.pace * Math.max(backend * PACE_PROBE, 0.5)));
    const dtS = dtMs / 1000;
    for (let k = 0; k < this.n; k++) {
      const g = this.vm[k];
      const sys = this.guestCpu.sysShare(k, g, this.sysPlan[k] * dtMs);
      const f = this.pShare[k] > 0 ? Math.min(sys, backend) : sys;
      // A send the host cannot process waits in the guest; a receive the guest cannot take is dropped.
      const tx = this.planTx[k] * f;
      const rx = this.planRx[k] * Math.min(f, this.guestCpu.factor[k]);
      const cmds = this.served[k] * f * dtS;
      this.accrue(g, k, tx, rx, cmds, dtS);
      // the partition's row shows the I/O it served
      if (this.pShare[k] > 0) this.accrue(this.partition, k, tx, rx, cmds, dtS);
      if (this.pageReadShare[k] + this.pageWriteShare[k] > 0) this.accruePaging(g, k, cmds);
      // commands held in the ring while the partition is down wait in the kernel too (QUED)
      if (this.ring.held[k] > 0) this.counters.quedT[g] += this.ring.held[k] * dtS;
    }
  }

  /** Add VM k's step to group gi's counters: Mbit moved, wanted and dropped; commands and latency. */
  private accrue(gi: number, k: number, tx: number, rx: number, cmds: number, dtS: number): void {
    const c = this.counters;
    c.tx[gi] += tx * dtS;
    c.txWant[gi] += this.offTx[k] * dtS;
    c.txDrop[gi] += (this.nicTx[k] - this.planTx[k]) * dtS;
    c.rx[gi] += rx * dtS;
    c.rxWant[gi] += this.offRx[k] * dtS;
    c.rxDrop[gi] += (this.offRx[k] - rx) * dtS;
    c.cmds[gi] += cmds;
    const r = this.remote;
    const away = r.claim[k] !== null;
    c.davgW[gi] += cmds * (away ? r.davg[k] : this.datastore.davg);
    c.kavgW[gi] += cmds * (away ? r.kavg[k] : this.datastore.kavg[k]);
    // in the device and queued in the kernel, by Little's law from the latencies where the disk
    // is on another host's datastore
    const served = dtS > 0 ? cmds / dtS : 0;
    const ds = this.datastore;
    c.actvT[gi] += (away ? served * r.davg[k] : served * ds.davg * ds.activeShare) / 1000 * dtS;
    c.quedT[gi] += (away ? (served * Math.max(0, r.kavg[k] - KAVG_BASE_MS)) / 1000 : ds.queued[k]) * dtS;
  }

  /** The part of VM k's commands that was its guest's paging (in the partition's row too). */
  private accruePaging(g: number, k: number, cmds: number): void {
    const c = this.counters;
    c.pageReads[g] += cmds * this.pageReadShare[k];
    c.pageWrites[g] += cmds * this.pageWriteShare[k];
    if (this.pShare[k] <= 0) return;
    c.pageReads[this.partition] += cmds * this.pageReadShare[k];
    c.pageWrites[this.partition] += cmds * this.pageWriteShare[k];
  }

  private plan(): void {
    const { n, cpu } = this;
    const paging = this.paging;
    paging.read(this.settledMs);
    const p = this.partition;
    this.outage = p >= 0 && this.groups[p].state !== 'running';
    for (let k = 0; k < n; k++) {
      const group = this.groups[this.vm[k]];
      const on = cpu.gOn[this.vm[k]] && (group.state === 'running' || group.state === 'migrating');
      // I/O follows the workload's pattern (an idle or bursty guest is idle or bursty on the wire);
      // a guest stunned for a migration's switch-over or booting after a reset does none
      const level = on && !group.workload.halted ? group.workload.level : 0;
      const gf = this.guestCpu.factor[k];
      const pace = this.pShare[k] > 0 && !this.outage ? this.pace : 1;
      this.offTx[k] = Math.min(this.txDemand[k] * level * gf, this.capMbit[k]);
      // an emulated NIC sends no faster than it can (the guest waits) and drops what it cannot take
      this.offRx[k] = this.rxDemand[k] * level;
      this.nicTx[k] = this.offTx[k] * pace;
      this.nicRx[k] = Math.min(this.offRx[k], this.capMbit[k]) * pace;
      // the guest's paging is as the memory model counted it: its CPU stall is already in there
      const page = on ? paging.reads[k] + paging.writes[k] : 0;
      const disk = this.iopsDemand[k] * level * gf + page;
      this.offIops[k] = Math.min(disk, this.capIops[k]) * pace;
      this.pageReadShare[k] = page > 0 ? paging.reads[k] / disk : 0;
      this.pageWriteShare[k] = page > 0 ? paging.writes[k] / disk : 0;
      if (this.pShare[k] > 0 && (this.outage || this.ring.held[k] > 0 || group.ioWait)) this.routeThroughDownPartition(k, group);
    }
    const nic = this.spec.nicMbit;
    // the uplink is shared by vNIC shares (NIOC); a passthrough NIC is a port of the VM's own,
    // outside NIOC, at the host NIC's speed [assumption]
    // with the partition down no routed packet reaches the uplink: all of it is dropped
    for (let k = 0; k < n; k++) {
      const cut = this.ownNic[k] || (this.outage && this.pShare[k] > 0);
      this.upTx[k] = cut ? 0 : this.nicTx[k];
      this.upRx[k] = cut ? 0 : this.nicRx[k];
    }
    shareBandwidth(n, this.upTx, this.netShares, Math.max(0, nic - this.clusterTx), this.planTx, this.zero);
    shareBandwidth(n, this.upRx, this.netShares, Math.max(0, nic - this.clusterRx), this.planRx, this.zero);
    for (let k = 0; k < n; k++) {
      if (!this.ownNic[k]) continue;
      this.planTx[k] = Math.min(this.nicTx[k], nic);
      this.planRx[k] = Math.min(this.nicRx[k], nic);
    }
    // localIops: what this host's own datastore gets (all of offIops while no disk is elsewhere)
    const away = this.remote.post(this.offIops, this.diskShares, this.settledMs);
    this.datastore.step(this.remote.localIops, this.diskShares, IO_STEP_MS, this.served, this.settledMs);
    if (away) this.remote.take(this.served);
    let backend = 0;
    for (let k = 0; k < n; k++) {
      // a guest short of CPU posts fewer receive buffers: what it will not take costs nothing
      const rx = this.planRx[k] * this.guestCpu.factor[k];
      const work = this.planTx[k] * this.perMbit[k] + rx * this.perMbitRx[k] + this.served[k] * this.perCmd[k];
      const routed = work * this.pShare[k];
      this.sysPlan[k] = work - routed;
      cpu.setSysDemand(this.vm[k], work - routed);
      backend += routed;
    }
    this.backendPlan = backend;
    if (this.partition >= 0) setPartitionLoad(this.groups[this.partition], backend);
  }

  /**
   * A routed guest while its driver partition is down, or just back: its new disk commands wait
   * in the ring (driver-ring.ts), and its vCPUs wait on that I/O (%VMWAIT) as the ring fills; once
   * the partition is back the ring is posted to the datastore, its wait so far counted into KAVG.
   */
  private routeThroughDownPartition(k: number, group: GroupRuntime): void {
    const g = this.vm[k];
    if (this.outage) {
      const full = this.ring.hold(k, this.offIops[k]);
      this.offIops[k] = 0;
      const doesNet = this.txDemand[k] + this.rxDemand[k] > 0 && group.workload.level > 0;
      const stuck = this.iopsDemand[k] > 0 ? full : doesNet ? 1 : 0;
      group.ioWait = IO_BLOCKED_WAIT * stuck;
      return;
    }
    const waitedMs = this.ring.ageMs[k];
    this.offIops[k] += this.ring.release(k);
    this.counters.kavgW[g] += waitedMs;
    this.counters.kavgW[this.partition] += waitedMs;
    group.ioWait = 0;
  }
}

/** Receive demand: `net_rx`, or the same as transmit when the profile does not say. */
function rxOf(s: VmSpec): number {
  return s.workload.netRxMbit ?? s.workload.netMbit;
}

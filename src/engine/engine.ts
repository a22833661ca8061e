// The simulation: a fixed quantum, a simulated clock, one seeded random source and a command
// queue. Pure and deterministic: the same profile, seed and commands give the same samples.

import { isPartitionCommand, ownedBy, unhandled, type Command, type CommandOf } from '../profile/commands.js';
import type { Profile, TimedCommand } from '../profile/types.js';
import { CgroupSystem } from './cgroups/system.js';
import { Cluster, type HostChoice } from './cluster/cluster.js';
import { describeLoadCpu } from './cpu/load-amount.js';
import { IO_STEP_MS } from './io/constants.js';
import { PartitionOutages } from './io/partition-outage.js';
import { SecurityAppliances, SVA_STEP_MS } from './appliance/sva.js';
import { Rng } from './rng.js';
import { buildHosts, type HostRuntime } from './runtime.js';
import { sampleHost } from './sample.js';
import type { EngineEvent, Snapshot, VServerSample } from './snapshot.js';
import { sampleVServers } from './vserver/sample.js';
import { EPS } from '../eps.js';

export type { GroupRuntime, HostRuntime } from './runtime.js';
export type { ClusterSample, HostChoice } from './cluster/cluster.js';

export interface EngineOptions {
  /** overrides the profile's seed */
  seed?: number;
  /** replaces the profile's `events` (a replay feeds the recorded commands instead) */
  timeline?: readonly TimedCommand[];
}

/** The memory model steps on this period of simulated time; the CPU every quantum. */
export const MEMORY_STEP_MS = 100;
/** a vCPU waits at most this share of a quantum, so that a stalled VM still crawls forward */
const MAX_WAIT_STALL = 0.95;

export class Engine {
  readonly seed: number;
  private readonly rng: Rng;
  private readonly hosts: HostRuntime[];
  /** containers on the hosts' and VMs' Linux kernels */
  private readonly cgroups: CgroupSystem;
  /** migrations, HA, FT, DRS, DPM, the VMs' lifecycle */
  private readonly cluster: Cluster;
  /** Domain-0 / Parent-Partition failures and restarts */
  private readonly partitions: PartitionOutages;
  /** security virtual appliances watching their hosts' VMs */
  private readonly appliances: SecurityAppliances;
  private lastApplianceMs = 0;
  private quanta = 0;
  private carryMs = 0;
  private lastSampleMs = 0;
  private lastMemoryMs = 0;
  private lastIoMs = 0;
  private readonly timeline: TimedCommand[];
  private next = 0;
  private pending: EngineEvent[] = [];
  /** stepMemory's scratch: per group, no balloon and no host swap before the step */
  private memBefore = new Uint8Array(0);
  /** every command applied, with its simulated time: what a recording needs */
  readonly applied: TimedCommand[] = [];

  constructor(readonly profile: Profile, options: EngineOptions = {}) {
    this.seed = options.seed ?? profile.seed;
    this.rng = new Rng(this.seed);
    this.timeline = [...(options.timeline ?? profile.events)].sort((a, b) => a.atMs - b.atMs);
    this.hosts = buildHosts(profile, this.rng);
    this.cgroups = new CgroupSystem(profile, this.hosts, this.rng, this.emit, profile.quantumMs);
    const cgroups = this.cgroups;
    this.cluster = new Cluster(profile, this.hosts, this.rng, this.emit, (h) => cgroups.reindex(h), (vm) => cgroups.hostsContainers(vm));
    this.partitions = new PartitionOutages(this.hosts, this.emit);
    this.appliances = new SecurityAppliances(this.hosts, this.emit);
  }

  /**
   * The hosts a VM could migrate to, each with whether it may and why not (the `V` host picker).
   * The same checks refuse a `migrate` command.
   */
  migrationTargets(vm: string): HostChoice[] {
    return this.cluster.targets(vm);
  }

  /** The hosts whose datastore a VM's disk could move to (`relocate`), each with why not. */
  relocationTargets(vm: string): HostChoice[] {
    return this.cluster.relocationTargets(vm);
  }

  /** Every host with whether a VM from the template could be deployed there now, and why not (the deploy picker). */
  deployTargets(template: string): HostChoice[] {
    return this.cluster.deployTargets(template);
  }

  /** The templates a `deploy` can name (the deploy picker). */
  templates(): string[] {
    return (this.profile.templates ?? []).map((t) => t.name);
  }

  /** simulated time since start, ms */
  get timeMs(): number {
    return this.quanta * this.profile.quantumMs;
  }

  /** Run a command at the current simulated time (the keyboard's path); results appear as events. */
  submit(command: Command): void {
    this.apply({ atMs: this.timeMs, command });
  }

  /** Advance simulated time by `ms`, in whole quanta (a remainder is carried to the next call). */
  advance(ms: number): void {
    const q = this.profile.quantumMs;
    this.carryMs += ms;
    while (this.carryMs >= q - EPS) {
      // The timeline's commands due now, applied here rather than in `step`.
      // perf: same path every time
      this.applyDue(this.timeMs);
      this.step();
      this.carryMs -= q;
    }
  }

  /** Apply the timeline's commands due at `t` (the start of the next quantum). */
  private applyDue(t: number): void {
    while (this.next < this.timeline.length && this.timeline[this.next].atMs <= t) {
      this.apply(this.timeline[this.next++]);
    }
  }

  private step(): void {
    const t = this.timeMs;
    this.cluster.step(t, this.profile.quantumMs);
    if (this.partitions.busy) this.partitions.step(t);
    if (t - this.lastMemoryMs >= MEMORY_STEP_MS || t === 0) this.stepMemory(t);
    if (t - this.lastApplianceMs >= SVA_STEP_MS || t === 0) {
      this.lastApplianceMs = t;
      this.appliances.step(t);
    }
    for (const host of this.hosts) {
      // a failed host or one in standby runs nothing
      if (host.state !== 'up') continue;
      const cpu = host.cpu;
      const groups = host.groups;
      const { demand, useful, gStart } = cpu;
      for (let g = 0; g < groups.length; g++) {
        const group = groups[g];
        const workload = group.workload;
        // a number compared every quantum; the list is only walked when a load ends
        if (t >= workload.nextEndMs) {
          const ended = workload.expire(t);
          for (let i = 0; i < ended; i++) {
            this.event(t, 'load-end', group.name, 'injected load finished');
            group.memory?.setExtraActive(workload.extraActiveMiB());
          }
        }
        // whether a JVM collects is handed to fill, not applied here in a branch of this loop
        // perf: same path every time
        workload.fill(t, demand, useful, gStart[g], group.memory !== null && group.memory.collecting(t));
      }
      host.vservers?.before(t, cpu);
      this.cgroups.offer(host, t);
      cpu.step();
      this.cgroups.settle(host, t);
      host.vservers?.after(cpu, this.emit);
    }
    this.quanta++;
    // I/O settles at the end of a quantum so a sample taken now sees it; the first quantum only
    // plans, keeping the step grid on whole periods.
    const end = this.timeMs;
    const due = end - this.lastIoMs >= IO_STEP_MS - EPS;
    if (due || this.quanta === 1) {
      for (const host of this.hosts) if (host.state === 'up') host.io.settle(end);
    }
    // stored every quantum, not under `if (due)`; perf: same path every time
    this.lastIoMs = due ? end : this.lastIoMs;
  }

  private stepMemory(t: number): void {
    const dtS = (t - this.lastMemoryMs) / 1000;
    this.lastMemoryMs = t;
    for (const host of this.hosts) {
      if (host.state !== 'up') continue;
      const mem = host.memory;
      // which groups had no balloon / no host swap before the step (bits, without allocating)
      const groups = host.groups;
      const before = this.memBefore.length >= 2 * groups.length ? this.memBefore : (this.memBefore = new Uint8Array(2 * groups.length));
      for (let i = 0; i < groups.length; i++) {
        const m = groups[i].memory;
        before[2 * i] = (m?.B ?? 0) <= 0 ? 1 : 0;
        before[2 * i + 1] = (m?.S ?? 0) <= 0 ? 1 : 0;
      }
      // a JVM starts with its guest; its warm-up sets how much CPU its work takes until the next step
      for (let i = 0; i < groups.length; i++) {
        const g = groups[i];
        const m = g.memory;
        if (!m) continue;
        m.jvmTick(t, !g.workload.halted);
        g.workload.jit = m.jitCost(t);
      }
      const change = dtS > 0 ? mem.step(t, dtS) : null;
      if (change) this.event(t, 'mem-state', host.spec.name, `memory state ${change.from} -> ${change.to} (free ${Math.round(mem.free)} MiB, minFree ${Math.round(mem.minFree)} MiB)`);
      for (let i = 0; i < groups.length; i++) {
        const g = groups[i];
        const m = g.memory;
        if (!m) continue;
        if (before[2 * i] && m.B > 0) this.event(t, 'balloon', g.name, `balloon inflating toward ${Math.round(m.balloonTarget)} MiB`);
        if (before[2 * i + 1] && m.S > 0) this.event(t, 'host-swap', g.name, 'host swapping this VM\'s pages');
        host.cpu.stallSwap[i] = m.hostStall;
        host.cpu.stallGuest[i] = Math.min(MAX_WAIT_STALL - m.hostStall, m.guestStall);
        // an SDPS sleep is the VMkernel blocking the vCPUs, and I/O stuck in a driver partition
        // that is down blocks them as surely: %VMWAIT, never %RDY, %MLMTD or %IDLE
        host.cpu.stallSleep[i] = Math.min(MAX_WAIT_STALL - m.hostStall - host.cpu.stallGuest[i], (g.sdpsSleep ?? 0) + (g.ioWait ?? 0));
      }
    }
  }

  private event(tMs: number, kind: string, target: string, detail: string): void {
    this.pending.push({ t: tMs / 1000, kind, target, detail });
  }

  /** `event` for the models that report mid-quantum (a VServer hold falls on a kernel tick). */
  private readonly emit = (tMs: number, kind: string, target: string, detail: string): void => this.event(tMs, kind, target, detail);

  private apply(tc: TimedCommand): void {
    const t = this.timeMs;
    const c = tc.command;
    this.applied.push({ atMs: t, command: c });
    // by the command table's owner column; a command naming a driver partition is that model's
    if (isPartitionCommand(c)) return this.partitions.apply(t, c);
    if (ownedBy(c, 'cgroups')) return this.cgroups.apply(t, c);
    if (ownedBy(c, 'workload')) return this.cgroups.runs(c.target) ? this.cgroups.load(t, c) : this.loadVm(t, c);
    if (ownedBy(c, 'cluster')) {
      this.cluster.apply(t, c);
      // a host back from a failure boots its driver partition with it
      const host = c.action === 'recover' ? this.hosts.find((h) => h.spec.name === c.target) : undefined;
      if (host?.state === 'up') this.partitions.hostRecovered(host);
      return;
    }
    return unhandled(c);
  }

  /** `load` on a VM: work added to its vCPUs (and its working set) for a while. */
  private loadVm(t: number, c: CommandOf<'load'>): void {
    const vm = this.cluster.ctx.find(c.target);
    if (!vm) return this.event(t, 'refused', c.target, `load: no VM named "${c.target}"`);
    const threads = Math.min(c.threads ?? vm.group.vcpus, vm.group.vcpus);
    const activeMiB = c.activeMiB ?? 0;
    vm.group.workload.addLoad(c.cpu, threads, activeMiB, t + c.forMs);
    vm.group.memory?.setExtraActive(vm.group.workload.extraActiveMiB());
    const what = [
      c.cpu > 0 ? describeLoadCpu(c.cpu, threads, 'vCPU') : '',
      activeMiB > 0 ? `+${Math.round(activeMiB)} MiB working set` : '',
    ].filter(Boolean).join(', ');
    return this.event(t, 'load', c.target, `${what} for ${c.forMs / 1000}s`);
  }

  /** Rates and counters since the previous sample (or since start). */
  sample(): Snapshot {
    const t = this.timeMs;
    const interval = t - this.lastSampleMs;
    const hosts = [];
    const vms = [];
    const vservers: VServerSample[] = [];
    for (const host of this.hosts) {
      const s = sampleHost(host, t);
      hosts.push(s.host);
      vms.push(...s.vms);
      if (host.vservers) vservers.push(...sampleVServers(host.vservers, host.spec.name, interval));
    }
    this.lastSampleMs = t;
    const { containers, services } = this.cgroups.sample(interval);
    const events = this.pending;
    this.pending = [];
    for (const m of this.cluster.migrations.active) {
      const row = vms.find((v) => v.name === m.vm.name);
      if (row) row.migration = { to: m.to.spec.name, progress: m.run.progress };
    }
    this.cluster.annotateStorage(vms, t);
    this.appliances.annotate(vms);
    const cluster = this.cluster.sample(hosts, vms, t);
    return { t: t / 1000, interval: interval / 1000, hosts, vms, containers, services, vservers, events, cluster };
  }
}

// The simulation: a fixed quantum, a simulated clock, one seeded random source and a command
// queue. Pure and deterministic: the same profile, seed and commands give the same samples.

import type { Command, HostSpec, Profile, TimedCommand, VmSpec } from '../profile/types.js';
import { HostCpu, type CpuGroupConfig } from './cpu/host-cpu.js';
import { CPU_VIRT_OVERHEAD } from './cpu/overhead.js';
import { WorkloadState } from './cpu/workload.js';
import { Rng } from './rng.js';
import type { EngineEvent, Snapshot, VmState } from './snapshot.js';
import { sampleHost, type CounterBase } from './sample.js';

export interface EngineOptions {
  /** overrides the profile's seed */
  seed?: number;
}

/** A schedulable group on a host: a VM, or the host's own system partition. */
export interface GroupRuntime {
  gid: number;
  name: string;
  kind: 'vm' | 'system';
  vcpus: number;
  shares: number;
  reservationMHz: number;
  limitMHz: number | null;
  state: VmState;
  workload: WorkloadState;
}

export interface HostRuntime {
  id: number;
  spec: HostSpec;
  cpu: HostCpu;
  groups: GroupRuntime[];
  base: CounterBase;
}

/** Type-2 hosts: the host OS's applications are ordinary processes beside the VMs. */
function hostOsGroup(host: HostSpec, gid: number, rng: Rng): { g: Omit<GroupRuntime, 'workload'>; w: WorkloadState } {
  const spec = { cpu: host.hostOsLoad, threads: host.pcpus, pattern: 'steady' as const, periodMs: 60_000,
    activeMiB: 0, dirtyMiBs: 0, netMbit: 0, iops: 0 };
  return {
    g: { gid, name: 'Host-OS', kind: 'system', vcpus: host.pcpus, shares: 1000 * host.pcpus,
      reservationMHz: 0, limitMHz: null, state: 'running' },
    w: new WorkloadState(spec, host.pcpus, rng, 0),
  };
}

export class Engine {
  readonly seed: number;
  private readonly rng: Rng;
  private readonly hosts: HostRuntime[] = [];
  private readonly vmsByName = new Map<string, { host: HostRuntime; group: GroupRuntime }>();
  private quanta = 0;
  private carryMs = 0;
  private lastSampleMs = 0;
  private timeline: TimedCommand[];
  private next = 0;
  private pending: EngineEvent[] = [];
  /** every command applied, with its simulated time: what a recording needs */
  readonly applied: TimedCommand[] = [];

  constructor(readonly profile: Profile, options: EngineOptions = {}) {
    this.seed = options.seed ?? profile.seed;
    this.rng = new Rng(this.seed);
    this.timeline = [...profile.events].sort((a, b) => a.atMs - b.atMs);
    let gid = 1000;
    profile.hosts.forEach((spec, id) => {
      const groups: GroupRuntime[] = [];
      if (spec.hypervisor === 'vbox' && spec.hostOsLoad > 0) {
        const { g, w } = hostOsGroup(spec, (gid += 21), this.rng);
        groups.push({ ...g, workload: w });
      }
      for (const vm of profile.vms.filter((v) => v.host === spec.name)) groups.push(this.vmGroup(vm, (gid += 21)));
      const configs: CpuGroupConfig[] = groups.map((g) => ({
        vcpus: g.vcpus, shares: g.shares, reservationMHz: g.reservationMHz, limitMHz: g.limitMHz,
        overhead: g.kind === 'vm' ? CPU_VIRT_OVERHEAD[this.vmSpec(g.name).cpuVirt] : 0,
      }));
      const cpu = new HostCpu(spec.pcpus, spec.mhz, profile.quantumMs, spec.coscheduling === 'strict', configs);
      const host: HostRuntime = { id, spec, cpu, groups, base: { ms: 0, counters: null } };
      this.hosts.push(host);
      for (const g of groups) if (g.kind === 'vm') this.vmsByName.set(g.name, { host, group: g });
    });
  }

  private vmSpec(name: string): VmSpec {
    return this.profile.vms.find((v) => v.name === name)!;
  }

  private vmGroup(vm: VmSpec, gid: number): GroupRuntime {
    return {
      gid, name: vm.name, kind: 'vm', vcpus: vm.vcpus, shares: vm.shares,
      reservationMHz: vm.reservationMHz, limitMHz: vm.limitMHz, state: 'running',
      workload: new WorkloadState(vm.workload, vm.vcpus, this.rng),
    };
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
    while (this.carryMs >= q - 1e-9) {
      this.step();
      this.carryMs -= q;
    }
  }

  private step(): void {
    const t = this.timeMs;
    while (this.next < this.timeline.length && this.timeline[this.next].atMs <= t) {
      this.apply(this.timeline[this.next++]);
    }
    for (const host of this.hosts) {
      const cpu = host.cpu;
      for (let g = 0; g < host.groups.length; g++) {
        const group = host.groups[g];
        for (const _ended of group.workload.expire(t)) {
          this.event(t, 'load-end', group.name, 'injected load finished');
        }
        group.workload.fill(t, cpu.demand, cpu.useful, cpu.gStart[g]);
      }
      cpu.step();
    }
    this.quanta++;
  }

  private event(tMs: number, kind: string, target: string, detail: string): void {
    this.pending.push({ t: tMs / 1000, kind, target, detail });
  }

  private apply(tc: TimedCommand): void {
    const t = this.timeMs;
    const c = tc.command;
    this.applied.push({ atMs: t, command: c });
    if (c.action === 'load') {
      const vm = this.vmsByName.get(c.target);
      if (!vm) return this.event(t, 'refused', c.target, `load: no VM named "${c.target}"`);
      const threads = Math.min(c.threads ?? vm.group.vcpus, vm.group.vcpus);
      vm.group.workload.loads.push({ cpu: c.cpu, threads, untilMs: t + c.forMs });
      return this.event(t, 'load', c.target,
        `+${Math.round(c.cpu * 100)}% CPU on ${threads} vCPU${threads === 1 ? '' : 's'} for ${c.forMs / 1000}s`);
    }
    this.event(t, 'refused', c.target, `${c.action} is not simulated yet (it arrives with a later release)`);
  }

  /** Rates and counters since the previous sample (or since start). */
  sample(): Snapshot {
    const t = this.timeMs;
    const interval = t - this.lastSampleMs;
    const hosts = [];
    const vms = [];
    for (const host of this.hosts) {
      const s = sampleHost(host, t);
      hosts.push(s.host);
      vms.push(...s.vms);
    }
    this.lastSampleMs = t;
    const events = this.pending;
    this.pending = [];
    return { t: t / 1000, interval: interval / 1000, hosts, vms, events };
  }
}

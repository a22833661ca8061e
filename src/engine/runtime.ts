// The engine's live state, built from a profile: per host its CPU scheduler and memory manager,
// and the groups (VMs and system partitions) they schedule.

import { traits } from '../profile/hypervisors.js';
import type { HostSpec, Profile, ServiceConsoleSpec, VmSpec } from '../profile/types.js';
import { HostCpu, type CpuGroupConfig } from './cpu/host-cpu.js';
import { CPU_VIRT_OVERHEAD } from './cpu/overhead.js';
import { GUEST_HOUSEKEEPING, systemWorkload, WorkloadState } from './cpu/workload.js';
import { containerGroupConfig } from './cgroups/host-group.js';
import { HostIo } from './io/host-io.js';
import { partitionGroup } from './io/partition.js';
import { HostMemory } from './memory/host-memory.js';
import { memReservation } from './memory/reservation.js';
import { SHARE_SCAN_TIME_S, type ShareOptions } from './memory/sharing.js';
import { VmMemory } from './memory/vm-memory.js';
import type { Rng } from './rng.js';
import type { CounterBase } from './sample.js';
import type { HostState, VmState } from './snapshot.js';
import { VServerHost } from './vserver/host.js';

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
  /** null for system partitions, whose memory is the host's `reserved` */
  memory: VmMemory | null;
  /**
   * A system group's own memory, shown as its size, grant and working set (the driver
   * partition: the host's `reserved`; ESX's service console: its `console_memory`); absent: none
   */
  systemMiB?: number;
  /** a passthrough device ties the VM to this host's hardware: it cannot be migrated */
  passthrough?: boolean;
  /**
   * Share of the time its vCPUs sleep for a vMotion's Stun During Page Send (0 otherwise): the
   * guest waits, so it reaches the CPU model with its memory stalls as waiting time.
   */
  sdpsSleep?: number;
  /**
   * Share of the time its vCPUs wait on I/O stuck in a driver partition that is down (0
   * otherwise): set by the I/O model, handed to the CPU model as waiting time like sdpsSleep.
   */
  ioWait?: number;
  /** a fault-tolerance secondary: the name of the VM it follows */
  ftOf?: string;
  /** share of the group's pCPU time spent in the hypervisor (cpu_virt) */
  cpuOverhead?: number;
  /** the VM's profile entry (or the one `deploy` made); absent for system partitions */
  spec?: VmSpec;
  /**
   * The host whose datastore holds the VM's disk, once Storage vMotion put it there (a
   * `relocate`); it stays there through compute migrations and HA restarts. Absent: the disk is
   * on the datastore of whatever host runs the VM — the lab's model before Storage vMotion, where
   * a vMotion or an HA restart finds the disk on the new host without copying it.
   */
  datastore?: HostRuntime;
}

export interface HostRuntime {
  id: number;
  spec: HostSpec;
  cpu: HostCpu;
  memory: HostMemory;
  /** network and disk; on Xen and Hyper-V also the driver partition's load */
  io: HostIo;
  groups: GroupRuntime[];
  /** a vserver host's guests, scheduled as groups after `groups` in `cpu`; null elsewhere */
  vservers: VServerHost | null;
  /** the `cpu` group of the containers on the host's own kernel; -1 if it runs none */
  containerGroup: number;
  base: CounterBase;
  /** up, failed (HA restarts its VMs elsewhere), standby (DPM powered it down) */
  state: HostState;
  /**
   * Cluster traffic through the NIC: migrations and fault-tolerance logging, Mbit/s now (the
   * VMs' traffic gets the rest of the link) and Mbit moved so far, per direction.
   */
  net: ClusterNet;
}

export interface ClusterNet {
  txMbit: number;
  rxMbit: number;
  txTotal: number;
  rxTotal: number;
  /** the totals at the previous sample */
  txSampled: number;
  rxSampled: number;
}

/** The service console's CPU shares and its guaranteed share of one pCPU (ESX Server 2.x's defaults). */
export const CONSOLE_SHARES = 2000;
export const CONSOLE_MIN_CPU = 0.08;

/** Type-2 hosts: the host OS's applications are ordinary processes beside the VMs. */
function hostOsGroup(host: HostSpec, gid: number, rng: Rng): GroupRuntime {
  const spec = systemWorkload(host.hostOsLoad, host.pcpus);
  return {
    gid, name: 'Host-OS', kind: 'system', vcpus: host.pcpus, shares: 1000 * host.pcpus,
    reservationMHz: 0, limitMHz: null, state: 'running', memory: null, cpuOverhead: 0,
    workload: new WorkloadState(spec, host.pcpus, rng, 0),
  };
}

/**
 * Classic ESX's service console: a Linux VM the VMkernel boots first and schedules like any other
 * world, on pCPU 0 only (one vCPU), with 2000 shares and 8 % of a CPU guaranteed (ESX Server's
 * defaults); the management agents inside it are its load.
 */
function consoleGroup(host: HostSpec, console: ServiceConsoleSpec, gid: number, rng: Rng): GroupRuntime {
  const spec = systemWorkload(console.load, 1);
  return {
    gid, name: 'console', kind: 'system', vcpus: 1, shares: CONSOLE_SHARES,
    reservationMHz: CONSOLE_MIN_CPU * host.mhz, limitMHz: null, state: 'running', memory: null, cpuOverhead: 0,
    systemMiB: console.memoryMiB,
    workload: new WorkloadState(spec, 1, rng, 0),
  };
}

export function vmGroup(vm: VmSpec, gid: number, rng: Rng): GroupRuntime {
  return {
    gid, name: vm.name, kind: 'vm', vcpus: vm.vcpus, shares: vm.shares,
    reservationMHz: vm.reservationMHz, limitMHz: vm.limitMHz, state: 'running',
    workload: new WorkloadState(vm.workload, vm.vcpus, rng, vm.workload.housekeeping ?? GUEST_HOUSEKEEPING),
    memory: new VmMemory(vm.memoryMiB, vm.vcpus, vm.guest, vm.memShares, memReservation(vm), vm.memLimitMiB, vm.workload, vm.io === 'passthrough'),
    passthrough: vm.io === 'passthrough', sdpsSleep: 0, cpuOverhead: CPU_VIRT_OVERHEAD[vm.cpuVirt], spec: vm,
  };
}

/**
 * Only ESXi co-schedules a VM's vCPUs; Xen's credit scheduler, KVM's vCPU threads under CFS,
 * Hyper-V and VirtualBox schedule each vCPU on its own (docs/model/cpu.md).
 */
export function coschedules(host: HostSpec): boolean {
  return traits(host.hypervisor).coschedules;
}

/** The scheduler's view of a host's groups: VMs and partitions, VServer guests, containers. */
export function cpuConfigs(groups: readonly GroupRuntime[], host: HostSpec): CpuGroupConfig[] {
  const gang = coschedules(host);
  return groups.map((g) => ({
    vcpus: g.vcpus, shares: g.shares, reservationMHz: g.reservationMHz, limitMHz: g.limitMHz,
    overhead: g.cpuOverhead ?? 0,
    gang: gang && (g.kind === 'vm' || g.ftOf !== undefined),
  }));
}

/** The host's page sharing: across VMs or salted per VM, and its ShareScanTime. */
function sharingOf(spec: HostSpec): ShareOptions {
  return { tps: spec.tps ?? 'shared', scanTimeS: spec.shareScanTimeS ?? SHARE_SCAN_TIME_S };
}

/** Group ids step by 21 from 1021, so they read like esxtop's GIDs and stay stable per profile. */
export function buildHosts(profile: Profile, rng: Rng): HostRuntime[] {
  let gid = 1000;
  return profile.hosts.map((spec, id) => {
    const groups: GroupRuntime[] = [];
    if (traits(spec.hypervisor).hostOs && spec.hostOsLoad > 0) groups.push(hostOsGroup(spec, (gid += 21), rng));
    // ESX's service console boots before the VMkernel loads and is its first world
    if (spec.console) groups.push(consoleGroup(spec, spec.console, (gid += 21), rng));
    // Xen's Domain-0 and Hyper-V's parent partition come first, as xentop lists them
    const partition = partitionGroup(spec, gid + 21, rng);
    if (partition) gid += 21;
    const partitionIndex = partition ? groups.push(partition) - 1 : -1;
    const vms = profile.vms.filter((v) => v.host === spec.name);
    for (const vm of vms) groups.push(vmGroup(vm, (gid += 21), rng));
    const configs = cpuConfigs(groups, spec);
    const guests = profile.vservers.filter((v) => v.host === spec.name);
    const vservers = guests.length > 0
      ? new VServerHost(guests, configs.length, spec.hz, spec.pcpus, profile.quantumMs, rng) : null;
    if (vservers) configs.push(...vservers.configs());
    const containers = containerGroupConfig(profile, spec);
    const containerGroup = containers ? configs.push(containers) - 1 : -1;
    const cpu = new HostCpu(spec.pcpus, spec.mhz, profile.quantumMs, spec.coscheduling === 'strict' && coschedules(spec), configs);
    const memory = new HostMemory(spec.memoryMiB, spec.reservedMiB, (spec.pcpus * spec.mhz) / 1000,
      groups.flatMap((g) => (g.memory ? [g.memory] : [])), sharingOf(spec));
    const io = new HostIo(spec, groups, new Map(vms.map((v) => [v.name, v])), cpu, partitionIndex);
    const net = { txMbit: 0, rxMbit: 0, txTotal: 0, rxTotal: 0, txSampled: 0, rxSampled: 0 };
    return { id, spec, cpu, memory, io, groups, vservers, containerGroup, base: { ms: 0, counters: null }, state: 'up', net };
  });
}

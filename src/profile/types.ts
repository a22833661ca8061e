// The normalized profile: what the loader hands the engine after units, defaults, clones and
// references are resolved. Units are fixed here so the engine never parses text:
// time in ms, CPU in MHz or fractions of one pCPU, memory in MiB, network in Mbit/s.

export const HYPERVISORS = ['esxi', 'xen', 'hyperv', 'kvm', 'vbox', 'vserver', 'linux'] as const;
export type Hypervisor = (typeof HYPERVISORS)[number];

export const PATTERNS = ['steady', 'sine', 'bursty', 'idle'] as const;
export type Pattern = (typeof PATTERNS)[number];

export const CPU_VIRT = ['hardware', 'paravirtual', 'emulated'] as const;
export type CpuVirt = (typeof CPU_VIRT)[number];

export const IO_MODELS = ['emulated', 'paravirtual', 'passthrough'] as const;
export type IoModel = (typeof IO_MODELS)[number];

export const RESTART_PRIORITIES = ['high', 'medium', 'low', 'disabled'] as const;
export type RestartPriority = (typeof RESTART_PRIORITIES)[number];

export interface DiskSpec {
  iops: number;
  bandwidthMiBs: number;
  latencyMs: number;
}

export interface HostSpec {
  name: string;
  hypervisor: Hypervisor;
  coscheduling: 'relaxed' | 'strict';
  pcpus: number;
  mhz: number;
  memoryMiB: number;
  reservedMiB: number;
  nicMbit: number;
  disk: DiskSpec;
  hz: number;
  /** Type-2 hosts only: demand of the host OS's own applications, fraction of one pCPU per pCPU. */
  hostOsLoad: number;
}

export const WORKLOAD_TYPES = ['generic', 'jvm'] as const;
export type WorkloadType = (typeof WORKLOAD_TYPES)[number];

export interface WorkloadSpec {
  /** `jvm`: a Java heap the guest sees as in use, with garbage-collection cycles */
  type: WorkloadType;
  /** jvm only: the committed heap, MiB */
  heapMiB: number;
  /** Demand of each busy vCPU as a fraction of one pCPU (0..1). */
  cpu: number;
  /** Number of busy vCPUs (<= vcpus). */
  threads: number;
  pattern: Pattern;
  periodMs: number;
  activeMiB: number;
  dirtyMiBs: number;
  netMbit: number;
  iops: number;
}

export interface VmSpec {
  name: string;
  host: string;
  vcpus: number;
  memoryMiB: number;
  guest: string;
  /** Resolved CPU shares (presets are per vCPU: low 500, normal 1000, high 2000). */
  shares: number;
  reservationMHz: number;
  /** null = unlimited */
  limitMHz: number | null;
  memShares: number;
  memReservationMiB: number;
  memLimitMiB: number | null;
  io: IoModel;
  cpuVirt: CpuVirt;
  restartPriority: RestartPriority;
  ft: boolean;
  workload: WorkloadSpec;
}

export const COMMAND_NAMES = [
  'load', 'migrate', 'freeze', 'thaw', 'fail', 'recover', 'power_on', 'power_off',
  'suspend', 'resume', 'deploy', 'scale', 'checkpoint', 'restore',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** One command of the shared vocabulary: the timeline, the keys and replays all send these. */
export type Command =
  | { action: 'load'; target: string; cpu: number; threads?: number; forMs: number; activeMiB?: number }
  | { action: Exclude<CommandName, 'load'>; target: string; to?: string };

export interface TimedCommand {
  atMs: number;
  command: Command;
}

export interface Profile {
  name: string;
  description: string;
  seed: number;
  quantumMs: number;
  hosts: HostSpec[];
  vms: VmSpec[];
  events: TimedCommand[];
}

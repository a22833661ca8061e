// Immutable samples the engine emits. Percentages cover the interval that ends at `t`, the way
// esxtop computes every rate as a delta between two snapshots. A VM row sums its vCPU worlds.

import type { Hypervisor } from '../profile/types.js';

/** esxtop %STATE TIMES of one world (or the sum over a group's worlds). */
export interface CpuStateTimes {
  '%USED': number;
  '%RUN': number;
  '%SYS': number;
  '%WAIT': number;
  '%VMWAIT': number;
  '%RDY': number;
  '%IDLE': number;
  '%OVRLP': number;
  '%CSTP': number;
  '%MLMTD': number;
  '%SWPWT': number;
}

export interface VcpuSample extends CpuStateTimes {
  /** vCPU index inside the VM, 0-based. */
  index: number;
  /** world id, as esxtop shows on expansion */
  wid: number;
}

export type VmState = 'running' | 'migrating' | 'suspended' | 'off' | 'down';
export type HostState = 'up' | 'failed' | 'standby';

export interface VmSample extends CpuStateTimes {
  /** stable group id (esxtop GID) used in CSV instance names */
  gid: number;
  name: string;
  host: string;
  state: VmState;
  /** number of worlds: one per vCPU plus the VMX and MKS helper worlds */
  NWLD: number;
  vcpus: number;
  shares: number;
  reservationMHz: number;
  limitMHz: number | null;
  /** demand over the interval, % of one pCPU summed over vCPUs (esxtop %DMD) */
  '%DMD': number;
  /** guest work completed in the interval, in MHz-equivalents (useful cycles per second) */
  workMHz: number;
  /** 'vm' for guests; 'system' for Domain-0, Parent-Partition and a type-2 host's own OS */
  kind: 'vm' | 'system';
  vcpu: VcpuSample[];
}

export interface HostSample {
  id: number;
  name: string;
  hypervisor: Hypervisor;
  state: HostState;
  pcpus: number;
  mhz: number;
  coscheduling: 'relaxed' | 'strict';
  /** per pCPU, % of the interval */
  pcpuUsed: number[];
  pcpuUtil: number[];
  'PCPU_USED%': number;
  'PCPU_UTIL%': number;
  /** runnable worlds per pCPU, exponentially averaged over 1, 5, 15 minutes (esxtop load average) */
  loadAvg: [number, number, number];
  vmCount: number;
  vcpuCount: number;
}

export interface EngineEvent {
  /** simulated seconds */
  t: number;
  kind: string;
  target: string;
  detail: string;
}

export interface Snapshot {
  /** simulated seconds since start */
  t: number;
  /** length of the interval the rates cover, seconds */
  interval: number;
  hosts: HostSample[];
  vms: VmSample[];
  events: EngineEvent[];
}

// Immutable samples the engine emits. Percentages cover the interval that ends at `t`, the way
// esxtop computes every rate as a delta between two snapshots. A VM row sums its vCPU worlds.

import type { Hypervisor } from '../profile/types.js';
import type { HostIoFields, VmIo } from './io/types.js';
import type { VServerSample } from './vserver/types.js';
import type { ContainerSample, ServiceSample } from './cgroups/types.js';
import type { ClusterSample } from './cluster/types.js';
import type { RecoveryState } from './cluster/site-recovery.js';

export type { HostIoFields, VmIo } from './io/types.js';
export type { VServerSample } from './vserver/types.js';
export type { ContainerSample, ContainerState, ServiceSample } from './cgroups/types.js';
export type {
  ClusterHost, ClusterSample, DatastoreInfo, DownVm, FtInfo, MigrationInfo, Recommendation, RelocationInfo, StorageDrsInfo, StorageRecommendation,
} from './cluster/types.js';

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

export type MemState = 'high' | 'clear' | 'soft' | 'hard' | 'low';

/** esxtop memory panel fields of a VM, MiB; rates MiB/s over the interval. */
export interface VmMemoryFields {
  MEMSZ: number;
  GRANT: number;
  /** machine memory consumed (GRANT less what sharing saved, compressed pages at their size) */
  CNSM: number;
  SZTGT: number;
  TCHD: number;
  ACTV: number;
  MCTLSZ: number;
  MCTLTGT: number;
  MCTLMAX: number;
  SWCUR: number;
  SWTGT: number;
  'SWR/s': number;
  'SWW/s': number;
  ZIP: number;
  SHRD: number;
  ZERO: number;
  SHRDSVD: number;
  COWH: number;
  OVHD: number;
  /** guest memory the guest itself paged out to its own disk because the balloon took it */
  GSWAP: number;
}

/** The host's memory header: esxtop's PMEM, state, PSHARE, SWAP, ZIP and MEMCTL lines. */
export interface HostMemoryFields {
  MEM_TOTAL: number;
  MEM_FREE: number;
  MEM_STATE: MemState;
  minFree: number;
  /** hypervisor / Dom0 / parent partition / host OS */
  reserved: number;
  /** configured VM memory over the memory available to VMs */
  overcommit: number;
  /** esxtop's MEM overcommit avg over 1, 5 and 15 minutes: the excess of that ratio over 1, averaged */
  overcommitAvg: [number, number, number];
  PSHARE_SHARED: number;
  PSHARE_COMMON: number;
  PSHARE_SAVING: number;
  MEMCTL: number;
  MEMCTL_TGT: number;
  SWAP: number;
  SWAP_TGT: number;
  'SWR/s': number;
  'SWW/s': number;
  ZIP: number;
}

/**
 * A JVM inside the guest, as the JVM itself reports it (jstat's view, not the hypervisor's): a
 * process virtual machine with its own heap, garbage collector and JIT compiler.
 */
export interface JvmSample {
  /** the committed heap, MiB */
  HEAP: number;
  /** heap in use at the sample: it fills between collections and drops at each (the saw-tooth), MiB */
  HEAPUSED: number;
  /** collections that began in the interval */
  GC: number;
  /** time the application stood stopped for them in the interval, ms */
  GCPAUSE: number;
  /** CPU for the application's work above what compiled code needs (interpreted code, the JIT compiler), % */
  '%JIT': number;
  /** seconds since the JVM started (with its guest: power-on, reset, restart) */
  UPTIME: number;
}

/** A virtual appliance's row: its role, and for a security virtual appliance what it watches and what that costs it. */
export interface ApplianceSample {
  role: 'appliance' | 'sva';
  /** the VMs of its host it watches now (an SVA) */
  watching: string[];
  /** CPU it spends on them, % of one vCPU */
  introspectionCpu: number;
  /** memory it keeps in use for them, MiB */
  introspectionMiB: number;
  /** watched VMs reported for crossing its rule so far */
  alerts: number;
}

export type VmState = 'running' | 'migrating' | 'suspended' | 'off' | 'down';
export type HostState = 'up' | 'failed' | 'standby';

export interface VmSample extends CpuStateTimes, VmMemoryFields, VmIo {
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
  /** while it migrates: the target and the share done, 0..1 */
  migration?: { to: string; progress: number };
  /** the host whose datastore holds its disk, when Storage vMotion put it elsewhere than its host */
  datastore?: string;
  /** while Storage vMotion moves its disk: the target datastore's host and the share copied, 0..1 */
  relocation?: { to: string; progress: number };
  /** a virtual appliance (`appliance:`): its role, and what a security appliance watches */
  appliance?: ApplianceSample;
  /** a `jvm` workload: the JVM inside the guest, a process VM; undefined for other workloads */
  jvm?: JvmSample;
  /**
   * Site Recovery, a protected VM: the site its replica is at, its RPO and the age of its newest
   * replication point, s, and the share of the sync on the wire (null: none)
   */
  replica?: { site: string; rpoS: number; ageS: number; syncing: number | null };
  /** after its site failed: its place in the recovery plan and the data it lost, s */
  recovery?: { from: string; to: string; priority: number; state: RecoveryState; lossS: number; reason: string | null };
}

export interface HostSample extends HostMemoryFields {
  /** JSONL keys (docs/cli.md): Mbit/s through the NIC (both directions), datastore commands/s */
  NIC_Mbps: number;
  DISK_IOPS: number;
  /** the uplink and the datastore in detail, for the network and disk panels */
  io: HostIoFields;
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
  /** the pCPUs' actual clock against nominal (esxtop's %A/MPERF / 100); 1 unless the profile sets `clock` */
  clock: number;
  /** runnable worlds per pCPU, exponentially averaged over 1, 5, 15 minutes (esxtop load average) */
  loadAvg: [number, number, number];
  /**
   * Strict co-scheduling: % of the host's pCPU time left idle while a VM's gang of busy vCPUs
   * waited for enough free pCPUs at once (0 on relaxed hosts and other hypervisors).
   */
  gangIdlePct: number;
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
  /** containers, services' replicas together in the order the profile lists them */
  containers: ContainerSample[];
  /** the services' parent cgroups: their replicas' totals and their own limits */
  services: ServiceSample[];
  /** Linux-VServer guests, host by host */
  vservers: VServerSample[];
  events: EngineEvent[];
  /** the cluster: host states and loads, imbalance, DRS recommendations, migrations, FT, HA */
  cluster?: ClusterSample;
}

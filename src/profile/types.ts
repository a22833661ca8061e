// The normalized profile: what the loader hands the engine after units, defaults, clones and
// references are resolved. Units are fixed here so the engine never parses text:
// time in ms, CPU in MHz or fractions of one pCPU, memory in MiB, network in Mbit/s.

export { HYPERVISORS, type Hypervisor } from './hypervisors.js';
import type { Hypervisor } from './hypervisors.js';

export const PATTERNS = ['steady', 'sine', 'bursty', 'idle'] as const;
export type Pattern = (typeof PATTERNS)[number];

export const CPU_VIRT = ['hardware', 'paravirtual', 'emulated'] as const;
export type CpuVirt = (typeof CPU_VIRT)[number];

export const IO_MODELS = ['emulated', 'paravirtual', 'passthrough'] as const;
export type IoModel = (typeof IO_MODELS)[number];

/** NIC offloads a host's uplink does (`nic_offload:`): segmentation, receive aggregation, the whole TCP stack. */
export const NIC_OFFLOADS = ['tso', 'lro', 'toe'] as const;
export type NicOffload = (typeof NIC_OFFLOADS)[number];

export const RESTART_PRIORITIES = ['high', 'medium', 'low', 'disabled'] as const;
export type RestartPriority = (typeof RESTART_PRIORITIES)[number];

export interface DiskSpec {
  iops: number;
  bandwidthMiBs: number;
  latencyMs: number;
  /** the datastore's space, MiB (`capacity:`); absent: the engine's default (Storage DRS counts it) */
  capacityMiB?: number;
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
  /** what the uplink NIC offloads (`nic_offload: [tso, lro, toe]`); absent: none */
  nicOffload?: NicOffload[];
  /** Intel I/OAT: a DMA engine copies received data instead of the CPU (`ioat: true`) */
  ioat?: boolean;
  /**
   * Transparent page sharing across VMs: `shared` (the textbook's, ESXi before 6.0:
   * Mem.ShareForceSalting 0) or `per-vm` (ESXi 6.0's default salting: only pages within a VM are
   * shared). Absent: shared.
   */
  tps?: TpsMode;
  /**
   * The pCPUs' mean actual clock against their nominal one (esxtop's %A/MPERF): power management
   * below 1, turbo above. %USED and PCPU USED(%) count cycles at nominal, so they are %RUN and
   * PCPU UTIL(%) times this. Absent: 1 (the High Performance policy without turbo).
   */
  clock?: number;
  /** Mem.ShareScanTime: a VM's pages are scanned at most once per this period, s. Absent: 3600. */
  shareScanTimeS?: number;
  /** classic ESX only: its service console (counted in reservedMiB too); absent elsewhere */
  console?: ServiceConsoleSpec;
  /** the site (datacenter) the host is in (`site:`), for Site Recovery; absent: the lab has no sites */
  site?: string;
}

/** Classic ESX's service console: a Linux VM the VMkernel schedules, the agents inside it. */
export interface ServiceConsoleSpec {
  /** its memory, reserved at boot (`console_memory`), MiB */
  memoryMiB: number;
  /** the agents' CPU demand (`console_load`), fraction of its one vCPU */
  load: number;
}

export const FT_KINDS = ['legacy', 'smp'] as const;
export type FtKind = (typeof FT_KINDS)[number];

export const TPS_MODES = ['shared', 'per-vm'] as const;
export type TpsMode = (typeof TPS_MODES)[number];

export const WORKLOAD_TYPES = ['generic', 'jvm'] as const;
export type WorkloadType = (typeof WORKLOAD_TYPES)[number];

export interface WorkloadSpec {
  /** `jvm`: a Java heap the guest sees as in use, with garbage-collection cycles */
  type: WorkloadType;
  /** jvm only: the committed heap, MiB */
  heapMiB: number;
  /**
   * jvm only: the JIT warm-up's time constant, ms (`jit_warmup`): the JVM's CPU for the same work
   * starts at three times the compiled cost and decays with it; 0 for none (and for a generic
   * workload). Absent in workloads built in code: none.
   */
  jitWarmupMs?: number;
  /**
   * Share of the guest's pages that compress to 2 KB or less (kept in the compression cache when
   * the host reclaims them; the others are swapped); absent means the model's default.
   */
  compressible?: number;
  /** Demand of each busy vCPU as a fraction of one pCPU (0..1). */
  cpu: number;
  /** Number of busy vCPUs (<= vcpus). */
  threads: number;
  pattern: Pattern;
  periodMs: number;
  activeMiB: number;
  dirtyMiBs: number;
  /** transmit demand, Mbit/s */
  netMbit: number;
  /** receive demand, Mbit/s (`net_rx`); absent means the same as `netMbit` */
  netRxMbit?: number;
  iops: number;
  /**
   * The guest kernel's own load on each vCPU when the application asks for nothing (timer
   * interrupts, kernel threads), fraction of one pCPU; absent means the model's 1%.
   */
  housekeeping?: number;
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
  /** vNIC shares on a saturated uplink (NIOC: low 25, normal 50, high 100); absent = normal */
  netShares?: number;
  /** virtual disk shares under SIOC (low 500, normal 1000, high 2000); absent = normal */
  diskShares?: number;
  cpuVirt: CpuVirt;
  restartPriority: RestartPriority;
  /**
   * Fault tolerance: false, or the kind of secondary — `legacy` (vSphere 4/5 record/replay: the
   * secondary executes the primary's instruction stream) or `smp` (vSphere 6+ fast checkpointing:
   * the secondary receives checkpoints). `ft: true` in a profile means `smp`.
   */
  ft: boolean | FtKind;
  /** size of the VM's virtual disk, MiB (`disk_size`): what a Storage vMotion copies; absent = 16 GiB */
  diskSizeMiB?: number;
  /** a virtual appliance (`appliance: true`) or a security virtual appliance (`appliance: sva`); absent: an ordinary VM */
  appliance?: ApplianceRole;
  /** a security virtual appliance's cost per VM it watches and its rule; present exactly when appliance is `sva` */
  introspection?: IntrospectionSpec;
  /**
   * Site Recovery: the VM is replicated to the other site with this recovery point objective, ms
   * (`rpo:`); absent: not protected
   */
  rpoMs?: number;
  /** its recovery plan's priority group, 1 (first) .. 5 (`recovery_priority:`, SRM's default 3) */
  recoveryPriority?: number;
  workload: WorkloadSpec;
}

export type ApplianceRole = 'appliance' | 'sva';

/** What a security virtual appliance spends on each VM it watches, and the rule it applies to them. */
export interface IntrospectionSpec {
  /** CPU per VM watched, fraction of one of the appliance's vCPUs */
  cpuPerVm: number;
  /** memory per VM watched (its state, its scan caches), MiB */
  memoryPerVmMiB: number;
  /** the rule: a watched VM transmitting above this multiple of its own baseline ... */
  netBurst: number;
  /** ... and above this rate, Mbit/s, is reported */
  netBurstMinMbit: number;
}

export { COMMAND_NAMES, type Command, type CommandName } from './commands.js';
import type { Command } from './commands.js';

export interface TimedCommand {
  atMs: number;
  command: Command;
}

export const VSERVER_SCHED = ['hard', 'soft'] as const;
export type VServerSched = (typeof VSERVER_SCHED)[number];

/**
 * A Linux-VServer guest (a security context on a `vserver` host) and its token bucket in kernel
 * units: R tokens every T ticks, at most S, held from empty until M (docs/model/vserver.md).
 */
export interface VServerSpec {
  name: string;
  host: string;
  /** chcontext id, 2..49151 (0 is the host, 1 the spectator) */
  context: number;
  /** chbind address, or null when the guest is not bound to one */
  ip: string | null;
  chroot: string;
  /** capabilities granted beyond the default guest set, e.g. CAP_NET_RAW */
  capabilities: string[];
  /** hard: an empty bucket holds the guest; soft: the bucket level only moves its priority */
  sched: VServerSched;
  fillRate: number;
  interval: number;
  tokensMin: number;
  tokensMax: number;
  /** bucket level at start */
  tokens: number;
  workload: WorkloadSpec;
}

export interface Profile {
  name: string;
  description: string;
  seed: number;
  quantumMs: number;
  hosts: HostSpec[];
  vms: VmSpec[];
  containers: ContainerSpec[];
  vservers: VServerSpec[];
  events: TimedCommand[];
  /** one cluster of all hosts; absent (or null) = no cluster services: HA, DRS, DPM stay off */
  cluster?: ClusterSpec | null;
  /** VM templates that `deploy` instantiates */
  templates?: TemplateSpec[];
  /** the datastores Storage DRS balances (`datastore_cluster:`); absent: no Storage DRS */
  datastoreCluster?: DatastoreClusterSpec;
  /** the recovery plan's settings (`site_recovery:`); absent: the defaults, when VMs have an `rpo` */
  siteRecovery?: SiteRecoverySpec;
}

export const SDRS_MODES = ['off', 'manual', 'auto'] as const;
export type SdrsMode = (typeof SDRS_MODES)[number];

/** The `datastore_cluster:` section: the datastores Storage DRS balances, and its settings. */
export interface DatastoreClusterSpec {
  /** off; manual (No Automation: recommendations only); auto (Fully Automated) */
  sdrs: SdrsMode;
  /** the hosts whose datastores are members (every datastore is named after its host) */
  datastores: string[];
  /** space used over capacity above which a datastore needs relief, 0..1 (vSphere: 80 %) */
  spaceThreshold: number;
  /** the 90th percentile of the datastore's latency above which it needs relief, ms (vSphere: 15) */
  latencyThresholdMs: number;
  /** a move needs the source this much fuller than the destination, 0..1 (vSphere: 5 %) */
  spaceDifference: number;
  /** how often Storage DRS runs, ms (vSphere: 8 h; the lab's default is shorter) */
  intervalMs: number;
  /** I/O latency counts (vSphere's "Enable I/O metric for SDRS recommendations") */
  ioMetric: boolean;
}

/** The `site_recovery:` section: the link between the sites and the recovery plan's delays. */
export interface SiteRecoverySpec {
  /** bandwidth of the replication link from one site to the other, Mbit/s */
  linkMbit: number;
  /** from a site's failure to the plan's first power-on, ms */
  startDelayMs: number;
  /** after a priority group's VMs are up, before the next group starts, ms (SRM's powerOnDelay) */
  powerOnDelayMs: number;
}

export const DRS_MODES = ['off', 'manual', 'auto'] as const;
export type DrsMode = (typeof DRS_MODES)[number];
export const ADMISSION_POLICIES = ['slots', 'percent', 'off'] as const;
export type AdmissionPolicy = (typeof ADMISSION_POLICIES)[number];
export const NONCONVERGENCE = ['stop_and_copy', 'abort'] as const;
export type NonConvergence = (typeof NONCONVERGENCE)[number];

/** The `cluster:` section (docs/cli.md, "Profiles"; its model: docs/model/cluster.md). */
export interface ClusterSpec {
  drs: DrsMode;
  /** migration threshold 1 (conservative) .. 5 (aggressive): applies recommendations of priority <= it */
  drsThreshold: number;
  ha: boolean;
  admission: AdmissionPolicy;
  /** slot policy: host failures the cluster must tolerate */
  failuresTolerated: number;
  /** percentage policy: share of CPU and memory kept free for failover (0..1) */
  failoverReserve: number;
  dpm: 'off' | 'auto';
  /** share of a host NIC that migrations may use (0..1) */
  vmotionShare: number;
  /** the pre-copy's switch-over goal: what is left must be sent within this, ms */
  downtimeMs: number;
  /** a pre-copy that does not converge: copy the rest with the VM stopped, or give up */
  nonConvergence: NonConvergence;
  /** no heartbeat from a host for this long and HA declares it failed, ms */
  haDetectionMs: number;
}

/** A VM template: a VM without a name of its own or a host; `deploy` makes VMs from it. */
export type TemplateSpec = Omit<VmSpec, 'host'>;

/** cgroup v2 limits of one cgroup; null = "max" (no limit). */
export interface CgroupLimits {
  /** cpu.weight 1..10000 */
  cpuWeight: number;
  /** cpu.max as a fraction of one CPU (0.5 = "50000 100000") */
  cpuMax: number | null;
  memoryMaxMiB: number | null;
  memoryHighMiB: number | null;
  pidsMax: number | null;
}

/** One container; each replica of a service is one, named NAME-i. */
export interface ContainerSpec extends CgroupLimits {
  name: string;
  /** the host whose hardware runs it (for a container inside a VM, the VM's host) */
  host: string;
  /** the VM whose kernel runs it; null on the host's own kernel */
  vm: string | null;
  image: string;
  /** uncompressed size of the image's read-only layers, MiB */
  imageMiB: number;
  ioWeight: number;
  /** `threads` are busy threads; a replica's load is the one it carries at the profile's replica count */
  workload: WorkloadSpec;
  /** the service (parent cgroup) of a replica; null for a lone container */
  service: ServiceSpec | null;
}

/** The parent cgroup of a service's replicas: its replica count and its own limits. */
export interface ServiceSpec extends CgroupLimits {
  name: string;
  replicas: number;
}

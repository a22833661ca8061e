// What each hypervisor family is, in one table: the profile loader, the engine and the monitor
// all read it, so a family's rules (where VMs and containers may run, what memory it keeps, who
// carries the guests' I/O, how it schedules an SMP VM's vCPUs) are stated once. Adding a family
// is one row here (and its name where the docs list the families).
//
// Pure data, no I/O: the engine imports it.

export interface HypervisorTraits {
  /** a hypervisor proper: VMs run on it (a container or VServer host shares one kernel) */
  runsVms: boolean;
  /** a Linux kernel of its own that runs cgroup v2 containers (on the host, not in a VM) */
  runsContainers: boolean;
  /**
   * memory the virtualization layer keeps for itself when a host gives no `reserved:`, MiB:
   * the VMkernel, Dom0, the parent partition, the host Linux, a desktop OS, a shared kernel
   */
  reservedMiB: number;
  /** the driver partition that runs the guests' I/O back ends (as xentop names it), or null */
  ioPartition: string | null;
  /** a type-2 hypervisor: a desktop OS whose own applications compete with the VMs (host_os_load) */
  hostOs: boolean;
  /**
   * the scheduler keeps an SMP VM's vCPUs together (co-stop, or strict gang scheduling): ESXi does;
   * Xen's credit scheduler, KVM under CFS, Hyper-V and VirtualBox schedule each vCPU on its own
   */
  coschedules: boolean;
  /** a Linux guest sees the time its vCPUs were ready but not run as steal time (KVM, Xen, ESXi's
   *  vmware_steal_clock); Hyper-V and VirtualBox do not report it */
  stealTime: boolean;
  /**
   * classic ESX: a Linux service console (the COS) that the VMkernel schedules as a world of its
   * own (esxtop's `console` group), with its own memory and the management agents' CPU in it
   */
  serviceConsole: boolean;
  /** VMs move, restart and keep FT secondaries only between hosts of one platform: ESX and ESXi
   *  share the VMkernel (vSphere 4 clusters mixed them), every other family is its own */
  platform: string;
  /** where the management agents (hostd, vpxa, the HA agent, hardware and backup agents) run: what
   *  an attacker who reaches the management network meets — a word of at most 7 letters for the
   *  hosts view (`vmk`: the VMkernel itself, as esxtop's PMEM line names it) */
  management: string;
  /** that place in a few words (at most 24 characters), for the host details */
  managementOs: string;
  /** the installed image on disk, MB, where the vendor published one (the chapter's and VMware's
   *  proxy for attack surface: every line of code can fail or be exploited); null: not published */
  footprintMB: number | null;
}

/** In the order the profile documentation lists them; the key is the profile's `hypervisor:` word. */
export const HYPERVISOR_TRAITS = {
  esxi: {
    runsVms: true, runsContainers: false, reservedMiB: 1024, ioPartition: null, hostOs: false, coschedules: true, stealTime: true,
    serviceConsole: false, platform: 'vmkernel', management: 'vmk', managementOs: 'VMkernel, no general OS', footprintMB: 32,
  },
  esx: {
    // classic ESX (2.x to 4.1): the VMkernel plus the service console, whose memory the loader adds to
    // reservedMiB (console_memory:); no steal clock reached guests then
    runsVms: true, runsContainers: false, reservedMiB: 1024, ioPartition: null, hostOs: false, coschedules: true, stealTime: false,
    serviceConsole: true, platform: 'vmkernel', management: 'console', managementOs: 'Linux service console', footprintMB: 1600,
  },
  xen: {
    runsVms: true, runsContainers: false, reservedMiB: 2048, ioPartition: 'Domain-0', hostOs: false, coschedules: false, stealTime: true,
    serviceConsole: false, platform: 'xen', management: 'dom0', managementOs: 'Domain-0 (Linux)', footprintMB: null,
  },
  hyperv: {
    runsVms: true, runsContainers: false, reservedMiB: 2048, ioPartition: 'Parent-Partition', hostOs: false, coschedules: false, stealTime: false,
    serviceConsole: false, platform: 'hyperv', management: 'parent', managementOs: 'parent (Windows Server)', footprintMB: null,
  },
  kvm: {
    runsVms: true, runsContainers: true, reservedMiB: 1024, ioPartition: null, hostOs: false, coschedules: false, stealTime: true,
    serviceConsole: false, platform: 'kvm', management: 'host', managementOs: 'the host Linux', footprintMB: null,
  },
  vbox: {
    runsVms: true, runsContainers: false, reservedMiB: 4096, ioPartition: null, hostOs: true, coschedules: false, stealTime: false,
    serviceConsole: false, platform: 'vbox', management: 'host os', managementOs: 'the desktop host OS', footprintMB: null,
  },
  vserver: {
    runsVms: false, runsContainers: true, reservedMiB: 512, ioPartition: null, hostOs: false, coschedules: false, stealTime: false,
    serviceConsole: false, platform: 'vserver', management: 'kernel', managementOs: 'the shared kernel', footprintMB: null,
  },
  linux: {
    runsVms: false, runsContainers: true, reservedMiB: 512, ioPartition: null, hostOs: false, coschedules: false, stealTime: false,
    serviceConsole: false, platform: 'linux', management: 'kernel', managementOs: 'the shared kernel', footprintMB: null,
  },
} as const satisfies Record<string, HypervisorTraits>;

export type Hypervisor = keyof typeof HYPERVISOR_TRAITS;

export const HYPERVISORS = Object.keys(HYPERVISOR_TRAITS) as unknown as readonly [Hypervisor, ...Hypervisor[]];

/** The traits of one family, typed as the interface (not the literal row). */
export const traits = (h: Hypervisor): HypervisorTraits => HYPERVISOR_TRAITS[h];

/** The families with a trait, in table order (for messages that list them). */
export const familiesThat = (trait: 'runsVms' | 'runsContainers' | 'hostOs' | 'coschedules' | 'serviceConsole'): Hypervisor[] =>
  HYPERVISORS.filter((h) => HYPERVISOR_TRAITS[h][trait]);

/** A VM of one may run on the other: the same platform (ESX and ESXi both run the VMkernel). */
export const samePlatform = (a: Hypervisor, b: Hypervisor): boolean => HYPERVISOR_TRAITS[a].platform === HYPERVISOR_TRAITS[b].platform;

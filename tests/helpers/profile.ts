// Profile objects built in code, so engine tests do not depend on the YAML loader.
import type { HostSpec, Profile, VmSpec, WorkloadSpec } from '../../src/profile/types.js';

export function host(name: string, over: Partial<HostSpec> = {}): HostSpec {
  return {
    name, hypervisor: 'esxi', coscheduling: 'relaxed', pcpus: 1, mhz: 2000, memoryMiB: 65536,
    reservedMiB: 1024, nicMbit: 10000, disk: { iops: 20000, bandwidthMiBs: 1000, latencyMs: 0.5 },
    hz: 1000, hostOsLoad: 0, ...over,
  };
}

export function vm(name: string, hostName: string, over: Partial<Omit<VmSpec, 'workload'>> & { workload?: Partial<WorkloadSpec> } = {}): VmSpec {
  const vcpus = over.vcpus ?? 1;
  const { workload, ...rest } = over;
  return {
    name, host: hostName, vcpus, memoryMiB: 1024, guest: 'linux', shares: 1000 * vcpus,
    reservationMHz: 0, limitMHz: null, memShares: 10240, memReservationMiB: 0, memLimitMiB: null,
    io: 'paravirtual', cpuVirt: 'hardware', restartPriority: 'medium', ft: false,
    ...rest,
    workload: { cpu: 1, threads: vcpus, pattern: 'steady', periodMs: 60000, activeMiB: 256,
      dirtyMiBs: 0, netMbit: 0, iops: 0, type: 'generic', heapMiB: 0, ...workload },
  };
}

export function profile(hosts: HostSpec[], vms: VmSpec[], over: Partial<Profile> = {}): Profile {
  return { name: 'test', description: '', seed: 1, quantumMs: 10, hosts, vms, containers: [], vservers: [], events: [], ...over };
}

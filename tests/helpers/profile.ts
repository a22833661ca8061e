// Profile objects built in code, so engine tests do not depend on the YAML loader, and the one way
// the engine tests measure a run.
import { Engine } from '../../src/engine/engine.js';
import type { Snapshot, VmSample } from '../../src/engine/snapshot.js';
import type { HostSpec, Profile, VmSpec, WorkloadSpec } from '../../src/profile/types.js';

/** A workload busy on one thread with no memory, network or disk unless told otherwise. */
export function workload(over: Partial<WorkloadSpec> = {}): WorkloadSpec {
  return {
    type: 'generic', heapMiB: 0, jitWarmupMs: 0, cpu: 1, threads: 1, pattern: 'steady', periodMs: 60000,
    activeMiB: 0, dirtyMiBs: 0, netMbit: 0, iops: 0, ...over,
  };
}

/** The sample that covers `ms` after a warm-up of `warmMs` (whose own sample is discarded). */
export function sampleAfter(p: Profile, warmMs: number, ms: number): Snapshot {
  const e = new Engine(p);
  e.advance(warmMs);
  e.sample();
  e.advance(ms);
  return e.sample();
}

/** A sample's VMs by name. */
export function vmsByName(s: Snapshot): Map<string, VmSample> {
  return new Map(s.vms.map((v) => [v.name, v]));
}

/** The VMs of the sample that covers `ms` after a warm-up of `warmMs`, by name. */
export function measureVms(p: Profile, warmMs: number, ms: number): Map<string, VmSample> {
  return vmsByName(sampleAfter(p, warmMs, ms));
}

export function host(name: string, over: Partial<HostSpec> = {}): HostSpec {
  return {
    name, hypervisor: 'esxi', coscheduling: 'relaxed', pcpus: 1, mhz: 2000, memoryMiB: 65536,
    reservedMiB: 1024, nicMbit: 10000, disk: { iops: 20000, bandwidthMiBs: 1000, latencyMs: 0.5 },
    hz: 1000, hostOsLoad: 0, ...over,
  };
}

const DEFAULT_VM_WORKLOAD = workload({ activeMiB: 256 });

export function vm(name: string, hostName: string, over: Partial<Omit<VmSpec, 'workload'>> & { workload?: Partial<WorkloadSpec> } = {}): VmSpec {
  const vcpus = over.vcpus ?? 1;
  const { workload, ...rest } = over;
  return {
    name, host: hostName, vcpus, memoryMiB: 1024, guest: 'linux', shares: 1000 * vcpus,
    reservationMHz: 0, limitMHz: null, memShares: 10240, memReservationMiB: 0, memLimitMiB: null,
    io: 'paravirtual', cpuVirt: 'hardware', restartPriority: 'medium', ft: false,
    ...rest,
    workload: { ...DEFAULT_VM_WORKLOAD, threads: vcpus, ...workload },
  };
}

export function profile(hosts: HostSpec[], vms: VmSpec[], over: Partial<Profile> = {}): Profile {
  return { name: 'test', description: '', seed: 1, quantumMs: 10, hosts, vms, containers: [], vservers: [], events: [], ...over };
}

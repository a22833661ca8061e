// Containers built in code, so the cgroup tests do not depend on the YAML loader.
import type { ContainerSample, Snapshot } from '../../../src/engine/snapshot.js';
import type { Command, ContainerSpec, HostSpec, Profile, ServiceSpec, VmSpec, WorkloadSpec } from '../../../src/profile/types.js';
import { host, profile, sampleAfter, workload } from '../../helpers/profile.js';

type Over = Partial<Omit<ContainerSpec, 'workload' | 'service'>> & { workload?: Partial<WorkloadSpec>; service?: ServiceSpec | null };

/** A container on `where` (a host, or a VM with `vm:`), busy on one thread unless told otherwise. */
export function ctr(name: string, where: string, over: Over = {}): ContainerSpec {
  const { workload: _workload, ...rest } = over;
  return {
    name, host: where, vm: null, image: 'busybox', imageMiB: 4, ioWeight: 100,
    cpuWeight: 100, cpuMax: null, memoryMaxMiB: null, memoryHighMiB: null, pidsMax: null, service: null,
    ...rest,
    workload: workload({ activeMiB: 64, ...over.workload }),
  };
}

/** `replicas` clones of `spec` forming a service named `name`. */
export function svc(name: string, replicas: number, spec: ContainerSpec, limits: Partial<ServiceSpec> = {}): ContainerSpec[] {
  const service: ServiceSpec = { name, replicas, cpuWeight: 100, cpuMax: null, memoryMaxMiB: null, memoryHighMiB: null, pidsMax: null, ...limits };
  return Array.from({ length: replicas }, (_, i) => ({ ...spec, name: `${name}-${i + 1}`, service }));
}

export function linux(name: string, pcpus = 1, over: Partial<HostSpec> = {}): HostSpec {
  return host(name, { hypervisor: 'linux', pcpus, reservedMiB: 512, memoryMiB: 16384, ...over });
}

export function lab(hosts: HostSpec[], vms: VmSpec[], containers: ContainerSpec[], events: { atMs: number; command: Command }[] = []): Profile {
  return { ...profile(hosts, vms, { events }), containers, vservers: [] } as Profile;
}

/** Containers by name over `ms` after `warmMs`. */
export function measure(p: Profile, warmMs: number, ms: number): Map<string, ContainerSample> {
  return byName(sampleAfter(p, warmMs, ms));
}

export function byName(s: Snapshot): Map<string, ContainerSample> {
  return new Map(s.containers.map((c) => [c.name, c]));
}

// The driver partition of a Xen host (Domain-0) or a Hyper-V host (Parent-Partition): a
// privileged guest with its own vCPUs and memory that runs the back-end drivers (netback,
// blkback, the VSPs answering the guests' VSCs over VMBus). Its CPU demand is its own small
// load plus whatever back-end work the guests' I/O gives it; the I/O model sets that level.

import type { HostSpec } from '../../profile/types.js';
import { systemWorkload, WorkloadState } from '../cpu/workload.js';
import type { Rng } from '../rng.js';
import type { GroupRuntime } from '../runtime.js';
import { PARTITION_BASE_LOAD, PARTITION_MAX_VCPUS, PARTITION_SHARES_PER_VCPU } from './constants.js';
import { traits } from '../../profile/hypervisors.js';

export function partitionGroup(host: HostSpec, gid: number, rng: Rng): GroupRuntime | null {
  const name = traits(host.hypervisor).ioPartition;
  if (!name) return null;
  const vcpus = Math.min(PARTITION_MAX_VCPUS, host.pcpus);
  const spec = systemWorkload(PARTITION_BASE_LOAD, vcpus);
  return {
    gid, name, kind: 'system', vcpus, shares: PARTITION_SHARES_PER_VCPU * vcpus,
    reservationMHz: 0, limitMHz: null, state: 'running', memory: null, cpuOverhead: 0,
    // its memory is the host's reserve: all of it granted and in use
    systemMiB: host.reservedMiB,
    // no guest housekeeping: the level set by the I/O model is all it does
    workload: new WorkloadState(spec, vcpus, rng, 0),
  };
}

/** Back-end work spread over the partition's vCPUs, as a fraction of one pCPU each. */
export function setPartitionLoad(group: GroupRuntime, backendPcpus: number): void {
  const level = PARTITION_BASE_LOAD + backendPcpus / group.vcpus;
  group.workload.spec.cpu = level > 1 ? 1 : level;
}

/** The host's driver partition when it is down (failed or booting after a restart), else null. */
export function partitionDown(host: { io: { partition: number }; groups: readonly GroupRuntime[] }): GroupRuntime | null {
  const p = host.io.partition;
  return p >= 0 && host.groups[p].state !== 'running' ? host.groups[p] : null;
}

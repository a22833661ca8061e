// HA admission control (docs/model/cluster.md, "HA admission control"): how much of the cluster
// must stay free so that the VMs of failed hosts can restart elsewhere. The slot policy counts
// fixed-size slots per host and assumes the largest hosts fail; the percentage policy keeps a share
// of CPU and memory unreserved. Both decide whether a VM may power on; an HA restart needs a host
// with room.

import { EPS } from '../../eps.js';

/** A VM's claim for admission: its reservations (memory including the VMM's overhead). */
export interface Claim {
  cpuMHz: number;
  memMiB: number;
}

export interface Capacity {
  cpuMHz: number;
  memMiB: number;
}

/** das.vmcpuminmhz: the CPU slot when no VM reserves CPU. */
export const MIN_SLOT_CPU_MHZ = 32;
/** …and a memory slot floor when none reserves memory [assumption: the VMM overhead of a small VM]. */
export const MIN_SLOT_MEM_MIB = 32;

export interface Slot {
  cpuMHz: number;
  memMiB: number;
}

/** The slot: the largest CPU and the largest memory reservation among powered-on VMs. */
export function slotSize(claims: readonly Claim[]): Slot {
  let cpu = MIN_SLOT_CPU_MHZ;
  let mem = MIN_SLOT_MEM_MIB;
  for (const c of claims) {
    cpu = Math.max(cpu, c.cpuMHz);
    mem = Math.max(mem, c.memMiB);
  }
  return { cpuMHz: cpu, memMiB: mem };
}

/** Slots on a host: min(floor(CPU / slot CPU), floor(memory / slot memory)). */
export function hostSlots(host: Capacity, slot: Slot): number {
  return Math.min(Math.floor(host.cpuMHz / slot.cpuMHz + EPS), Math.floor(host.memMiB / slot.memMiB + EPS));
}

/**
 * Host failures the cluster tolerates under the slot policy: how many of the largest hosts can
 * fail while the slots left still hold every powered-on VM.
 */
export function failoverCapacity(hosts: readonly Capacity[], claims: readonly Claim[]): number {
  const slot = slotSize(claims);
  const slots = hosts.map((h) => hostSlots(h, slot)).sort((a, b) => b - a);
  let left = slots.reduce((a, b) => a + b, 0);
  let failures = 0;
  for (const s of slots) {
    left -= s;
    if (left < claims.length) break;
    failures++;
  }
  return failures;
}

/** The percentage policy's current failover capacity: share of CPU and of memory unreserved. */
export function failoverPercent(hosts: readonly Capacity[], claims: readonly Claim[]): { cpu: number; mem: number } {
  const cpu = hosts.reduce((a, h) => a + h.cpuMHz, 0);
  const mem = hosts.reduce((a, h) => a + h.memMiB, 0);
  const rc = claims.reduce((a, c) => a + c.cpuMHz, 0);
  const rm = claims.reduce((a, c) => a + c.memMiB, 0);
  return { cpu: cpu > 0 ? (cpu - rc) / cpu : 0, mem: mem > 0 ? (mem - rm) / mem : 0 };
}

export type AdmissionPolicyName = 'slots' | 'percent' | 'off';

export interface AdmissionSettings {
  policy: AdmissionPolicyName;
  failuresTolerated: number;
  /** percentage policy: share to keep free, 0..1 */
  reserve: number;
}

/**
 * Whether one more VM (`extra`) may power on among `claims` on `hosts` (the hosts up); the reason
 * when it may not.
 */
export function admit(s: AdmissionSettings, hosts: readonly Capacity[], claims: readonly Claim[], extra: Claim): string | null {
  if (s.policy === 'off') return null;
  const all = [...claims, extra];
  if (s.policy === 'slots') {
    const cap = failoverCapacity(hosts, all);
    if (cap >= s.failuresTolerated) return null;
    return `admission control (slots): powering it on would leave the cluster tolerating ${cap} host failure${cap === 1 ? '' : 's'}, ${s.failuresTolerated} required`;
  }
  const p = failoverPercent(hosts, all);
  const low = Math.min(p.cpu, p.mem);
  if (low >= s.reserve - EPS) return null;
  return `admission control (percent): ${(low * 100).toFixed(1)}% of the cluster would stay unreserved, ${(s.reserve * 100).toFixed(0)}% required`;
}

// Whether a VM may move to a host, and if not why — what a migration refusal says and what the
// host picker shows next to each host.

import { samePlatform } from '../../profile/hypervisors.js';
import { partitionDown } from '../io/partition.js';
import type { HostRuntime } from '../runtime.js';
import type { ClusterContext, VmPlace } from './context.js';

/** Why `place`'s VM cannot migrate to `to` now; null if it can. */
export function migrationBlock(ctx: ClusterContext, place: VmPlace, to: HostRuntime): string | null {
  const { host: from, group } = place;
  const vm = group.name;
  if (group.state !== 'running') return `${vm} is ${group.state === 'migrating' ? 'already migrating' : group.state}`;
  if (group.passthrough) return `${vm} has a passthrough (DirectPath I/O) device tied to ${from.spec.name}'s hardware: vMotion and DRS moves are not available`;
  if (ctx.relocating.has(vm)) return `${vm}'s disk is moving (Storage vMotion)`;
  // an agent VM: its job is the VMs of its own host
  if (group.spec?.appliance === 'sva') return `${vm} is a security virtual appliance: it watches ${from.spec.name}'s VMs and stays on that host`;
  if (to === from) return `${vm} is already on ${to.spec.name}`;
  const targetDown = hostDown(to);
  if (targetDown) return targetDown;
  if (ctx.draining === to) return `${to.spec.name} is entering standby`;
  // Xen's and Hyper-V's live migration runs in the driver partition's toolstack, and sends the
  // pages through its network back end
  for (const h of [from, to]) {
    const p = partitionDown(h);
    if (p) return `${p.name} on ${h.spec.name} is down: the migration runs through it`;
  }
  if (!samePlatform(to.spec.hypervisor, from.spec.hypervisor)) {
    return `${to.spec.name} runs ${to.spec.hypervisor}, ${vm} runs on ${from.spec.hypervisor}`;
  }
  if (ctx.hasContainers(vm)) return `${vm} runs containers, which would not follow it`;
  const need = ctx.footprint(group);
  const free = ctx.unreserved(to);
  if (need > free) return `${to.spec.name} lacks the memory: ${vm} needs ${Math.round(need)} MiB, ${Math.round(Math.max(0, free))} MiB free`;
  return null;
}

/** Why a host cannot take VMs at all (failed, standby); null when it is up. */
export function hostDown(host: HostRuntime): string | null {
  if (host.state === 'failed') return `${host.spec.name} is down (failed)`;
  if (host.state === 'standby') return `${host.spec.name} is in standby`;
  return null;
}

export interface HostChoice {
  host: string;
  /** the VM may migrate there */
  eligible: boolean;
  /** why not, when it may not */
  reason: string | null;
}

/** Every host with whether the VM may migrate there: the host picker's rows. */
export function migrationTargets(ctx: ClusterContext, vmName: string): HostChoice[] {
  const place = ctx.find(vmName);
  return ctx.hosts.map((h) => {
    const reason = place ? migrationBlock(ctx, place, h) : `no VM named "${vmName}"`;
    return { host: h.spec.name, eligible: reason === null, reason };
  });
}

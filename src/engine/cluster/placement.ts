// Where a VM can start or restart: a host that is up, runs the VM's hypervisor, has the memory the
// VM needs to start (its VMM overhead and reservation, unreserved) and — under the slot policy — a
// free slot, or — under the percentage policy — the unreserved CPU for its CPU reservation. Among
// those, the one with the most unreserved capacity (HA) or the least loaded (DRS placing a new VM).
//
// These are the per-host room checks that every start passes, HA restarts included. The
// cluster-wide admission test (slots: the host failures tolerated; percent: the share of CPU and
// memory kept unreserved, docs/model/cluster.md, "HA admission control") is applied on top to
// power-ons and deploys only (see lifecycle.ts), not to HA restarts: as in vSphere, admission
// control keeps failover capacity free *so that* restarts fit; a restart after a failure draws on
// that reserve rather than being refused by it, and places VMs best-effort on the capacity left.
// Under slots a restart thus needs a free slot on some host but may leave the cluster tolerating
// fewer failures; under percent it needs a host with the unreserved CPU and memory for its
// reservations but may leave less than the reserve unreserved (HA says so, and power-ons are
// refused until capacity returns).

import { samePlatform, traits, type Hypervisor } from '../../profile/hypervisors.js';
import type { VmSpec } from '../../profile/types.js';
import { memReservation } from '../memory/reservation.js';
import type { GroupRuntime, HostRuntime } from '../runtime.js';
import { hostSlots, slotSize, type Claim } from './admission.js';
import type { ClusterContext } from './context.js';
import { hostDown } from './eligibility.js';
import { EPS } from '../../eps.js';

/** A powered-on VM's claim: CPU reservation, memory reservation plus the VMM's overhead. */
export function claimOf(spec: VmSpec, group: GroupRuntime): Claim {
  return { cpuMHz: spec.reservationMHz, memMiB: memReservation(spec) + (group.memory?.overheadMiB ?? 0) };
}

export function runningClaims(ctx: ClusterContext): { claims: Claim[]; perHost: Map<HostRuntime, number> } {
  const claims: Claim[] = [];
  const perHost = new Map<HostRuntime, number>();
  for (const { host, group } of ctx.vms()) {
    if (group.state !== 'running' && group.state !== 'migrating') continue;
    const spec = group.spec;
    if (!spec) continue;
    claims.push(claimOf(spec, group));
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
  }
  return { claims, perHost };
}

/** Capacity that admission control counts: CPU MHz and memory less the hypervisor's reserve. */
export function capacityOf(host: HostRuntime): { cpuMHz: number; memMiB: number } {
  return { cpuMHz: host.spec.pcpus * host.spec.mhz, memMiB: host.spec.memoryMiB - host.spec.reservedMiB };
}

/** Why the VM cannot start on `host`; null when it can. */
export function startBlock(ctx: ClusterContext, group: GroupRuntime, host: HostRuntime, hypervisorOf?: Hypervisor): string | null {
  const down = hostDown(host);
  if (down) return down;
  if (!traits(host.spec.hypervisor).runsVms) return `${host.spec.name} is a ${host.spec.hypervisor} host and runs no VMs`;
  if (hypervisorOf && !samePlatform(host.spec.hypervisor, hypervisorOf)) return `${host.spec.name} runs ${host.spec.hypervisor}, not ${hypervisorOf}`;
  const spec = group.spec;
  if (!spec) return 'not a VM';
  const need = ctx.startNeed(spec, group);
  const free = ctx.unreserved(host);
  if (need > free) return `${host.spec.name} lacks the memory: needs ${Math.round(need)} MiB, ${Math.round(Math.max(0, free))} MiB free`;
  if (ctx.enabled && ctx.spec.admission === 'slots') {
    const { claims, perHost } = runningClaims(ctx);
    const slot = slotSize([...claims, claimOf(spec, group)]);
    if ((perHost.get(host) ?? 0) >= hostSlots(capacityOf(host), slot)) return `${host.spec.name} has no free slot`;
  }
  if (ctx.enabled && ctx.spec.admission === 'percent' && spec.reservationMHz > 0) {
    // the percentage policy counts CPU reservations too: the host must have them unreserved
    const free = capacityOf(host).cpuMHz - reservedCpu(host, group);
    if (spec.reservationMHz > free + EPS) {
      return `${host.spec.name} lacks unreserved CPU: needs ${Math.round(spec.reservationMHz)} MHz reserved, ${Math.round(Math.max(0, free))} MHz unreserved`;
    }
  }
  return null;
}

/** CPU reserved on a host by its powered-on VMs other than `except`, MHz. */
function reservedCpu(host: HostRuntime, except: GroupRuntime): number {
  let mhz = 0;
  for (const g of host.groups) {
    if (g === except || g.kind !== 'vm' || !g.spec || (g.state !== 'running' && g.state !== 'migrating')) continue;
    mhz += g.spec.reservationMHz;
  }
  return mhz;
}

/**
 * The host to (re)start a VM on: of the hosts where it can start, the one with the most
 * unreserved memory. `{ host: null, reason }` when none can take it. With `site`, only that
 * site's hosts (each site is a vCenter's own: HA restarts within it, Site Recovery across).
 */
export function placeVm(
  ctx: ClusterContext, group: GroupRuntime, hypervisor: Hypervisor, exclude?: HostRuntime, site?: string,
): { host: HostRuntime | null; reason: string } {
  let best: HostRuntime | null = null;
  let bestFree = -Infinity;
  const reasons: string[] = [];
  for (const h of ctx.hosts) {
    if (h === exclude || (site !== undefined && h.spec.site !== site)) continue;
    const why = startBlock(ctx, group, h, hypervisor);
    if (why) { reasons.push(why); continue; }
    const free = ctx.unreserved(h);
    if (free > bestFree) { best = h; bestFree = free; }
  }
  if (best) return { host: best, reason: '' };
  if (site === undefined) return { host: null, reason: reasons.length ? reasons.join('; ') : 'no host' };
  return { host: null, reason: `no host of site ${site} can take it${reasons.length ? ` (${reasons.join('; ')})` : ''}; each site restarts its own VMs` };
}

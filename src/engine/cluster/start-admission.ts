// The lab's first instant: every VM of the profile is powered on, and each power-on is admitted as
// ESXi admits one — the VM's memory reservation plus the VMM's overhead memory must fit in what
// the host has not yet promised (its memory less the hypervisor's own reserve, less what the VMs
// admitted before it claim). Configured memory beyond that is overcommit, reclaimed as the host
// runs short (the memory model's business); a reservation or overhead that does not fit cannot be
// reclaimed, so that VM stays off, with the reason as an event, as a `power_on` would be refused.
// VMs are admitted in the profile's order, as a host powers them on one after another.

import { capacityOf, claimOf } from './placement.js';
import type { ClusterContext, VmPlace } from './context.js';

/** Powers off the VMs whose reservation and overhead do not fit on their host at start. */
export function admitAtStart(ctx: ClusterContext, tMs: number): void {
  const claimed = new Map<VmPlace['host'], number>();
  const refused: VmPlace[] = [];
  for (const place of ctx.vms()) {
    const { host, group } = place;
    if (!group.spec || !group.memory || (group.state !== 'running' && group.state !== 'migrating')) continue;
    const need = claimOf(group.spec, group).memMiB;
    const promised = claimed.get(host) ?? 0;
    const unreserved = capacityOf(host).memMiB - promised;
    if (need > unreserved) {
      refused.push(place);
      const detail = `power_on at start: ${host.spec.name} lacks the memory: needs ${Math.round(need)} MiB ` +
        `(reservation ${Math.round(group.spec.memReservationMiB)} + overhead ${Math.round(group.memory.overheadMiB)}), ` +
        `${Math.round(Math.max(0, unreserved))} MiB unreserved`;
      ctx.emit(tMs, 'refused', group.name, detail);
      continue;
    }
    claimed.set(host, promised + need);
  }
  for (const place of refused) ctx.power(place, 'off');
}

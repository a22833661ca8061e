// What the cluster's services share: the hosts, the VMs' specs, the settings, the event log, and
// the few operations that change where a VM is or whether it runs.

import type { ClusterSpec, Profile, VmSpec } from '../../profile/types.js';
import { memReservation } from '../memory/reservation.js';
import { ZIP_RATIO } from '../memory/constants.js';
import type { GroupRuntime, HostRuntime } from '../runtime.js';
import type { VmState } from '../snapshot.js';
import { setGroups, type LayoutContext } from './membership.js';

export type Emit = (tMs: number, kind: string, target: string, detail: string) => void;

export interface VmPlace {
  host: HostRuntime;
  group: GroupRuntime;
}

export class ClusterContext {
  readonly layout: LayoutContext;
  /** the host DPM is evacuating for standby: no VM may move there */
  draining: HostRuntime | null = null;
  /** VMs whose disk Storage vMotion is moving, with the hosts whose datastores it leaves and goes to */
  readonly relocating = new Map<string, { from: HostRuntime; to: HostRuntime }>();

  constructor(
    readonly profile: Profile,
    readonly hosts: HostRuntime[],
    readonly spec: ClusterSpec,
    /** true when the profile has a `cluster:` section: HA, DRS and DPM run only then */
    readonly enabled: boolean,
    readonly specs: Map<string, VmSpec>,
    readonly emit: Emit,
    reindex: (host: HostRuntime) => void,
    /** true when the VM's guest runs containers, which cannot move with it */
    readonly hasContainers: (vm: string) => boolean,
  ) {
    this.layout = { profile, specs, reindex };
  }

  find(name: string): VmPlace | undefined {
    for (const host of this.hosts) {
      for (const group of host.groups) if (group.kind === 'vm' && group.name === name) return { host, group };
    }
    return undefined;
  }

  host(name: string): HostRuntime | undefined {
    return this.hosts.find((h) => h.spec.name === name);
  }

  *vms(): Generator<VmPlace> {
    for (const host of this.hosts) for (const group of host.groups) if (group.kind === 'vm') yield { host, group };
  }

  /** Move a VM's group with all its state from one host to another. */
  move(group: GroupRuntime, from: HostRuntime, to: HostRuntime): void {
    const index = from.groups.indexOf(group);
    setGroups(this.layout, to, [...to.groups, group], (g) => (g === group ? { host: from, index } : { host: to, index: to.groups.indexOf(g) }));
    setGroups(this.layout, from, from.groups.filter((g) => g !== group), (g) => ({ host: from, index: from.groups.indexOf(g) }));
  }

  /** A new VM's group joins a host (deploy). */
  add(group: GroupRuntime, to: HostRuntime): void {
    setGroups(this.layout, to, [...to.groups, group], (g) => (g === group ? undefined : { host: to, index: to.groups.indexOf(g) }));
  }

  /** Run or stop a VM where it is: stopped, it uses no CPU and holds no memory. */
  power(place: VmPlace, state: VmState): void {
    const { host, group } = place;
    const on = state === 'running' || state === 'migrating';
    group.state = state;
    host.cpu.setOn(host.groups.indexOf(group), on);
    const m = group.memory;
    if (!m) return;
    if (!on) m.release();
    m.powered = on;
    host.memory.refresh();
  }

  /** Memory a VM needs to run on a host it moves to, MiB. */
  footprint(group: GroupRuntime): number {
    const m = group.memory;
    return m ? m.footprint(ZIP_RATIO) : 0;
  }

  /** Memory a VM needs to start (power on, restart): the VMM's overhead and its reservation. */
  startNeed(spec: VmSpec, group: GroupRuntime): number {
    return (group.memory?.overheadMiB ?? 0) + memReservation(spec);
  }

  /** Unreserved memory of a host: what is free less what powered-on reservations still claim. */
  unreserved(host: HostRuntime): number {
    let claimed = 0;
    for (const g of host.groups) {
      const m = g.memory;
      if (!m || !m.powered) continue;
      claimed += Math.max(0, m.reservationMiB - (m.R + m.Z));
    }
    return host.memory.freeNow() - claimed;
  }
}

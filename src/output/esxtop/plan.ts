// Which entities get columns in which host's file: every group that ran on the host at some
// sample (a VM deployed, migrated in or restarted there by HA mid-run included), every container
// and VServer guest that was there. Observing a whole run first (the engine is deterministic)
// is what lets `-n` write a header that loses nothing.

import type { ContainerSample, HostSample, Snapshot, VmSample, VServerSample } from '../../engine/snapshot.js';

export interface GroupRef {
  gid: number;
  name: string;
  kind: VmSample['kind'];
  /** world ids of its vCPUs, by index, as the engine first showed them */
  wids: number[];
  /** the hosts whose datastore held its disk while it ran here, with their index */
  datastores: Map<string, number>;
}

export interface HostPlan {
  name: string;
  /** the host's index in the profile */
  id: number;
  pcpus: number;
  groups: Map<number, GroupRef>;
  containers: Map<string, ContainerSample>;
  vservers: Map<string, VServerSample>;
}

/** A group has worlds on its host only while it runs there (esxtop lists no others). */
export function runsOn(v: VmSample, host: string): boolean {
  return v.host === host && (v.state === 'running' || v.state === 'migrating');
}

/** The host whose datastore holds a VM's disk: its own, unless Storage vMotion moved it. */
export function datastoreOf(v: VmSample): string {
  return v.datastore ?? v.host;
}

export function hostIsUp(h: HostSample): boolean {
  return h.state === 'up';
}

export class RunPlan {
  readonly hosts: HostPlan[] = [];
  private byName = new Map<string, HostPlan>();

  /** Adds what `s` shows; returns the groups and containers seen on a host for the first time. */
  observe(s: Snapshot): { host: string; what: string }[] {
    const added: { host: string; what: string }[] = [];
    for (const h of s.hosts) {
      if (!this.byName.has(h.name)) {
        const p: HostPlan = { name: h.name, id: h.id, pcpus: h.pcpus, groups: new Map(), containers: new Map(), vservers: new Map() };
        this.byName.set(h.name, p);
        this.hosts.push(p);
      }
    }
    for (const v of s.vms) {
      const p = this.byName.get(v.host);
      if (!p || !runsOn(v, v.host)) continue;
      let g = p.groups.get(v.gid);
      if (!g) {
        g = { gid: v.gid, name: v.name, kind: v.kind, wids: v.vcpu.map((c) => c.wid), datastores: new Map() };
        p.groups.set(v.gid, g);
        added.push({ host: p.name, what: `VM ${v.name}` });
      } else if (v.vcpu.length > g.wids.length) {
        for (let i = g.wids.length; i < v.vcpu.length; i++) g.wids.push(v.vcpu[i].wid);
      }
      const ds = this.byName.get(datastoreOf(v));
      if (ds) g.datastores.set(ds.name, ds.id);
    }
    for (const c of s.containers) {
      const p = this.byName.get(c.host);
      if (p && !p.containers.has(c.name)) {
        p.containers.set(c.name, c);
        added.push({ host: p.name, what: `container ${c.name}` });
      }
    }
    for (const v of s.vservers) {
      const p = this.byName.get(v.host);
      if (p && !p.vservers.has(v.name)) {
        p.vservers.set(v.name, v);
        added.push({ host: p.name, what: `VServer guest ${v.name}` });
      }
    }
    return added;
  }

  host(name: string): HostPlan | undefined {
    return this.byName.get(name);
  }
}

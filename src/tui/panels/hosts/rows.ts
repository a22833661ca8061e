// The hosts (cluster) overview's rows (`o`): one per host with its state, hypervisor, CPU and
// memory use and its VMs, and under a host opened with `e` its VMs with their state
// (running, migrating n%, suspended, off, down and why). Host rows are keyed `host:<name>`, VM
// rows `vm:<gid>` like every VM panel, so a VM selected here stays selected in c, m, n and d.

import { memDemandMiB } from '../../../engine/cluster/drs.js';
import { dur } from '../header-line.js';
import type { ClusterSample, HostSample, Snapshot, VmSample } from '../../../engine/snapshot.js';
import type { Level } from '../../../fields/cpu.js';
import { traits } from '../../../profile/hypervisors.js';
import { orderIn, vmStateWord, type PanelRow, type PanelSorts, type SortKey } from '../rows.js';

/** The profile's host order (a load order would make the rows jump), or N by name. */
export const HOSTS_SORTS: PanelSorts = { default: 'IO', accepts: ['IO', 'NAME'] };

export interface HostRow extends PanelRow {
  kind: 'host' | 'vm';
  /** the host the row is, or the VM's host */
  host: string;
  /** a host: shown with its VMs */
  open: boolean;
  state: { word: string; level: Level };
  /** a host's hypervisor; '' on VM rows */
  hypervisor: string;
  /** a host: the memory its virtualization layer keeps (VMkernel, service console, Dom0, host OS), MiB; null on VM rows */
  reserved: number | null;
  /** a host: where its management agents run (the hypervisor-traits table's word); '' on VM rows */
  management: string;
  /** CPU demand over the host's capacity (a VM: its share of its host), 0..1 and above */
  cpu: number;
  /** memory in use over the host's memory (a VM: what it consumes), 0..1 */
  mem: number;
  /** the DRS memory load: memory demand over the host's memory for VMs (a VM: its share), 0..1 and above */
  memLoad: number;
  /** a host: running / registered VMs; '' on VM rows */
  vms: string;
  /** migrations in flight, DPM draining, why a VM is down, FT */
  activity: string;
  activityLevel?: Level;
}

/** A VM's memory demand as DRS counts it, over its host's memory for VMs. */
function vmMemLoad(v: VmSample, h: HostSample): number {
  return memDemandMiB(v.ACTV, v.CNSM, v.OVHD) / Math.max(1, h.MEM_TOTAL - h.reserved);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function hostState(h: HostSample, draining: boolean): { word: string; level: Level } {
  if (h.state === 'failed') return { word: 'FAILED', level: 'alarm' };
  if (h.state === 'standby') return { word: 'standby', level: 'warn' };
  if (draining) return { word: 'draining', level: 'warn' };
  return { word: 'up', level: 'ok' };
}

/** Migrations in flight through a host: `db → esx-b 45%` out, `db ← esx-a 45%` in. */
function hostActivity(cluster: ClusterSample | undefined, h: HostSample, down: number): { text: string; level?: Level } {
  const migs = (cluster?.migrations ?? []).filter((m) => m.from === h.name || m.to === h.name)
    .map((m) => (m.from === h.name ? `${m.vm} → ${m.to} ${pct(m.progress)}` : `${m.vm} ← ${m.from} ${pct(m.progress)}`));
  // Storage vMotion through its datastore: `db disk → esx-b 45%` out, `db disk ← esx-a 45%` in
  const disks = (cluster?.relocations ?? []).filter((r) => r.from === h.name || r.to === h.name)
    .map((r) => (r.from === h.name ? `${r.vm} disk → ${r.to} ${pct(r.progress)}` : `${r.vm} disk ← ${r.from} ${pct(r.progress)}`));
  const draining = cluster?.hosts.find((c) => c.name === h.name)?.draining;
  const parts = [...(draining ? ['DPM: evacuating for standby'] : []), ...migs, ...disks];
  if (down > 0) parts.push(`${down} VM${down === 1 ? '' : 's'} down`);
  // its datastore past a Storage DRS threshold
  const ds = cluster?.storageDrs?.datastores.find((d) => d.name === h.name && d.state === 'up');
  const sdrs = cluster?.storageDrs;
  if (ds && sdrs && ds.overSpace) parts.push(`datastore ${(ds.usedMiB / ds.capacityMiB * 100).toFixed(1)}% used > ${Math.round(sdrs.spaceThreshold * 100)}%`);
  if (ds && sdrs && ds.overLatency) parts.push(`datastore p90 ${ds.p90Ms!.toFixed(1)} ms > ${sdrs.latencyThresholdMs} ms`);
  // the site it is at, first, when hosts name sites
  const site = cluster?.siteRecovery?.sites.find((x) => x.hosts.includes(h.name));
  if (site) parts.unshift(`site ${site.name}`);
  const over = !!ds && (ds.overSpace || ds.overLatency);
  return { text: parts.join(', '), level: down > 0 ? 'alarm' : migs.length || disks.length || over ? 'warn' : undefined };
}

const ago = dur;

/** Its place in the recovery plan after its site failed; null when it has none. */
function recoveryActivity(vm: VmSample): { text: string; level?: Level } | null {
  const r = vm.recovery;
  if (!r) return null;
  switch (r.state) {
    case 'waiting': return { text: `SRM P${r.priority} → ${r.to}, loses ${ago(r.lossS)}`, level: 'alarm' };
    case 'booting': return { text: `SRM booting P${r.priority}, lost ${ago(r.lossS)}`, level: 'warn' };
    case 'running': return { text: `recovered P${r.priority}, lost ${ago(r.lossS)}`, level: 'warn' };
    default: return { text: `SRM could not recover it: ${r.reason ?? 'no host'}`, level: 'alarm' };
  }
}

/** A protected VM's replica: its site, the age of its newest point against the RPO, a sync on the wire. */
function replicaActivity(vm: VmSample): { text: string; level?: Level } | null {
  const r = vm.replica;
  if (!r) return null;
  const sync = r.syncing === null ? '' : `, sync ${pct(r.syncing)}`;
  // the site is the other one (the SITES line names it): the age and the RPO come first
  return { text: `replica ${ago(r.ageS)} old, RPO ${ago(r.rpoS)}${sync}, at ${r.site}`, level: r.ageS > r.rpoS ? 'alarm' : undefined };
}

function vmActivity(cluster: ClusterSample | undefined, vm: VmSample): { text: string; level?: Level } {
  const mig = cluster?.migrations.find((m) => m.vm === vm.name);
  if (mig) {
    const phase = mig.phase === 'stop-and-copy' ? 'stop-and-copy' : `pre-copy round ${mig.round + 1}`;
    return { text: `→ ${mig.to} ${pct(mig.progress)} (${phase})`, level: 'warn' };
  }
  const svm = cluster?.relocations?.find((r) => r.vm === vm.name);
  if (svm) return { text: `disk → ${svm.to} ${pct(svm.progress)} (Storage vMotion, ${Math.round(svm.rateMiBs)} MiB/s)`, level: 'warn' };
  const recovery = recoveryActivity(vm);
  if (recovery) return recovery;
  const sdrs = cluster?.storageDrs?.mode === 'manual' ? cluster.storageDrs.recommendations.find((r) => r.vm === vm.name) : undefined;
  if (sdrs) return { text: `SDRS recommends: disk → ${sdrs.to} (${sdrs.reason}: ${sdrs.why})`, level: 'warn' };
  const down = cluster?.down.find((d) => d.vm === vm.name);
  if (down) {
    if (down.restartAt !== null) return { text: `HA restart at ${Math.round(down.restartAt)} s${down.reason ? `: ${down.reason}` : ''}`, level: 'alarm' };
    return { text: down.reason ?? 'stays down', level: 'alarm' };
  }
  const ft = cluster?.ft.find((f) => f.vm === vm.name);
  if (ft) return { text: ft.secondary ? `FT: secondary on ${ft.secondary}` : 'FT: unprotected (no secondary)', level: ft.secondary ? undefined : 'warn' };
  const replica = replicaActivity(vm);
  if (replica) return replica;
  const a = vm.appliance;
  if (a?.role === 'sva') {
    // short: the cost is on its row in c and m, and in its details
    return { text: `SVA: ${a.watching.length} watched, ${a.alerts} alert${a.alerts === 1 ? '' : 's'}`, level: a.alerts > 0 ? 'warn' : undefined };
  }
  if (a) return { text: 'virtual appliance' };
  return { text: vm.datastore && vm.datastore !== vm.host ? `disk on ${vm.datastore}'s datastore` : '' };
}

type Sortable = { name: string; cpu: number; mem: number };

function order(sort: SortKey): ((a: Sortable, b: Sortable) => number) | null {
  const byName = (a: Sortable, b: Sortable) => a.name.localeCompare(b.name);
  return sort === 'NAME' ? byName : null;
}

/** Every host (the profile's order, or by name), each opened host followed by its VMs by name. */
export function hostRows(snap: Snapshot, sort: SortKey, openHosts: readonly string[]): HostRow[] {
  const cluster = snap.cluster;
  const by = order(orderIn(HOSTS_SORTS, sort));
  const vmsOf = new Map<string, VmSample[]>();
  for (const vm of snap.vms) {
    if (vm.kind !== 'vm') continue;
    const list = vmsOf.get(vm.host);
    if (list) list.push(vm);
    else vmsOf.set(vm.host, [vm]);
  }
  const hosts = snap.hosts.map((h) => {
    const vms = vmsOf.get(h.name) ?? [];
    const c = cluster?.hosts.find((x) => x.name === h.name);
    const demand = c ? c.cpuLoad : vms.reduce((n, v) => n + v['%DMD'] / 100, 0) / Math.max(1, h.pcpus);
    // DRS's load counts VMs only; a Linux or VServer host's containers and guests use CPU too,
    // so the bar shows the utilisation where it is the larger of the two.
    const cpu = Math.max(demand, h['PCPU_UTIL%'] / 100);
    const mem = h.MEM_TOTAL > 0 ? (h.MEM_TOTAL - h.MEM_FREE) / h.MEM_TOTAL : 0;
    const memLoad = h.state === 'up' ? c?.memLoad ?? vms.reduce((n, v) => n + vmMemLoad(v, h), 0) : 0;
    return { name: h.name, cpu: h.state === 'up' ? cpu : 0, mem: h.state === 'up' ? mem : 0, memLoad, h, vms, draining: !!c?.draining };
  });
  if (by) hosts.sort(by);
  const rows: HostRow[] = [];
  for (const x of hosts) {
    const { h, vms } = x;
    const running = vms.filter((v) => v.state === 'running' || v.state === 'migrating').length;
    const down = vms.filter((v) => v.state === 'down').length;
    const act = hostActivity(cluster, h, down);
    const open = openHosts.includes(h.name);
    rows.push({
      key: `host:${h.name}`, kind: 'host', id: h.id, name: h.name, vcpus: 1, gid: 0, host: h.name, open,
      state: hostState(h, x.draining), hypervisor: h.hypervisor, reserved: h.reserved, management: traits(h.hypervisor).management,
      cpu: x.cpu, mem: x.mem, memLoad: x.memLoad,
      vms: `${running}/${vms.length}`, activity: act.text, activityLevel: act.level,
    });
    if (!open) continue;
    const children = vms.map((vm) => ({
      name: vm.name, vm,
      cpu: vm['%DMD'] / 100 / Math.max(1, h.pcpus),
      mem: h.MEM_TOTAL > 0 ? (vm.CNSM + vm.OVHD) / h.MEM_TOTAL : 0,
    })).sort(by ?? ((a, b) => a.name.localeCompare(b.name)));
    for (const c of children) {
      const a = vmActivity(cluster, c.vm);
      rows.push({
        key: `vm:${c.vm.gid}`, kind: 'vm', id: c.vm.gid, name: c.vm.name, vcpus: c.vm.vcpus, gid: c.vm.gid, host: h.name,
        parent: `host:${h.name}`, open: false, state: vmStateWord(c.vm), hypervisor: '', reserved: null, management: '', cpu: c.cpu, mem: c.mem,
        memLoad: c.vm.state === 'running' || c.vm.state === 'migrating' ? vmMemLoad(c.vm, h) : 0, vms: '',
        activity: a.text, activityLevel: a.level,
      });
    }
  }
  return rows;
}

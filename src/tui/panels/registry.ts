// The monitor's panels, in the order the keys, the help screen and the config list them. Adding a
// panel is its folder and one line here.

import type { Snapshot } from '../../engine/snapshot.js';
import { CPU_FIELDS } from '../../fields/cpu.js';
import { MEM_FIELDS } from '../../fields/memory.js';
import { CGROUP_TABLE } from '../columns-cgroup.js';
import { HOSTS_TABLE } from '../columns-hosts.js';
import { DISK_TABLE, NET_TABLE } from '../columns-io.js';
import type { TableSpec } from '../columns-table.js';
import { VSERVER_TABLE } from '../columns-vserver.js';
import { memHeaderLines, pcpuLine } from '../header-format.js';
import { cgroupLines, clusterLines, diskLines, forHost, netLines, vserverLines } from '../header-panels.js';
import { CGROUP_HELP, columns, DISK_HELP, HOSTS_HELP, NET_HELP, VSERVER_HELP } from '../help-panels.js';
import { CPU_SORTS, cpuRows, MEM_SORTS, memRows, orderIn, type PanelRow, type SortKey } from '../rows.js';
import { CGROUP_SORTS, cgroupRows, hostsWithContainers } from '../rows-cgroup.js';
import { hostRows, HOSTS_SORTS } from '../rows-hosts.js';
import { diskRows, IO_SORTS, netRows } from '../rows-io.js';
import { hostsWithGuests, VSERVER_SORTS, vserverRows } from '../rows-vserver.js';
import { CPU_TABLE } from './cpu/table.js';
import { MEM_TABLE } from './mem/table.js';
import { fieldTableFields, tableFields, type Panel } from './panel.js';

const table = <R extends PanelRow>(spec: TableSpec<R>) => spec as unknown as TableSpec<PanelRow>;
const next = ' — Tab for the next host';
const elsewhere = (hosts: readonly string[]) => (hosts.length === 0 ? ' (none in this profile)' : ` (on ${hosts.join(', ')})`);

const CPU: Panel = {
  name: 'CPU',
  table: table(CPU_TABLE),
  rows: (snap, host, v) => cpuRows(snap.vms, host, v.sort, v.expanded),
  header: (_snap, host, width) => [
    [{ text: pcpuLine('USED', host?.pcpuUsed ?? [], host?.['PCPU_USED%'] ?? 0, width) }],
    [{ text: pcpuLine('UTIL', host?.pcpuUtil ?? [], host?.['PCPU_UTIL%'] ?? 0, width) }],
  ],
  empty: () => '  no VMs on this host',
  sorts: CPU_SORTS,
  help: [{
    title: 'CPU panel columns (% of the interval; a VM sums its vCPUs)',
    rows: columns(CPU_TABLE, [
      ['ID', 'group id (GID) of a VM; on a vCPU row, the world id'],
      ['NAME', 'VM name; vCPU worlds of an expanded VM are vcpu-0, vcpu-1, …'],
    ]),
  }],
  fields: fieldTableFields(CPU_FIELDS),
};

const MEM: Panel = {
  name: 'memory',
  table: table(MEM_TABLE),
  rows: (snap, host, v) => memRows(snap.vms, host, v.sort),
  header: (_snap, host, width) => memHeaderLines(host, width),
  empty: () => '  no VMs on this host',
  sorts: MEM_SORTS,
  help: [{
    title: 'Memory panel header (the selected host, MiB)',
    rows: [
      ['PMEM', 'physical memory: total = vmk (hypervisor, Dom0 or host OS) + other (VMs) + free'],
      ['VMKMEM', 'minfree (free memory the host keeps back), the memory state, and MEM overcommit as esxtop gives it, the excess of VMs\' configured memory over the memory for VMs (0.25 = 25% more than there is; 0 = not overcommitted), then the plain ratio'],
      ['state', 'free memory against minfree (vSphere 6+): high from 400 %, clear from 100 % (no reclamation beyond page sharing), ' +
        'soft from 64 % (yellow: ballooning), hard from 32 % and low below (red: compression and host swapping; low also holds allocations); ' +
        'a host climbs back only 5 % of minfree past a boundary'],
      ['PSHARE', 'page sharing: guest memory shared, machine memory holding it, and the saving. Across VMs when the host\'s tps is ' +
        'shared (the textbook\'s, and the profile default); only within each VM under tps: per-vm (ESXi 6.0\'s default salting). ' +
        'Each VM is scanned at most once per share_scan_time (ESXi\'s Mem.ShareScanTime: 60 min)'],
      ['SWAP', 'host swap in use and the target to reclaim, swap-in and swap-out rates; ZIP compressed; MEMCTL balloon held and targeted'],
    ],
  }, { title: 'Memory panel columns (per VM: MiB, /s columns MiB per second)', rows: columns(MEM_TABLE, []) }],
  fields: fieldTableFields(MEM_FIELDS),
};

const NET: Panel = {
  name: 'network',
  table: table(NET_TABLE),
  rows: (snap, host, v) => netRows(snap.vms, host, v.sort),
  header: forHost(2, netLines),
  empty: () => `  no VMs on this host${next}`,
  sorts: IO_SORTS,
  help: NET_HELP,
  fields: tableFields(table(NET_TABLE)),
};

const DISK: Panel = {
  name: 'disk',
  table: table(DISK_TABLE),
  rows: (snap, host, v) => diskRows(snap.vms, host, v.sort),
  header: forHost(2, (_snap, host, width) => diskLines(host, width)),
  empty: () => `  no VMs on this host${next}`,
  sorts: IO_SORTS,
  help: DISK_HELP,
  fields: tableFields(table(DISK_TABLE)),
};

const CGROUP: Panel = {
  name: 'containers',
  table: table(CGROUP_TABLE),
  rows: (snap, host, v) => cgroupRows(snap, host, v.sort, v.openServices),
  header: forHost(2, cgroupLines),
  empty: (snap) => `  no containers on this host${next}${elsewhere(hostsWithContainers(snap))}`,
  sorts: CGROUP_SORTS,
  help: CGROUP_HELP,
  fields: tableFields(table(CGROUP_TABLE)),
};

const VSERVER: Panel = {
  name: 'VServer',
  table: table(VSERVER_TABLE),
  rows: (snap, host, v) => vserverRows(snap.vservers, host, v.sort),
  header: forHost(2, vserverLines),
  empty: (snap: Snapshot) =>
    `  no VServer guests on this host${next}${elsewhere(hostsWithGuests(snap.vservers, snap.hosts.map((h) => h.name)))}`,
  sorts: VSERVER_SORTS,
  help: VSERVER_HELP,
  fields: tableFields(table(VSERVER_TABLE)),
};

const HOSTS: Panel = {
  name: 'hosts',
  table: table(HOSTS_TABLE),
  // the hosts overview shows every host, whichever one Tab is on
  rows: (snap, _host, v) => hostRows(snap, v.sort, v.openHosts ?? []),
  header: (snap, _host, width) => clusterLines(snap, width),
  empty: () => '  no hosts in this profile',
  sorts: HOSTS_SORTS,
  help: HOSTS_HELP,
  fields: tableFields(table(HOSTS_TABLE)),
};

/** `cpu` is esxtop's `c` screen, `mem` its `m`, `net` its `n`, `disk` its `d` (per VM); `cgroup`
 *  the containers panel (`g`), `vserver` the VServer token buckets (`t`), `hosts` the hosts
 *  (cluster) overview (`o`). */
export const PANELS = {
  cpu: CPU, mem: MEM, net: NET, disk: DISK, cgroup: CGROUP, vserver: VSERVER, hosts: HOSTS,
} as const satisfies Record<string, Panel>;

export type PanelId = keyof typeof PANELS;

export const PANEL_IDS = Object.keys(PANELS) as PanelId[];

/** The orders a panel offers, default first (what `<` and `>` step through). */
export function panelSorts(panel: PanelId): readonly SortKey[] {
  const p = PANELS[panel].sorts;
  return [p.default, ...p.accepts.filter((k) => k !== p.default)];
}

/** The order a panel shows for the shared sort: N carries across panels, U/R/M do not. */
export const panelSort = (panel: PanelId, sort: SortKey): SortKey => orderIn(PANELS[panel].sorts, sort);

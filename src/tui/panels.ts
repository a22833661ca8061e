// The network, disk, containers and VServer panels in one place: their rows for a host, their
// table, and what they say when the host has nothing to show. The CPU and memory panels keep
// their own code (rows.ts, columns.ts).

import type { Snapshot } from '../engine/snapshot.js';
import { CGROUP_TABLE } from './columns-cgroup.js';
import { HOSTS_TABLE } from './columns-hosts.js';
import { DISK_TABLE, NET_TABLE } from './columns-io.js';
import type { TableSpec } from './columns-table.js';
import { VSERVER_TABLE } from './columns-vserver.js';
import type { PanelRow } from './rows.js';
import { cgroupRows, hostsWithContainers } from './rows-cgroup.js';
import { hostRows } from './rows-hosts.js';
import { diskRows, netRows } from './rows-io.js';
import { hostsWithGuests, vserverRows } from './rows-vserver.js';
import type { PanelId, UiState } from './state.js';

export type TablePanelId = Exclude<PanelId, 'cpu' | 'mem'>;

export function isTablePanel(panel: PanelId): panel is TablePanelId {
  return panel in TABLES;
}

export const TABLES: Record<TablePanelId, TableSpec<PanelRow>> = {
  // Method-style callbacks let a table of a row subtype stand for a table of PanelRow.
  net: NET_TABLE, disk: DISK_TABLE, cgroup: CGROUP_TABLE, vserver: VSERVER_TABLE, hosts: HOSTS_TABLE,
};

type View = Pick<UiState, 'sort' | 'openServices' | 'openHosts'>;

export function tableRows(panel: TablePanelId, snap: Snapshot, host: string | undefined, s: View): PanelRow[] {
  if (panel === 'net') return netRows(snap.vms, host, s.sort);
  if (panel === 'disk') return diskRows(snap.vms, host, s.sort);
  if (panel === 'cgroup') return cgroupRows(snap, host, s.sort, s.openServices);
  // the hosts overview shows every host, whichever one Tab is on
  if (panel === 'hosts') return hostRows(snap, s.sort, s.openHosts ?? []);
  return vserverRows(snap.vservers, host, s.sort);
}

const elsewhere = (hosts: readonly string[]) => (hosts.length === 0 ? ' (none in this profile)' : ` (on ${hosts.join(', ')})`);

/** The line a panel shows when the host has no rows for it. */
export function emptyText(panel: TablePanelId, snap: Snapshot): string {
  const next = ' — Tab for the next host';
  if (panel === 'hosts') return '  no hosts in this profile';
  if (panel === 'cgroup') return `  no containers on this host${next}${elsewhere(hostsWithContainers(snap))}`;
  if (panel === 'vserver') {
    const hosts = hostsWithGuests(snap.vservers, snap.hosts.map((h) => h.name));
    return `  no VServer guests on this host${next}${elsewhere(hosts)}`;
  }
  return `  no VMs on this host${next}`;
}

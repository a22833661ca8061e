// The containers panel (g): the cgroup tree per kernel (the host's, or a VM's), services with their
// replicas (e).

import { forHost } from '../header-line.js';
import { elsewhere, NEXT_HOST, panelTable, tableFields, type Panel } from '../panel.js';
import { cgroupLines } from './header.js';
import { CGROUP_HELP } from './help.js';
import { CGROUP_SORTS, cgroupRows, hostsWithContainers } from './rows.js';
import { CGROUP_TABLE } from './table.js';

export const CGROUP_PANEL: Panel = {
  name: 'containers',
  table: panelTable(CGROUP_TABLE),
  rows: (snap, host, v) => cgroupRows(snap, host, v.sort, v.openServices),
  header: forHost(2, cgroupLines),
  empty: (snap) => `  no containers on this host${NEXT_HOST}${elsewhere(hostsWithContainers(snap))}`,
  sorts: CGROUP_SORTS,
  help: CGROUP_HELP,
  fields: tableFields(panelTable(CGROUP_TABLE)),
};

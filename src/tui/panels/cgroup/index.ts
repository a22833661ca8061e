// The containers panel (g): the cgroup tree per kernel (the host's, or a VM's), services with their
// replicas (e).

import { expandService } from './expand.js';
import { forHost } from '../header-line.js';
import { elsewhere, NEXT_HOST, panelTable, tableFields, type Panel } from '../panel.js';
import { cgroupLines } from './header.js';
import { CGROUP_HELP } from './help.js';
import { CGROUP_SORTS, cgroupRows, hostsWithContainers } from './rows.js';
import { CGROUP_TABLE } from './table.js';

export const CGROUP_PANEL: Panel = {
  name: 'containers',
  key: 'g',
  keyHelp: 'containers panel: the cgroup tree per kernel (host, or a VM), services with their replicas (e)',
  expand: { help: 'expand / collapse the selected service into its replica containers', action: expandService },
  sortKeys: {
    U: { help: 'sort by cpu.usage% (a service by its replicas\' total), highest first', sort: '%USED', what: 'cpu.usage%' },
    M: { help: 'sort by memory.current, largest first; ties by name', sort: 'MEMSZ', what: 'memory.current' },
  },
  sortsHere: 'here U: cpu.usage%, M: memory.current, N: name',
  table: panelTable(CGROUP_TABLE),
  rows: (snap, host, v) => cgroupRows(snap, host, v.sort, v.openServices),
  header: forHost(2, cgroupLines),
  empty: (snap) => `  no containers on this host${NEXT_HOST}${elsewhere(hostsWithContainers(snap))}`,
  sorts: CGROUP_SORTS,
  help: CGROUP_HELP,
  fields: tableFields(panelTable(CGROUP_TABLE)),
  // e opens a service into its replicas
  footer: ['expand'],
};

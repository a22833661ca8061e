// The network panel (esxtop's n): each VM's port on the host's uplink, Domain-0 / Parent-Partition
// first.

import { forHost } from '../header-line.js';
import { IO_SORTS, netRows } from '../io-rows.js';
import { NET_TABLE } from '../io-table.js';
import { NEXT_HOST, panelTable, tableFields, type Panel } from '../panel.js';
import { netLines } from './header.js';
import { NET_HELP } from './help.js';

export const NET_PANEL: Panel = {
  name: 'network',
  table: panelTable(NET_TABLE),
  rows: (snap, host, v) => netRows(snap.vms, host, v.sort),
  header: forHost(2, netLines),
  empty: () => `  no VMs on this host${NEXT_HOST}`,
  sorts: IO_SORTS,
  help: NET_HELP,
  fields: tableFields(panelTable(NET_TABLE)),
};

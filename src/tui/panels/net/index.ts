// The network panel (esxtop's n): each VM's port on the host's uplink, Domain-0 / Parent-Partition
// first.

import { ONE_ROW_PER_VM } from '../io-rows.js';
import { forHost } from '../header-line.js';
import { IO_SORTS, netRows } from '../io-rows.js';
import { NET_TABLE } from '../io-table.js';
import { NEXT_HOST, panelTable, tableFields, type Panel } from '../panel.js';
import { netLines } from './header.js';
import { NET_HELP } from './help.js';

export const NET_PANEL: Panel = {
  name: 'network',
  key: 'n',
  keyHelp: 'network panel (esxtop n): each VM\'s port, Domain-0 / Parent-Partition first; the uplink in the header',
  expand: ONE_ROW_PER_VM,
  sortKeys: {},
  sortsHere: 'here the busiest port is first, N sorts by name',
  ownOrder: 'busiest first',
  table: panelTable(NET_TABLE),
  rows: (snap, host, v) => netRows(snap.vms, host, v.sort),
  header: forHost(2, netLines),
  empty: () => `  no VMs on this host${NEXT_HOST}`,
  sorts: IO_SORTS,
  help: NET_HELP,
  fields: tableFields(panelTable(NET_TABLE)),
};

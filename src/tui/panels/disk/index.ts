// The disk panel (esxtop's d): each VM's virtual disk on the host's datastore, its commands and
// latencies.

import { ONE_ROW_PER_VM } from '../io-rows.js';
import { forHost } from '../header-line.js';
import { diskRows, IO_SORTS } from '../io-rows.js';
import { DISK_TABLE } from '../io-table.js';
import { NEXT_HOST, panelTable, tableFields, type Panel } from '../panel.js';
import { diskLines } from './header.js';
import { DISK_HELP } from './help.js';

export const DISK_PANEL: Panel = {
  name: 'disk',
  key: 'v',
  keyHelp: 'disk panel (esxtop v, its per-VM disk view): each VM\'s virtual disk, its IOPS and DAVG/KAVG/GAVG; the datastore in the header',
  expand: ONE_ROW_PER_VM,
  sortKeys: {},
  sortsHere: 'here the busiest disk is first, N sorts by name',
  ownOrder: 'busiest first',
  table: panelTable(DISK_TABLE),
  rows: (snap, host, v) => diskRows(snap.vms, host, v.sort),
  header: forHost(2, (_snap, host, width) => diskLines(host, width)),
  empty: () => `  no VMs on this host${NEXT_HOST}`,
  sorts: IO_SORTS,
  help: DISK_HELP,
  fields: tableFields(panelTable(DISK_TABLE)),
};

// The VServer panel (t): each guest's token bucket on a vserver host.

import { forHost } from '../header-line.js';
import { elsewhere, NEXT_HOST, panelTable, tableFields, type Panel } from '../panel.js';
import { vserverLines } from './header.js';
import { VSERVER_HELP } from './help.js';
import { hostsWithGuests, VSERVER_SORTS, vserverRows } from './rows.js';
import { VSERVER_TABLE } from './table.js';

export const VSERVER_PANEL: Panel = {
  name: 'VServer',
  key: 't',
  keyHelp: 'VServer panel: each guest\'s token bucket (R, T, S, M, tokens, holds)',
  expand: {
    help: 'no expansion here: a guest is one context (says so)',
    answer: 'a VServer guest has no child rows: e expands VMs in the CPU panel (c) and services in the containers panel (g)',
  },
  sortKeys: { U: { help: 'sort by %USED, highest first', sort: '%USED', what: '%USED' } },
  sortsHere: 'here U sorts by %USED, N by name',
  table: panelTable(VSERVER_TABLE),
  rows: (snap, host, v) => vserverRows(snap.vservers, host, v.sort),
  header: forHost(2, vserverLines),
  empty: (snap) =>
    `  no VServer guests on this host${NEXT_HOST}${elsewhere(hostsWithGuests(snap.vservers, snap.hosts.map((h) => h.name)))}`,
  sorts: VSERVER_SORTS,
  help: VSERVER_HELP,
  fields: tableFields(panelTable(VSERVER_TABLE)),
};

// The hosts (cluster) overview (o): every host's state, CPU and memory, VMs and migrations; e opens
// a host into its VMs. The header is the cluster's, whatever host Tab is on.

import { expandHost } from './expand.js';
import { panelTable, tableFields, type Panel } from '../panel.js';
import { clusterLines } from './header.js';
import { HOSTS_HELP } from './help.js';
import { hostRows, HOSTS_SORTS } from './rows.js';
import { HOSTS_TABLE } from './table.js';

export const HOSTS_PANEL: Panel = {
  name: 'hosts',
  key: 'o',
  keyHelp: 'hosts (cluster) overview: every host\'s state, CPU and memory, VMs and migrations; the cluster\'s imbalance, ' +
    'DRS recommendations and HA capacity in the header (e shows a host\'s VMs); esxtop\'s o (field order) is the f chooser here',
  expand: {
    help: 'expand / collapse the selected host into its VMs (their state: running, mig n%, suspended, off, DOWN and why)',
    action: expandHost,
  },
  sortKeys: {},
  sortsHere: 'here hosts keep the profile\'s order, N sorts by name',
  ownOrder: 'profile order',
  table: panelTable(HOSTS_TABLE),
  // the hosts overview shows every host, whichever one Tab is on
  rows: (snap, _host, v) => hostRows(snap, v.sort, v.openHosts ?? []),
  header: (snap, _host, width) => clusterLines(snap, width),
  empty: () => '  no hosts in this profile',
  sorts: HOSTS_SORTS,
  help: HOSTS_HELP,
  fields: tableFields(panelTable(HOSTS_TABLE)),
  // the cluster view is where a host is failed and recovered, and a host opened into its VMs
  footer: ['expand', 'fail/recover'],
};

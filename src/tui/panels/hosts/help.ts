// The help screen's sections for the hosts panel: its header lines and every column.

import { columns } from '../help.js';
import type { HelpSection } from '../panel.js';
import { HOSTS_TABLE } from './table.js';

export const HOSTS_HELP: readonly HelpSection[] = [
  {
    title: 'Hosts (cluster) panel header (o: the whole cluster, whatever Tab shows)',
    rows: [
      ['CLUSTER', 'hosts powered on (up) of all; running VMs and the consolidation ratio (running VMs per powered-on host); ' +
        'HA admission control: host failures the slot policy tolerates (red: none), or the share of CPU and memory unreserved (percent policy)'],
      ['DRS', 'mode and migration threshold (1 conservative .. 5 aggressive); the imbalance (the larger of the standard deviations of the hosts\' CPU loads and of their memory loads, each shown beside it) ' +
        'against the target the threshold tolerates (yellow above it); the priority a balancing move would have now (applies when ≤ the threshold); DPM'],
      ['RECOMMENDS', 'manual DRS: the moves it proposes (VM from → to, priority); V on that VM applies one. Otherwise IN FLIGHT: ' +
        'migrations with their progress, and the VMs down'],
    ],
  },
  {
    title: 'Hosts panel columns (e opens a host into its VMs; profile order, N by name)',
    rows: columns(HOSTS_TABLE, [['NAME', '▸ host (▾ opened: its VMs below it), or a VM']]),
  },
];

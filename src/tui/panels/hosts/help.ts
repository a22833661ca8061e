// The help screen's sections for the hosts panel: its header lines and every column.

import { columns } from '../help.js';
import type { HelpSection } from '../panel.js';
import { HOSTS_TABLE } from './table.js';

export const HOSTS_HELP: readonly HelpSection[] = [
  {
    title: 'Hosts (cluster) panel header (o: the whole cluster, whatever Tab shows; DATASTORES and SITES when the profile has them)',
    rows: [
      ['CLUSTER', 'hosts powered on (up) of all; running VMs and the consolidation ratio (running VMs per powered-on host); ' +
        'HA admission control: host failures the slot policy tolerates (red: none), or the share of CPU and memory unreserved (percent policy)'],
      ['DRS', 'mode and migration threshold (1 conservative .. 5 aggressive); the imbalance (the larger of the standard deviations of the hosts\' CPU loads and of their memory loads, each shown beside it) ' +
        'against the target the threshold tolerates (yellow above it); the priority a balancing move would have now (applies when ≤ the threshold); DPM'],
      ['RECOMMENDS', 'manual DRS: the moves it proposes (VM from → to, priority); manual Storage DRS: the disks it would move (VM disk from → to, ' +
        'space or latency; the VM\'s row says the numbers); H on that VM applies one (a disk: the datastore picker, its datastore first). Otherwise IN FLIGHT: ' +
        'migrations and disk copies with their progress, and the VMs down'],
      ['DATASTORES', 'with a datastore_cluster: each member datastore (named after its host): GiB used of its capacity, the share (yellow past ' +
        'Storage DRS\'s space threshold, 80 % by default), the latency the hosts see now (DAVG + KAVG by commands; yellow past the latency threshold, ' +
        '15 ms) and its 90th percentile at the last run, which is what Storage DRS judges; the next run (vSphere: every 8 h; a lab: minutes). ' +
        'A crossing of the space threshold runs it at once'],
      ['SITES', 'with sites (site: on the hosts): each site, its hosts, its VMs replicated to the other site and the age of the oldest replication point ' +
        '(red past its RPO). After fail_site, SITE RECOVERY: the failed site, the recovery plan\'s stage (the first power-on after its start delay, then ' +
        'priority groups 1..5, each once the previous group\'s guests are up), the VMs up and waiting, and the data they lost (the time since each one\'s last replication point)'],
    ],
  },
  {
    title: 'Hosts panel columns (e opens a host into its VMs; profile order, N by name)',
    rows: columns(HOSTS_TABLE, [['NAME', '▸ host (▾ opened: its VMs below it), or a VM']]),
  },
];

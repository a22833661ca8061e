// The help screen's sections for the network, disk, containers and VServer panels: their header
// lines and every column, the columns' meanings read from the panels' tables (which take them
// from the field tables), so the help cannot drift from what the panels show.

import { HOST_DISK_FIELDS, HOST_DISK_QUEUE_FIELDS } from '../fields/disk.js';
import { HOST_NET_FIELDS } from '../fields/network.js';
import { CGROUP_TABLE } from './columns-cgroup.js';
import { HOSTS_TABLE } from './columns-hosts.js';
import { DISK_TABLE, NET_TABLE } from './columns-io.js';
import type { TableSpec } from './columns-table.js';
import { VSERVER_TABLE } from './columns-vserver.js';

import type { HelpSection } from './panels/panel.js';

export function columns<R>(spec: TableSpec<R>, fixed: readonly (readonly [string, string])[]): (readonly [string, string])[] {
  return [...fixed, ...spec.columns.map((c) => [c.label, c.meaning] as const)];
}

const hostField = (fields: readonly { key: string; meaning: string }[], key: string) =>
  fields.find((f) => f.key === key)?.meaning ?? '';

const VM_FIXED = [
  ['ID', 'group id (GID) of the VM, as in the CPU panel'],
  ['NAME', 'the VM; Domain-0 (Xen), Parent-Partition (Hyper-V) or Host-OS (type 2) first: they carry the guests\' I/O'],
] as const;

const DISK_FIXED = [
  VM_FIXED[0],
  ['NAME', `${VM_FIXED[1][1]}; after it "svm→HOST n%" while Storage vMotion copies the disk to HOST's datastore, ` +
    '"@HOST" once the disk is on HOST\'s datastore rather than its own host\'s (its I/O is served there)'],
] as const;

export const NET_HELP: readonly HelpSection[] = [
  {
    title: 'Network panel header (the selected host\'s uplink)',
    rows: [
      ['NIC', `vmnic0: ${hostField(HOST_NET_FIELDS, 'nicSpeedMbit')}; TX and RX in Mbit/s and % of the link; ` +
        `%DRPTX: ${hostField(HOST_NET_FIELDS, 'nicDropTxPct')}; %DRPRX: ${hostField(HOST_NET_FIELDS, 'nicDropRxPct')}`],
      ['PORTS', 'the VMs\' ports, how many carry traffic, and those dropping more than 1 % (red)'],
    ],
  },
  { title: 'Network panel columns (per VM port; busiest first, N by name)', rows: columns(NET_TABLE, VM_FIXED) },
];

export const DISK_HELP: readonly HelpSection[] = [
  {
    title: 'Disk panel header (the selected host\'s datastore)',
    rows: [
      ['DATASTORE', `${hostField(HOST_DISK_FIELDS, 'DISK_IOPS')}, against ${hostField(HOST_DISK_FIELDS, 'diskMaxIops')}; MiB/s read and written`],
      ['LATENCY', 'the datastore\'s DAVG, KAVG and GAVG (ms per command, colours as in the columns); SIOC active: ' +
        'Storage I/O Control divides the device by disk shares; then the device\'s queue: ' +
        HOST_DISK_QUEUE_FIELDS.map((f) => f.meaning).join('; ')],
    ],
  },
  { title: 'Disk panel columns (per VM virtual disk; busiest first, N by name)', rows: columns(DISK_TABLE, DISK_FIXED) },
];

export const CGROUP_HELP: readonly HelpSection[] = [
  {
    title: 'Containers panel header (the selected host: its kernel and its VMs\')',
    rows: [
      ['CGROUPS', 'containers, services, containers in VMs; frozen, throttled by cpu.max in the interval, restarting, OOM kills'],
      ['CPU%', 'CPU the containers used on each kernel, against its CPUs x 100; MEM the memory charged, and who is near memory.max'],
    ],
  },
  {
    title: 'Containers panel columns (a kernel row sums its containers; ▸ service ×N: e shows its replicas)',
    rows: columns(CGROUP_TABLE, [['NAME', 'kernel (host or VM), service (its parent cgroup, ×replicas) or container']]),
  },
];

export const VSERVER_HELP: readonly HelpSection[] = [
  {
    title: 'VServer panel header (the selected host\'s guests)',
    rows: [
      ['VSERVER', 'guests, W (the kernel\'s ticks per second), the sum of their R/T against the CPUs, guests held now'],
      ['HOLDS', 'holds and seconds held since start, over all guests'],
    ],
  },
  {
    title: 'VServer panel columns (per guest; U by %USED, N by name)',
    rows: columns(VSERVER_TABLE, [['CTX', 'the guest\'s context id (chcontext)'], ['NAME', 'the guest']]),
  },
];

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

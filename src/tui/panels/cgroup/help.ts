// The help screen's sections for the cgroup panel: its header lines and every column.

import { columns } from '../help.js';
import type { HelpSection } from '../panel.js';
import { CGROUP_TABLE } from './table.js';

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

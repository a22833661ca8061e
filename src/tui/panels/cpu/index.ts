// The CPU panel (esxtop's c): per VM group, %USED, %RUN, %RDY, %CSTP and the rest; e opens a
// VM into its vCPU worlds.

import { CPU_FIELDS } from '../../../fields/cpu.js';
import { pcpuLine } from '../../header-format.js';
import { columns } from '../help.js';
import { fieldTableFields, panelTable, type Panel } from '../panel.js';
import { CPU_SORTS, cpuRows } from './rows.js';
import { CPU_TABLE } from './table.js';

export const CPU_PANEL: Panel = {
  name: 'CPU',
  table: panelTable(CPU_TABLE),
  rows: (snap, host, v) => cpuRows(snap.vms, host, v.sort, v.expanded),
  header: (_snap, host, width) => [
    [{ text: pcpuLine('USED', host?.pcpuUsed ?? [], host?.['PCPU_USED%'] ?? 0, width) }],
    [{ text: pcpuLine('UTIL', host?.pcpuUtil ?? [], host?.['PCPU_UTIL%'] ?? 0, width) }],
  ],
  empty: () => '  no VMs on this host',
  sorts: CPU_SORTS,
  help: [{
    title: 'CPU panel columns (% of the interval; a VM sums its vCPUs)',
    rows: columns(CPU_TABLE, [
      ['ID', 'group id (GID) of a VM; on a vCPU row, the world id'],
      ['NAME', 'VM name; vCPU worlds of an expanded VM are vcpu-0, vcpu-1, …'],
    ]),
  }],
  fields: fieldTableFields(CPU_FIELDS),
};

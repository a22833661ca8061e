// The CPU panel (esxtop's c): per VM group, %USED, %RUN, %RDY, %CSTP and the rest; e opens a
// VM into its vCPU worlds.

import { expandVm } from './expand.js';
import { cpuHeaderLines } from './header.js';
import { columns } from '../help.js';
import { CPU_FIELDS } from '../../../fields/cpu.js';
import { AUNITS, CPU_ALLOC_FIELDS } from '../../../fields/cpu-alloc.js';
import { fieldTableFields, ID_FIELD, panelTable, tableFields, type Panel } from '../panel.js';
import { CPU_SORTS, cpuRows } from './rows.js';
import { CPU_OFF_BY_DEFAULT, CPU_TABLE } from './table.js';

export const CPU_PANEL: Panel = {
  name: 'CPU',
  key: 'c',
  keyHelp: 'CPU panel (esxtop c); host, name sort and selected VM carry over',
  expand: { help: 'expand / collapse the selected VM into its vCPU worlds', action: expandVm },
  sortKeys: {
    U: { help: 'sort by %USED, highest first', sort: '%USED', what: '%USED' },
    R: { help: 'sort by %RDY, highest first', sort: '%RDY', what: '%RDY' },
    M: { help: 'not a CPU sort: answers that m shows the memory panel, where M sorts', answer: 'M sorts the memory panel by MEMSZ: press m for it' },
  },
  sortsHere: 'here U sorts by %USED, R by %RDY, N by name',
  table: panelTable(CPU_TABLE),
  rows: (snap, host, v) => cpuRows(snap.vms, host, v.sort, v.expanded),
  header: (_snap, host, width) => cpuHeaderLines(host, width),
  empty: () => '  no VMs on this host',
  sorts: CPU_SORTS,
  help: [{
    title: 'CPU panel columns (% of the interval; a VM sums its vCPUs)',
    rows: columns(CPU_TABLE, [
      ['ID', 'group id (GID) of a VM; on a vCPU row, the world id'],
      ['NAME', 'VM name; vCPU worlds of an expanded VM are vcpu-0, vcpu-1, …'],
    ]),
  }],
  // the field tables' rows carry their units; NWLD and STATE are the table's own
  fields: [ID_FIELD, tableFields(panelTable(CPU_TABLE)).find((f) => f.key === 'NWLD')!,
    ...fieldTableFields([...CPU_FIELDS, ...CPU_ALLOC_FIELDS]), AUNITS, tableFields(panelTable(CPU_TABLE)).find((f) => f.key === 'STATE')!],
  offByDefault: CPU_OFF_BY_DEFAULT,
  // e opens the vCPU worlds, where %CSTP and a VM's spread show
  footer: ['expand'],
};

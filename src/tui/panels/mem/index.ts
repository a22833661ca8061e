// The memory panel (esxtop's m): the host's memory state in the header, per VM its size, grant,
// balloon, swap, compression and page sharing.

import { MEM_FIELDS } from '../../../fields/memory.js';
import { memHeaderLines } from './header.js';
import { columns } from '../help.js';
import { fieldTableFields, ID_FIELD, panelTable, type Panel } from '../panel.js';
import { MEM_SORTS, memRows } from './rows.js';
import { MEM_TABLE } from './table.js';

export const MEM_PANEL: Panel = {
  name: 'memory',
  key: 'm',
  keyHelp: 'memory panel (esxtop m); host, name sort and selected VM carry over',
  expand: {
    help: 'no expansion here: memory belongs to the VM, not to its vCPUs (says so)',
    answer: 'e expands a VM into vCPUs in the CPU panel only: memory is per VM (c for CPU)',
  },
  sortKeys: {
    U: { help: 'not a memory sort: answers that M sorts by MEMSZ and N by name', answer: 'U sorts the CPU panel by %USED; here M sorts by MEMSZ, N by name' },
    R: { help: 'not a memory sort: answers that M sorts by MEMSZ and N by name', answer: 'R sorts the CPU panel by %RDY; here M sorts by MEMSZ, N by name' },
    M: { help: 'sort by MEMSZ (configured memory), largest first; ties by name', sort: 'MEMSZ', what: 'MEMSZ' },
  },
  sortsHere: 'here M sorts by MEMSZ, N by name',
  table: panelTable(MEM_TABLE),
  rows: (snap, host, v) => memRows(snap.vms, host, v.sort),
  header: (_snap, host, width) => memHeaderLines(host, width),
  empty: () => '  no VMs on this host',
  sorts: MEM_SORTS,
  help: [{
    title: 'Memory panel header (the selected host, MiB)',
    rows: [
      ['PMEM', 'physical memory: total = vmk (hypervisor, Dom0 or host OS) + other (VMs) + free'],
      ['VMKMEM', 'minfree (free memory the host keeps back), the memory state, and MEM overcommit as esxtop gives it, the excess of VMs\' configured memory over the memory for VMs (0.25 = 25% more than there is; 0 = not overcommitted), then the plain ratio'],
      ['state', 'free memory against minfree (vSphere 6+): high from 400 %, clear from 100 % (no reclamation beyond page sharing), ' +
        'soft from 64 % (yellow: ballooning), hard from 32 % and low below (red: compression and host swapping; low also holds allocations); ' +
        'a host climbs back only 5 % of minfree past a boundary'],
      ['PSHARE', 'page sharing: guest memory shared, machine memory holding it, and the saving. Across VMs when the host\'s tps is ' +
        'shared (the textbook\'s, and the profile default); only within each VM under tps: per-vm (ESXi 6.0\'s default salting). ' +
        'Each VM is scanned at most once per share_scan_time (ESXi\'s Mem.ShareScanTime: 60 min)'],
      ['SWAP', 'host swap in use and the target to reclaim, swap-in and swap-out rates; ZIP compressed; MEMCTL balloon held and targeted'],
    ],
  }, { title: 'Memory panel columns (per VM: MiB, /s columns MiB per second)', rows: columns(MEM_TABLE, []) }],
  fields: [ID_FIELD, ...fieldTableFields(MEM_FIELDS)],
};

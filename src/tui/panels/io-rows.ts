// The network (`n`) and disk (`d`) panels' rows: one per VM port / virtual disk on the host.
// System rows (Xen's Domain-0, Hyper-V's Parent-Partition, a type-2 host's own OS) come first:
// they carry the guests' I/O through their back-end drivers. Keys are the CPU panel's `vm:<gid>`,
// so the selected VM stays selected across c, m, n and d.

import type { VmSample } from '../../engine/snapshot.js';
import { orderIn, type PanelRow, type PanelSorts, type SortKey } from './rows.js';

/** `e` in the network and disk panels: a VM is one row there. */
export const ONE_ROW_PER_VM = {
  help: 'no expansion here: a VM has one port and one virtual disk (says so)',
  answer: 'e expands a VM into vCPUs in the CPU panel (c) and a service into its containers (g); here a VM is one row',
};

/** The network and disk panels: the busiest first, or N by name. */
export const IO_SORTS: PanelSorts = { default: 'IO', accepts: ['IO', 'NAME'] };

export interface IoRow extends PanelRow {
  kind: 'vm';
  values: VmSample;
}

const traffic = (vm: VmSample) => vm['MbTX/s'] + vm['MbRX/s'];

function ioRows(vms: readonly VmSample[], host: string | undefined, sort: SortKey, busy: (vm: VmSample) => number): IoRow[] {
  const byName = (a: VmSample, b: VmSample) => a.name.localeCompare(b.name) || a.gid - b.gid;
  const order = sort === 'NAME' ? byName : (a: VmSample, b: VmSample) => busy(b) - busy(a) || a.gid - b.gid;
  const system = (vm: VmSample) => (vm.kind === 'system' ? 0 : 1);
  // a capture's group with no port (or no virtual disk) reads NaN here: as in esxtop, not a row
  return vms.filter((vm) => vm.host === host && !Number.isNaN(busy(vm)))
    .sort((a, b) => system(a) - system(b) || order(a, b))
    .map((vm) => ({ key: `vm:${vm.gid}`, kind: 'vm', id: vm.gid, name: vm.name, vcpus: vm.vcpus, gid: vm.gid, values: vm }));
}

/** Busiest port first (MbTX/s + MbRX/s), or by name. */
export function netRows(vms: readonly VmSample[], host: string | undefined, sort: SortKey): IoRow[] {
  return ioRows(vms, host, orderIn(IO_SORTS, sort), traffic);
}

/** Busiest disk first (CMDS/s), or by name. */
export function diskRows(vms: readonly VmSample[], host: string | undefined, sort: SortKey): IoRow[] {
  return ioRows(vms, host, orderIn(IO_SORTS, sort), (vm) => vm['CMDS/s']);
}

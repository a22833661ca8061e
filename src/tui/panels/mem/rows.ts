// The memory panel's rows: one per VM (system rows such as a type-2 host's Host-OS have no memory
// group and are left out, as esxtop shows only VMs' memory groups).

import type { VmMemoryFields, VmSample } from '../../../engine/snapshot.js';
import { orderIn, vmOrder, type PanelRow, type PanelSorts, type SortKey } from '../rows.js';

export const MEM_SORTS: PanelSorts = { default: 'MEMSZ', accepts: ['MEMSZ', 'NAME'] };

export interface MemRow extends PanelRow {
  values: VmMemoryFields;
}

export function memRows(vms: readonly VmSample[], host: string | undefined, sort: SortKey): MemRow[] {
  return vms.filter((vm) => vm.host === host && vm.kind === 'vm')
    .sort(vmOrder(orderIn(MEM_SORTS, sort)))
    .map((vm) => ({ key: `vm:${vm.gid}`, kind: 'vm', id: vm.gid, name: vm.name, vcpus: vm.vcpus,
      gid: vm.gid, values: vm }));
}
